namespace AntiPatterns;

/// <summary>The namespaces the anti-patterns live in.</summary>
public static class Shop
{
    /// <summary>Where the shop's services run.</summary>
    public const string Namespace = "shop";

    /// <summary>The namespace the project lists as production (MeshDslProductionNamespaces in AntiPatterns.csproj).</summary>
    public const string Payments = "payments";
}

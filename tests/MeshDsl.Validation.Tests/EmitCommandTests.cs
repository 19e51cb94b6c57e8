using System.IO;
using MeshDsl.Cli;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>`meshdsl emit` validates against the project's MeshCrd items (--crd), as MeshDsl.targets passes them.</summary>
public sealed class EmitCommandTests
{
    [Fact]
    public void A_crd_file_without_a_CRD_fails_emission_with_MESH0106_before_anything_runs_or_is_written()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"meshdsl-emit-{System.Guid.NewGuid():N}");
        var crd = Path.Combine(Path.GetTempPath(), $"meshdsl-not-a-crd-{System.Guid.NewGuid():N}.yaml");
        File.WriteAllText(crd, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        try
        {
            var output = new StringWriter();
            var code = CommandLine.Run(new[] { "emit", "--assembly", typeof(EmitCommandTests).Assembly.Location, "--out", folder, "--crd", crd }, output, new StringWriter());

            Assert.Equal(2, code);
            Assert.Equal($"meshdsl : error MESH0106: --crd '{crd}' is not a readable CustomResourceDefinition file; fix or remove the MeshCrd item.", output.ToString().Trim());
            Assert.False(Directory.Exists(folder));
        }
        finally
        {
            File.Delete(crd);
        }
    }
}

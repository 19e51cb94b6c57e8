using System;
using MeshDsl.Cli;

return CommandLine.Run(args, Console.In, Console.Out, Console.Error);

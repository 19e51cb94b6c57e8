using System;
using MeshDsl.Cli;

return CommandLine.Run(args, Console.Out, Console.Error);

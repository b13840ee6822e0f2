// Runs a tool's root command in-process exactly as its Program does (CommandLineTool.Run), capturing stderr.
// Console.Error is process-wide, so this assembly's tests run one at a time (see AssemblyInfo.cs).
using System.CommandLine;
using Dcgan.CommandLine;

namespace Dcgan.Cli.Tests;

internal static class ToolRunner
{
    public static (int ExitCode, string Errors) Dcgan(params string[] args) => Run(DcganCommands.Create(), args);

    public static (int ExitCode, string Errors) Experiments(params string[] args) => Run(global::Dcgan.Experiments.ExperimentCommands.Create(), args);

    private static (int ExitCode, string Errors) Run(RootCommand root, string[] args)
    {
        TextWriter original = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            return (CommandLineTool.Run(root, args), errors.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}

// Runs a tool's root command in-process exactly as its Program does (CommandLineTool.Run), with a captured console:
// stdout (Console.Out and Spectre's AnsiConsole, unwrapped and without colours) and stderr. A cancellation token
// plays Ctrl+C. Console and AnsiConsole are process-wide, so this assembly's tests run one at a time (AssemblyInfo.cs).
using System.CommandLine;
using Dcgan.CommandLine;
using Spectre.Console;

namespace Dcgan.Cli.Tests;

/// <summary>What a run printed and returned.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string Errors)
{
    public void Deconstruct(out int exitCode, out string errors)
    {
        exitCode = ExitCode;
        errors = Errors;
    }
}

internal static class ToolRunner
{
    public static ToolResult Dcgan(params string[] args) => Run("dcgan", DcganCommands.Create(), args, CancellationToken.None);

    public static ToolResult Dcgan(CancellationToken cancellation, params string[] args) => Run("dcgan", DcganCommands.Create(), args, cancellation);

    public static ToolResult Experiments(params string[] args) => Run("dcgan-experiments", global::Dcgan.Experiments.ExperimentCommands.Create(), args, CancellationToken.None);

    /// <summary>Also lets a test watch stdout while the command runs (e.g. to cancel once training has started).</summary>
    public static ToolResult Run(string tool, RootCommand root, string[] args, CancellationToken cancellation, TextWriter? output = null)
    {
        TextWriter originalOut = Console.Out, originalError = Console.Error;
        IAnsiConsole originalAnsi = AnsiConsole.Console;
        var captured = output ?? new StringWriter();
        using var errors = new StringWriter();
        var synchronizedOut = TextWriter.Synchronized(captured);
        Console.SetOut(synchronizedOut);
        Console.SetError(errors);
        IAnsiConsole ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(synchronizedOut),
        });
        ansi.Profile.Width = 10_000; // no wrapping: a test reads whole lines
        AnsiConsole.Console = ansi;
        try
        {
            int exit = CommandLineTool.Run(tool, root, args, cancellation);
            return new ToolResult(exit, captured.ToString() ?? "", errors.ToString());
        }
        finally
        {
            AnsiConsole.Console = originalAnsi;
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}

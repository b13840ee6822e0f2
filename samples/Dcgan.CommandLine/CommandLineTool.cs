// Runs a tool's root command: a parse error or an expected failure (bad input, missing files, unreadable
// checkpoints, invalid options) becomes one line "error: MESSAGE" on stderr in the user's words (UserErrors) and
// exit code 2, never a stack trace or a help page.
using System.CommandLine;
using System.CommandLine.Help;
using Dcgan.Native;
using Dcgan.Persistence;
using Microsoft.Extensions.Options;

namespace Dcgan.CommandLine;

/// <summary>The entry point both tools share.</summary>
public static class CommandLineTool
{
    /// <summary>Exit code of a user error (the message says what to fix).</summary>
    public const int UserErrorExitCode = 2;

    /// <summary>
    /// Exit code of a run that finished and wrote its files but whose result missed a documented quality gate
    /// (`dcgan-experiments train-classifier` below the accuracy the evaluation classifier must reach).
    /// </summary>
    public const int QualityGateExitCode = 3;

    /// <summary>
    /// Parses <paramref name="args"/> and invokes the chosen command of <paramref name="tool"/> (its name, as the user
    /// types it); <paramref name="cancellation"/> does what Ctrl+C does (train stops at the next step and saves a checkpoint).
    /// </summary>
    /// <returns>The command's exit code, or <see cref="UserErrorExitCode"/> after printing "error: MESSAGE".</returns>
    public static int Run(string tool, RootCommand root, string[] args, CancellationToken cancellation = default)
    {
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            // One line per run, not System.CommandLine's errors followed by the whole help page.
            string command = string.Join(' ', [tool, .. CommandPath(parse)]);
            Console.Error.WriteLine($"error: {string.Join(" ", parse.Errors.Select(UserErrors.ParseError))} (see: {command} --help)");
            return UserErrorExitCode;
        }

        // The default exception handler would print a stack trace. Ctrl+C and SIGTERM are handled by the commands
        // that need it (train saves a checkpoint), so no termination timeout.
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            return parse.InvokeAsync(configuration, cancellation).GetAwaiter().GetResult();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"error: {UserErrors.Describe(e)}");
            return UserErrorExitCode;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = parse.CommandResult; r?.Parent is not null; r = r.Parent)
        {
            if (r is System.CommandLine.Parsing.CommandResult c)
            {
                names.Push(c.Command.Name);
            }
        }

        return names;
    }

    private static bool IsUserError(Exception e) =>
        e is ArgumentException or OptionsValidationException or CheckpointException or TorchLoadException or Dcgan.Training.DivergenceException
            or IOException or InvalidDataException or UnauthorizedAccessException or Dcgan.Imaging.FontUnavailableException;
}

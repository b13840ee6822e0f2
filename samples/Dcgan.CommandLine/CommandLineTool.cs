// Runs a tool's root command: expected failures (bad input, missing files, unreadable checkpoints) become one clear
// line on stderr and exit code 2, never a stack trace.
using System.CommandLine;
using Dcgan.Native;
using Dcgan.Persistence;
using Microsoft.Extensions.Options;

namespace Dcgan.CommandLine;

/// <summary>The entry point both tools share.</summary>
public static class CommandLineTool
{
    /// <summary>Exit code of a user error (the message says what to fix).</summary>
    public const int UserErrorExitCode = 2;

    /// <summary>Parses <paramref name="args"/> and invokes the chosen command.</summary>
    /// <returns>The command's exit code, or <see cref="UserErrorExitCode"/> after printing "error: MESSAGE".</returns>
    public static int Run(RootCommand root, string[] args)
    {
        // The default exception handler would print a stack trace. Ctrl+C and SIGTERM are handled by the commands
        // that need it (train saves a checkpoint), so no termination timeout.
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return Run(() => root.Parse(args).Invoke(configuration));
    }

    /// <summary>Runs <paramref name="command"/>, turning the library's expected failures into one line on stderr.</summary>
    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return UserErrorExitCode;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is ArgumentException or OptionsValidationException or CheckpointException or TorchLoadException or Dcgan.Training.DivergenceException
            or IOException or InvalidDataException or UnauthorizedAccessException or Dcgan.Imaging.FontUnavailableException;
}

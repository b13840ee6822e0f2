using Dcgan.Native;
using Dcgan.Persistence;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Dcgan.Cli;

/// <summary>Turns the library's expected failures into one clear line on stderr and exit code 2 (no stack trace).</summary>
internal static class CommandLineErrors
{
    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (IsUserError(e))
        {
            AnsiConsole.Console.Write(new Markup($"[red]error:[/] {Markup.Escape(e.Message)}\n"));
            return 2;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is ArgumentException or OptionsValidationException or CheckpointException or TorchLoadException
            or IOException or InvalidDataException or UnauthorizedAccessException or Dcgan.Imaging.FontUnavailableException;
}

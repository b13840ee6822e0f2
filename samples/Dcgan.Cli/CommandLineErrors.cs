using Dcgan.Native;
using Dcgan.Persistence;
using Microsoft.Extensions.Options;

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
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is ArgumentException or OptionsValidationException or CheckpointException or TorchLoadException
            or IOException or InvalidDataException or UnauthorizedAccessException or Dcgan.Imaging.FontUnavailableException;
}

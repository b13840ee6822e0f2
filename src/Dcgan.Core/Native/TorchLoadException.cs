// TorchLoadException: TorchSharp's native backend could not be loaded; the message says why and how to fix it.
namespace Dcgan.Native;

/// <summary>
/// Thrown when TorchSharp's native backend cannot be loaded. The message names the missing piece and the fix.
/// </summary>
public sealed class TorchLoadException : Exception
{
    /// <summary>Creates the exception with an explanation and the original TorchSharp failure.</summary>
    /// <param name="message">What is missing and how to fix it.</param>
    /// <param name="innerException">TorchSharp's own exception.</param>
    public TorchLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

// GeneratorUnavailableException: a request reached a pool that has no model to run (no model file yet).
namespace Dcgan.Serving;

/// <summary>
/// The <see cref="GeneratorPool"/> has no model loaded: no model file was configured, or a watched folder holds
/// none yet. A web front end maps it to 503 Service Unavailable.
/// </summary>
public sealed class GeneratorUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and how to provide it.</param>
    public GeneratorUnavailableException(string message)
        : base(message)
    {
    }
}

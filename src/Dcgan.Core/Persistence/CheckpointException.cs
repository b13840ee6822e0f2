// The one exception type of checkpoint reading, writing and loading.
namespace Dcgan.Persistence;

/// <summary>
/// A checkpoint could not be read or written, or does not fit the model it is loaded into. The message names the
/// file, the entry where one is at fault, and the problem; nothing in memory was changed, and a failed write left
/// any previous file at that path unchanged.
/// </summary>
public sealed class CheckpointException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The file and what is wrong with it.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public CheckpointException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

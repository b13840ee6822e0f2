// IdxFormatException: a malformed IDX file, with the file, the byte offset and what was expected.
namespace Dcgan.Data;

/// <summary>
/// Thrown when an IDX file (MNIST format, raw or gzip-compressed) is malformed. The message names the
/// file, the byte offset, the value found and the value expected.
/// </summary>
/// <remarks>
/// <see cref="InvalidDataException"/> is sealed, so this derives from <see cref="IOException"/>; catch
/// <see cref="IOException"/> to handle both this and file-system errors.
/// </remarks>
public sealed class IdxFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file being read.</param>
    /// <param name="offset">
    /// The byte offset of the problem in the IDX content (the decompressed content for gzip files), or -1
    /// when no single offset applies.
    /// </param>
    /// <param name="message">What was found and what was expected; the file and offset are prepended.</param>
    /// <param name="innerException">The underlying error (for example from <see cref="System.IO.Compression.GZipStream"/>), if any.</param>
    public IdxFormatException(string filePath, long offset, string message, Exception? innerException = null)
        : base(Format(filePath, offset, message), innerException)
    {
        FilePath = filePath;
        Offset = offset;
    }

    /// <summary>The file that failed to parse.</summary>
    public string FilePath { get; }

    /// <summary>Byte offset of the problem in the (decompressed) IDX content, or -1 when not applicable.</summary>
    public long Offset { get; }

    private static string Format(string filePath, long offset, string message) =>
        offset >= 0
            ? $"Invalid IDX file '{filePath}' at byte offset {offset}: {message}"
            : $"Invalid IDX file '{filePath}': {message}";
}

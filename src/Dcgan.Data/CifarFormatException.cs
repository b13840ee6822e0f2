// CifarFormatException: a malformed CIFAR binary file, with the file, the record, the byte offset and what was expected.
namespace Dcgan.Data;

/// <summary>
/// Thrown when a CIFAR-10 or CIFAR-100 binary file is malformed: empty, a length that is not a whole number of
/// records, or a label outside its range. The message names the file, the record and byte offset where that
/// applies, what was found and what was expected.
/// </summary>
/// <remarks>Derives from <see cref="IOException"/> like <see cref="IdxFormatException"/>.</remarks>
public sealed class CifarFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file being read.</param>
    /// <param name="record">The zero-based record of the problem, or -1 when no single record applies.</param>
    /// <param name="offset">The byte offset of the problem in the file, or -1 when no single offset applies.</param>
    /// <param name="message">What was found and what was expected; the file, record and offset are prepended.</param>
    public CifarFormatException(string filePath, long record, long offset, string message)
        : base(Format(filePath, record, offset, message))
    {
        FilePath = filePath;
        Record = record;
        Offset = offset;
    }

    /// <summary>The file that failed to parse.</summary>
    public string FilePath { get; }

    /// <summary>The zero-based record of the problem, or -1 when not applicable.</summary>
    public long Record { get; }

    /// <summary>The byte offset of the problem in the file, or -1 when not applicable.</summary>
    public long Offset { get; }

    private static string Format(string filePath, long record, long offset, string message) =>
        (record, offset) switch
        {
            ( >= 0, >= 0) => $"Invalid CIFAR file '{filePath}' at record {record} (byte offset {offset}): {message}",
            (_, >= 0) => $"Invalid CIFAR file '{filePath}' at byte offset {offset}: {message}",
            _ => $"Invalid CIFAR file '{filePath}': {message}",
        };
}

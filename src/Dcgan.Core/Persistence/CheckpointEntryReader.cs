// Reads one entry of a checkpoint archive with a bounded size: never more than the length the (hash-covered)
// manifest declares, so a deflate bomb fails after a few kilobytes instead of allocating gigabytes.
using System.IO.Compression;

namespace Dcgan.Persistence;

/// <summary>Bounded reads of zip entries: the declared length, no more, no less.</summary>
internal static class CheckpointEntryReader
{
    /// <summary>Deflate cannot expand data by more than about 1032:1; a larger claim is a bomb or a corrupt size.</summary>
    private const long MaximumDeflateRatio = 1032;

    /// <summary>Reads are done in chunks of at most this many bytes, so memory follows the data actually inflated.</summary>
    private const int FirstChunk = 1 << 20;

    /// <summary>Reads exactly <paramref name="declared"/> bytes of <paramref name="entry"/>.</summary>
    /// <param name="entry">The zip entry.</param>
    /// <param name="declared">The length the manifest declares (for files that declare none: the zip header's).</param>
    /// <param name="maximum">The largest length accepted for this kind of entry.</param>
    /// <param name="file">The checkpoint file, for messages.</param>
    /// <exception cref="CheckpointException">The entry is larger or smaller than declared, or does not decompress.</exception>
    public static byte[] Read(ZipArchiveEntry entry, long declared, long maximum, string file)
    {
        string where = $"Checkpoint '{file}', entry '{entry.FullName}'";
        if (declared < 0 || declared > maximum)
        {
            throw new CheckpointException($"{where}: declares {declared} bytes; expected 0 to {maximum}.");
        }

        if (entry.Length != declared)
        {
            throw new CheckpointException($"{where}: the manifest declares {declared} bytes but the zip header says {entry.Length}.");
        }

        if (declared > (entry.CompressedLength * MaximumDeflateRatio) + 1024)
        {
            throw new CheckpointException(
                $"{where}: claims {declared} bytes from {entry.CompressedLength} compressed bytes, more than deflate can expand (a zip bomb or a corrupt size).");
        }

        try
        {
            using Stream stream = entry.Open();
            byte[] buffer = new byte[Math.Min(declared, FirstChunk)];
            int filled = 0;
            while (filled < declared)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(declared, (long)buffer.Length * 2));
                }

                int read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    throw new CheckpointException($"{where}: holds only {filled} of its {declared} declared bytes (truncated).");
                }

                filled += read;
            }

            if (stream.ReadByte() >= 0)
            {
                throw new CheckpointException($"{where}: holds more than its {declared} declared bytes (reading stopped there: a zip bomb or a corrupt entry).");
            }

            return buffer;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new CheckpointException($"{where}: does not decompress: {e.Message}", e);
        }
    }
}

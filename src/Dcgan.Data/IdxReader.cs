// IdxReader: parses IDX files (MNIST format), raw or gzip, validating every header claim against the data.
using System.Buffers.Binary;
using System.IO.Compression;

namespace Dcgan.Data;

/// <summary>
/// Reads IDX files: the format of MNIST and Fashion-MNIST (<c>*-images-idx3-ubyte</c>, <c>*-labels-idx1-ubyte</c>).
/// Files may be raw or gzip-compressed; compression is detected by the gzip magic bytes <c>1F 8B</c>, not by
/// the file extension. A gzip file may consist of several concatenated members (as written by pigz, bgzip or
/// <c>cat a.gz b.gz</c>); its content is the members' contents in order.
/// </summary>
/// <remarks>
/// <para>Layout: two zero bytes, a type byte, a dimension-count byte, one big-endian int32 per dimension,
/// then the payload in row-major order. Only type 0x08 (unsigned byte) is supported; it is what MNIST uses.</para>
/// <para>No memory is allocated in proportion to a size that the header merely claims: for raw files the
/// claim is compared with the file length first; gzip content is read in chunks into a buffer that grows
/// only as decompressed data actually arrives. Every problem raises an <see cref="IdxFormatException"/>
/// naming the file, the byte offset, the value found and the value expected.</para>
/// </remarks>
public static class IdxReader
{
    /// <summary>The only supported IDX element type: unsigned byte.</summary>
    public const byte UnsignedByteType = 0x08;

    private const int ChunkSize = 1 << 16;   // 64 KiB: initial buffer and read size for gzip content
    private const long MaxDeflateRatio = 1032; // deflate cannot expand more than ~1032:1, so larger claims are impossible
    private const long MaxHintRatio = 16;      // MNIST compresses ~2-6x; trust the ISIZE hint only up to 16x the file

    /// <summary>Reads an image file: exactly 3 dimensions [N, H, W].</summary>
    /// <param name="path">The file, raw or gzip.</param>
    /// <returns>The parsed file.</returns>
    /// <exception cref="IdxFormatException">The file is malformed or does not have 3 dimensions.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IdxFile ReadImages(string path) => Read(path, expectedDimensions: 3, "an image file [N, H, W]");

    /// <summary>Reads a label file: exactly 1 dimension [N].</summary>
    /// <param name="path">The file, raw or gzip.</param>
    /// <returns>The parsed file.</returns>
    /// <exception cref="IdxFormatException">The file is malformed or does not have 1 dimension.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IdxFile ReadLabels(string path) => Read(path, expectedDimensions: 1, "a label file [N]");

    /// <summary>Reads an IDX file with any number of dimensions (at least 1).</summary>
    /// <param name="path">The file, raw or gzip.</param>
    /// <returns>The parsed file.</returns>
    /// <exception cref="IdxFormatException">The file is malformed.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IdxFile Read(string path) => Read(path, expectedDimensions: null, null);

    /// <summary>Whether <paramref name="path"/> starts with the gzip magic bytes <c>1F 8B</c>.</summary>
    /// <param name="path">An existing file.</param>
    /// <returns><see langword="true"/> for gzip content.</returns>
    public static bool IsGzip(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        return stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    private static IdxFile Read(string path, int? expectedDimensions, string? expectedKind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        }

        return IsGzip(path)
            ? ReadGzip(path, expectedDimensions, expectedKind)
            : ReadRaw(path, expectedDimensions, expectedKind);
    }

    private static IdxFile ReadRaw(string path, int? expectedDimensions, string? expectedKind)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long fileLength = stream.Length;
        var header = ReadHeader(stream, path, expectedDimensions, expectedKind, "the file is");
        long actual = fileLength - header.Length;
        if (actual != header.PayloadLength)
        {
            throw new IdxFormatException(path, header.Length,
                $"header dimensions {header.Describe()} claim {header.DescribeClaim()} payload bytes, " +
                $"but the file is {fileLength} bytes long, leaving {actual} payload bytes after the {header.Length}-byte header.");
        }

        EnsureFitsInArray(path, header);

        var data = GC.AllocateUninitializedArray<byte>((int)header.PayloadLength);
        stream.ReadExactly(data);
        return new IdxFile(path, header.Dimensions, data);
    }

    private static IdxFile ReadGzip(string path, int? expectedDimensions, string? expectedKind)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.SequentialScan);
        long compressedLength = file.Length;
        GzipTrailer? trailer = ReadGzipTrailer(file);
        uint? trailerSize = trailer?.Size;
        using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
        long offset = 0;
        try
        {
            var header = ReadHeader(gzip, path, expectedDimensions, expectedKind, "the decompressed content is");
            offset = header.Length;
            long claimed = header.PayloadLength;
            long possible = compressedLength * MaxDeflateRatio + header.Length;
            if (claimed > possible)
            {
                throw new IdxFormatException(path, 4,
                    $"header dimensions {header.Describe()} claim {header.DescribeClaim()} payload bytes, but the file is " +
                    $"{compressedLength} compressed bytes long, which can decompress to at most about {possible} bytes.");
            }

            EnsureFitsInArray(path, header);

            // Start small. The gzip ISIZE trailer is only a hint for the initial capacity, and even a matching
            // (possibly forged) hint is capped at MaxHintRatio x the compressed length; the buffer otherwise grows
            // by doubling as decompressed bytes actually arrive.
            long hinted = trailerSize is uint isize && (isize == (uint)(header.Length + claimed))
                ? Math.Max(ChunkSize, Math.Min(claimed, compressedLength * MaxHintRatio))
                : ChunkSize;
            var buffer = new byte[(int)Math.Min(claimed, hinted)];
            int filled = 0;
            while (filled < claimed)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(claimed, (long)buffer.Length * 2));
                }

                int read = gzip.Read(buffer, filled, Math.Min(buffer.Length - filled, ChunkSize * 16));
                if (read == 0)
                {
                    throw new IdxFormatException(path, header.Length + filled,
                        $"the decompressed content ends after {header.Length + filled} bytes, but header dimensions " +
                        $"{header.Describe()} claim {claimed} payload bytes ({header.Length + claimed} in total); " +
                        $"the file ({compressedLength} compressed bytes) is truncated or the header is wrong.");
                }

                filled += read;
                offset = header.Length + filled;
            }

            long trailing = CountRemaining(gzip);
            if (trailing > 0)
            {
                throw new IdxFormatException(path, header.Length + claimed,
                    $"found {trailing} trailing bytes after the {claimed} payload bytes that header dimensions " +
                    $"{header.Describe()} claim; expected the content to end at byte {header.Length + claimed}.");
            }

            long total = header.Length + claimed;
            if (trailer is GzipTrailer last && last.Size != (uint)total && !IsLastMemberOf(last, header, buffer))
            {
                throw new IdxFormatException(path, -1,
                    $"the gzip trailer records an uncompressed size of {last.Size} bytes (mod 2^32), but {total} bytes " +
                    "were decompressed, and it is not the trailer of a last member holding the content's final bytes either " +
                    "(its CRC-32 does not match them); the file is truncated or has a corrupt trailer.");
            }

            return new IdxFile(path, header.Dimensions, buffer);
        }
        catch (InvalidDataException ex)
        {
            throw new IdxFormatException(path, offset,
                $"the gzip stream is corrupt ({ex.Message}) after {offset} decompressed bytes " +
                $"(file is {compressedLength} compressed bytes).", ex);
        }
    }

    /// <summary>Reads the last gzip trailer (CRC-32 and ISIZE, little-endian) and rewinds; null for files too short to have one.</summary>
    private static GzipTrailer? ReadGzipTrailer(FileStream file)
    {
        const int MinimumGzipLength = 18;   // 10-byte header + 8-byte trailer
        if (file.Length < MinimumGzipLength)
        {
            return null;
        }

        Span<byte> trailer = stackalloc byte[8];
        file.Seek(-8, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        return new GzipTrailer(BinaryPrimitives.ReadUInt32LittleEndian(trailer), BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]));
    }

    /// <summary>
    /// Whether <paramref name="trailer"/> is that of a last member (of a multi-member file) holding the final
    /// <see cref="GzipTrailer.Size"/> bytes of the content: its size fits and its CRC-32 matches those bytes. The
    /// decoder checks every member it finishes, but not a last trailer cut short, which this test catches.
    /// </summary>
    private static bool IsLastMemberOf(GzipTrailer trailer, IdxHeader header, byte[] payload)
    {
        long total = header.Length + payload.LongLength;
        if (trailer.Size >= total)
        {
            return false;
        }

        long fromPayload = Math.Min(trailer.Size, payload.LongLength);
        uint crc = 0;
        if (trailer.Size > fromPayload)
        {
            byte[] headerBytes = header.ToBytes();
            crc = Crc32.Append(crc, headerBytes.AsSpan(headerBytes.Length - (int)(trailer.Size - fromPayload)));
        }

        crc = Crc32.Append(crc, payload.AsSpan((int)(payload.LongLength - fromPayload)));
        return crc == trailer.Crc;
    }

    private static long CountRemaining(Stream stream)
    {
        var scratch = new byte[ChunkSize];
        long count = 0;
        int read;
        while ((read = stream.Read(scratch, 0, scratch.Length)) > 0)
        {
            count += read;
        }

        return count;
    }

    private static IdxHeader ReadHeader(Stream stream, string path, int? expectedDimensions, string? expectedKind, string lengthSubject)
    {
        Span<byte> magic = stackalloc byte[4];
        int got = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        if (got < 4)
        {
            throw new IdxFormatException(path, got,
                $"{lengthSubject} only {got} bytes long; expected at least the 4-byte IDX magic number.");
        }

        for (int i = 0; i < 2; i++)
        {
            if (magic[i] != 0)
            {
                throw new IdxFormatException(path, i,
                    $"found magic byte 0x{magic[i]:X2}, expected 0x00 (an IDX file starts with two zero bytes, then a type byte and a dimension count).");
            }
        }

        if (magic[2] != UnsignedByteType)
        {
            throw new IdxFormatException(path, 2,
                $"found element type 0x{magic[2]:X2} ({DescribeType(magic[2])}), expected 0x08 (unsigned byte), the only type this reader supports.");
        }

        int dimensionCount = magic[3];
        if (expectedDimensions is int expected && dimensionCount != expected)
        {
            throw new IdxFormatException(path, 3,
                $"found {dimensionCount} dimensions, expected {expected} for {expectedKind}.");
        }

        if (dimensionCount == 0)
        {
            throw new IdxFormatException(path, 3, "found 0 dimensions, expected at least 1.");
        }

        var sizes = new byte[4 * dimensionCount];
        got = stream.ReadAtLeast(sizes, sizes.Length, throwOnEndOfStream: false);
        if (got < sizes.Length)
        {
            throw new IdxFormatException(path, 4 + got,
                $"{lengthSubject} only {4 + got} bytes long; expected a {4 + sizes.Length}-byte header for {dimensionCount} dimensions.");
        }

        var dimensions = new int[dimensionCount];
        long product = 1;
        for (int i = 0; i < dimensionCount; i++)
        {
            int size = BinaryPrimitives.ReadInt32BigEndian(sizes.AsSpan(4 * i));
            if (size <= 0)
            {
                throw new IdxFormatException(path, 4 + 4 * i,
                    $"dimension {i} has size {size}, expected a positive size.");
            }

            dimensions[i] = size;
            product = product > long.MaxValue / size ? long.MaxValue : product * size;
        }

        return new IdxHeader(dimensions, 4 + sizes.Length, product);
    }

    /// <summary>Rejects payloads that cannot fit in one array, before anything is allocated.</summary>
    private static void EnsureFitsInArray(string path, IdxHeader header)
    {
        if (header.PayloadLength > Array.MaxLength)
        {
            throw new IdxFormatException(path, 4,
                $"header dimensions {header.Describe()} claim {header.DescribeClaim()} payload bytes, " +
                $"more than the {Array.MaxLength} bytes one array can hold.");
        }
    }

    private static string DescribeType(byte type) => type switch
    {
        0x09 => "signed byte, valid IDX but not supported",
        0x0B => "int16, valid IDX but not supported",
        0x0C => "int32, valid IDX but not supported",
        0x0D => "float32, valid IDX but not supported",
        0x0E => "float64, valid IDX but not supported",
        _ => "not an IDX type",
    };

    private readonly record struct IdxHeader(int[] Dimensions, int Length, long PayloadLength)
    {
        public string Describe() => "[" + string.Join(", ", Dimensions) + "]";

        public byte[] ToBytes()
        {
            var bytes = new byte[Length];
            bytes[2] = UnsignedByteType;
            bytes[3] = (byte)Dimensions.Length;
            for (int i = 0; i < Dimensions.Length; i++)
            {
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), Dimensions[i]);
            }

            return bytes;
        }

        public string DescribeClaim() => PayloadLength == long.MaxValue ? "more than 2^63" : PayloadLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private readonly record struct GzipTrailer(uint Crc, uint Size);
}

// NpyHeader: NumPy's .npy header (format 1.0 written; 1.0, 2.0 and 3.0 read), as documented in numpy.lib.format:
// the magic "\x93NUMPY", a major and minor version byte, the header length (uint16 LE in 1.0, uint32 LE in 2.0/3.0),
// then an ASCII Python dict {'descr': '<f4', 'fortran_order': False, 'shape': (N, C, H, W), } padded with spaces and
// ended by '\n' so that the data starts at a multiple of 64 bytes. Data follow in C order.
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dcgan.Interop;

/// <summary>Writes and parses .npy headers.</summary>
internal static class NpyHeader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // Plain Regex objects, not [GeneratedRegex]: the generator's namespace would also be declared in Dcgan.Data.
    private static readonly Regex DescrPattern = new(@"'descr'\s*:\s*'([^']*)'", RegexOptions.CultureInvariant);
    private static readonly Regex FortranPattern = new(@"'fortran_order'\s*:\s*(True|False)", RegexOptions.CultureInvariant);
    private static readonly Regex ShapePattern = new(@"'shape'\s*:\s*\(([0-9L,\s]*)\)", RegexOptions.CultureInvariant);

    public static string Descr(NpyDataType type) => type switch
    {
        NpyDataType.Float32 => "<f4",
        NpyDataType.UInt8 => "|u1",
        NpyDataType.Float64 => "<f8",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown .npy element type."),
    };

    public static int ElementSize(NpyDataType type) => type switch
    {
        NpyDataType.Float32 => 4,
        NpyDataType.Float64 => 8,
        _ => 1,
    };

    public static string ShapeText(IReadOnlyList<long> shape) => shape.Count == 1
        ? $"({shape[0].ToString(CultureInfo.InvariantCulture)},)"
        : $"({string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))})";

    public static long ElementCount(IReadOnlyList<long> shape) => shape.Aggregate(1L, (a, d) => checked(a * d));

    /// <summary>The bytes of a version-1.0 header for <paramref name="shape"/>, padded to a multiple of 64.</summary>
    public static byte[] Build(NpyDataType type, IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Any(d => d < 0))
        {
            throw new ArgumentException($"A .npy shape has no negative dimensions; got {ShapeText(shape)}.", nameof(shape));
        }

        string dict = $"{{'descr': '{Descr(type)}', 'fortran_order': False, 'shape': {ShapeText(shape)}, }}";
        int unpadded = Magic.Length + 2 + 2 + dict.Length + 1;
        int padding = (64 - unpadded % 64) % 64;
        string text = dict + new string(' ', padding) + "\n";
        var header = new byte[Magic.Length + 4 + text.Length];
        Magic.CopyTo(header, 0);
        header[6] = 1; // major version
        header[7] = 0; // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), checked((ushort)text.Length));
        Encoding.ASCII.GetBytes(text, header.AsSpan(10));
        return header;
    }

    /// <summary>Reads a header from <paramref name="stream"/>, leaving it at the first data byte.</summary>
    public static (NpyDataType Type, long[] Shape) Read(Stream stream, string name)
    {
        Span<byte> start = stackalloc byte[8];
        ReadExactly(stream, start, name);
        if (!start[..6].SequenceEqual(Magic))
        {
            throw new NpyFormatException($"'{name}' is not a NumPy .npy file (it does not start with \\x93NUMPY).");
        }

        int major = start[6];
        if (major is < 1 or > 3)
        {
            throw new NpyFormatException($"'{name}' is .npy format version {major}.{start[7]}; versions 1.0 to 3.0 are supported.");
        }

        Span<byte> length = stackalloc byte[major == 1 ? 2 : 4];
        ReadExactly(stream, length, name);
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(length) : BinaryPrimitives.ReadUInt32LittleEndian(length);
        if (headerLength > 1 << 20)
        {
            throw new NpyFormatException($"'{name}' claims a .npy header of {headerLength} bytes.");
        }

        if (stream.CanSeek && stream.Length - stream.Position < headerLength)
        {
            throw new NpyFormatException($"'{name}' is truncated: it claims a .npy header of {headerLength} bytes, but only {stream.Length - stream.Position} bytes follow at offset {stream.Position}.");
        }

        var text = new byte[headerLength];
        ReadExactly(stream, text, name);
        return Parse(major == 3 ? Encoding.UTF8.GetString(text) : Encoding.Latin1.GetString(text), name);
    }

    private static (NpyDataType, long[]) Parse(string header, string name)
    {
        Match descr = DescrPattern.Match(header);
        Match fortran = FortranPattern.Match(header);
        Match shape = ShapePattern.Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new NpyFormatException($"'{name}' has a .npy header Dcgan cannot read: {header.Trim()}");
        }

        NpyDataType type = descr.Groups[1].Value switch
        {
            "<f4" => NpyDataType.Float32,
            "|u1" or "<u1" or "u1" => NpyDataType.UInt8,
            "<f8" => NpyDataType.Float64,
            string other => throw new NpyFormatException(
                $"'{name}' holds elements of dtype '{other}'; expected float32 ('<f4', e.g. np.asarray(z, dtype=np.float32)), float64 ('<f8') or uint8 ('|u1')."),
        };
        if (fortran.Groups[1].Value == "True")
        {
            throw new NpyFormatException($"'{name}' is stored in Fortran order; save it in C order (np.ascontiguousarray).");
        }

        long[] dimensions = [.. shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.Parse(d.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture))];
        return (type, dimensions);
    }

    public static void ReadExactly(Stream stream, Span<byte> buffer, string name)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new NpyFormatException($"'{name}' is truncated: it ends before its .npy header or data do.", e);
        }
    }
}

// IdxFile: the parsed content of one IDX file (dimensions plus the unsigned-byte payload).
namespace Dcgan.Data;

/// <summary>
/// The content of one IDX file of unsigned bytes (type 0x08), as used by MNIST and Fashion-MNIST:
/// the dimension sizes and the payload, stored once as bytes (no float copy).
/// </summary>
/// <remarks>Create instances with <see cref="IdxReader"/>.</remarks>
public sealed class IdxFile
{
    private readonly int[] _dimensions;

    internal IdxFile(string path, int[] dimensions, byte[] data)
    {
        Path = path;
        _dimensions = dimensions;
        Data = data;
    }

    /// <summary>The file this content was read from.</summary>
    public string Path { get; }

    /// <summary>The dimension sizes from the header, outermost first (for images: [N, H, W]; for labels: [N]).</summary>
    public IReadOnlyList<int> Dimensions => _dimensions;

    /// <summary>Number of items: the first dimension.</summary>
    public int Count => _dimensions[0];

    /// <summary>Bytes per item: the product of all dimensions but the first (1 for a label file).</summary>
    public int ItemLength => Data.Length / Math.Max(1, Count);

    /// <summary>The payload in row-major order, exactly the product of <see cref="Dimensions"/> bytes.</summary>
    public ReadOnlyMemory<byte> Payload => Data;

    /// <summary>The payload array itself; internal so callers outside the library cannot mutate it.</summary>
    internal byte[] Data { get; }

    /// <inheritdoc />
    public override string ToString() => $"IDX u8 [{string.Join(", ", _dimensions)}] '{Path}'";
}

// Crc32: the CRC-32 of gzip and PNG (reflected polynomial 0xEDB88320), used to check the last gzip member's trailer.
namespace Dcgan.Data;

/// <summary>CRC-32 (IEEE 802.3, as in gzip), computed incrementally.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC after appending <paramref name="data"/> to content whose CRC is <paramref name="crc"/> (0 for empty content).</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        foreach (byte b in data)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

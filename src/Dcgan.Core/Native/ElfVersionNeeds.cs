// Reads the symbol-version requirements (.gnu.version_r) of a little-endian ELF64 shared library: which
// versions of which libraries it needs, and whether each requirement is weak. Used to diagnose load failures.
using System.Buffers.Binary;
using System.Text;

namespace Dcgan.Native;

/// <summary>Reads the version requirements of ELF64 little-endian shared libraries.</summary>
internal static class ElfVersionNeeds
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>Lists every version requirement in <paramref name="elf"/>, the bytes of a shared library.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a little-endian ELF64 file, or an offset points outside them.</exception>
    public static IReadOnlyList<ElfVersionNeed> Read(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || !elf[..4].SequenceEqual("\u007fELF"u8))
        {
            throw new InvalidDataException($"Not an ELF file: expected the magic 7F 45 4C 46 at offset 0 of {elf.Length} bytes.");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException($"Only little-endian ELF64 is supported; class byte {elf[4]}, data byte {elf[5]}.");
        }

        var needs = new List<ElfVersionNeed>();
        ulong sectionTable = BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        int sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3a..]);
        int sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3c..]);
        for (int i = 0; i < sectionCount; i++)
        {
            ReadOnlySpan<byte> header = Slice(elf, sectionTable + (ulong)(i * sectionSize), sectionSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != ShtGnuVerneed)
            {
                continue;
            }

            uint link = BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]);
            ReadOnlySpan<byte> stringsHeader = Slice(elf, sectionTable + (ulong)(link * sectionSize), sectionSize);
            ulong strings = BinaryPrimitives.ReadUInt64LittleEndian(stringsHeader[0x18..]);
            ulong need = BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]);
            uint needCount = BinaryPrimitives.ReadUInt32LittleEndian(header[0x2c..]);
            for (uint n = 0; n < needCount; n++)
            {
                ReadOnlySpan<byte> verneed = Slice(elf, need, 16);
                string library = ReadString(elf, strings + BinaryPrimitives.ReadUInt32LittleEndian(verneed[4..]));
                ulong aux = need + BinaryPrimitives.ReadUInt32LittleEndian(verneed[8..]);
                for (int a = 0; a < BinaryPrimitives.ReadUInt16LittleEndian(verneed[2..]); a++)
                {
                    ReadOnlySpan<byte> vernaux = Slice(elf, aux, 16);
                    ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(vernaux[4..]);
                    string name = ReadString(elf, strings + BinaryPrimitives.ReadUInt32LittleEndian(vernaux[8..]));
                    needs.Add(new ElfVersionNeed(library, name, (flags & VerFlagWeak) != 0));
                    aux += BinaryPrimitives.ReadUInt32LittleEndian(vernaux[12..]);
                }

                need += BinaryPrimitives.ReadUInt32LittleEndian(verneed[12..]);
            }
        }

        return needs;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> elf, ulong offset, int length)
    {
        if (offset > (ulong)elf.Length || (ulong)length > (ulong)elf.Length - offset)
        {
            throw new InvalidDataException($"ELF structure of {length} bytes at offset {offset} lies outside the file ({elf.Length} bytes).");
        }

        return elf.Slice((int)offset, length);
    }

    private static string ReadString(ReadOnlySpan<byte> elf, ulong offset)
    {
        Slice(elf, offset, 1);
        ReadOnlySpan<byte> rest = elf[(int)offset..];
        int end = rest.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]);
    }
}

// MinimalElf: builds a small little-endian ELF64 shared-object image in memory with a .dynstr and a .gnu.version_r
// section that needs two versions of libstdc++.so.6, the shape of libLibTorchSharp.so's requirement.
using System.Buffers.Binary;
using System.Text;

namespace Dcgan.BuildTasks.Tests;

internal static class MinimalElf
{
    public const string Library = "libstdc++.so.6";
    public const string OtherVersion = "GLIBCXX_3.4.21";
    public const string TestVersion = "DCGAN_TEST_9.9";   // no system library provides it, so tests do not depend on the machine

    public const int VersionRequirements = 0x100;          // the Verneed entry; its two Vernaux entries follow
    public const int SectionHeaders = 0x200;

    /// <summary>Offset of the vna_flags field of Vernaux entry <paramref name="index"/> (0: OtherVersion, 1: TestVersion).</summary>
    public static int FlagsOffset(int index) => VersionRequirements + 16 + 16 * index + 4;

    public static byte[] Build(ushort testVersionFlags = 0)
    {
        byte[] strings = Encoding.ASCII.GetBytes($"\0{Library}\0{OtherVersion}\0{TestVersion}\0");
        int library = 1, other = library + Library.Length + 1, test = other + OtherVersion.Length + 1;
        var elf = new byte[SectionHeaders + 3 * 64];
        "\u007fELF"u8.CopyTo(elf);
        elf[4] = 2;    // ELFCLASS64
        elf[5] = 1;    // little-endian
        elf[6] = 1;    // EV_CURRENT
        U16(elf, 0x10, 3);        // ET_DYN
        U16(elf, 0x12, 0x3E);     // x86-64
        U32(elf, 0x14, 1);
        U64(elf, 0x28, SectionHeaders);
        U16(elf, 0x34, 64);
        U16(elf, 0x3a, 64);
        U16(elf, 0x3c, 3);
        strings.CopyTo(elf, 64);

        int need = VersionRequirements;
        U16(elf, need, 1);            // vn_version
        U16(elf, need + 2, 2);        // vn_cnt
        U32(elf, need + 4, (uint)library);
        U32(elf, need + 8, 16);       // vn_aux
        U32(elf, need + 12, 0);       // vn_next: last
        Vernaux(elf, need + 16, 0, (uint)other, next: 16);
        Vernaux(elf, need + 32, testVersionFlags, (uint)test, next: 0);

        // [0] null, [1] .dynstr (SHT_STRTAB), [2] .gnu.version_r (SHT_GNU_verneed, link 1, info 1 entry).
        Section(elf, 1, type: 3, offset: 64, size: (ulong)strings.Length, link: 0, info: 0);
        Section(elf, 2, type: 0x6ffffffe, offset: VersionRequirements, size: 48, link: 1, info: 1);
        return elf;
    }

    public static ushort Flags(byte[] elf, int index) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(FlagsOffset(index)));

    private static void Vernaux(byte[] elf, int at, ushort flags, uint name, uint next)
    {
        U32(elf, at, 0x0297f861); // vna_hash (not checked by the task)
        U16(elf, at + 4, flags);
        U16(elf, at + 6, 3);      // vna_other
        U32(elf, at + 8, name);
        U32(elf, at + 12, next);
    }

    private static void Section(byte[] elf, int index, uint type, ulong offset, ulong size, uint link, uint info)
    {
        int at = SectionHeaders + 64 * index;
        U32(elf, at + 4, type);
        U64(elf, at + 0x18, offset);
        U64(elf, at + 0x20, size);
        U32(elf, at + 0x28, link);
        U32(elf, at + 0x2c, info);
    }

    private static void U16(byte[] b, int at, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), v);

    private static void U32(byte[] b, int at, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), v);

    private static void U64(byte[] b, int at, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(at), v);
}

// An MSBuild task compiled by RoslynCodeTaskFactory from Dcgan.Core.targets (netstandard API surface, no nullable
// annotations). It marks one version requirement (a Vernaux entry of the ELF .gnu.version_r section) as weak
// (VER_FLG_WEAK) in copies of libLibTorchSharp.so, so that the dynamic loader accepts the library when the system
// libstdc++ lacks that version. Every ELF read is bounds-checked: a truncated or garbage file gives a build warning
// naming it, never an exception or a hang. The file is replaced atomically (a temporary file in the same folder renamed
// over it, so a hard link into the NuGet cache is never written through), and only when the flag is not yet set.
// Unit tests: tests/Dcgan.BuildTasks.Tests compiles this same file.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;

public sealed class DcganMarkVersionNeedWeak : Microsoft.Build.Utilities.Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;
    private const int EntrySize = 16;         // Verneed and Vernaux entries are both 16 bytes
    private const int MinimumSectionHeader = 64;

    private static readonly string[] LibStdCxxCandidates =
    {
        "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required] public string VersionName { get; set; } = "";

    /// <summary>The libstdc++ copies searched for the version; when one has it, nothing is patched. Default: the usual Linux paths.</summary>
    public string[] SystemLibraries { get; set; } = LibStdCxxCandidates;

    public override bool Execute()
    {
        string provider = FindSystemProvider(VersionName);
        if (provider != null)
        {
            Log.LogMessage(MessageImportance.Low, "Dcgan: {0} provides {1}; libLibTorchSharp.so left as it is.", provider, VersionName);
            return true;
        }

        foreach (ITaskItem item in Files)
        {
            string path = item.GetMetadata("FullPath");
            try
            {
                string outcome = MarkWeak(path, VersionName);
                Log.LogMessage(MessageImportance.Normal, "Dcgan: {0}: {1}", path, outcome);
            }
            catch (Exception e)
            {
                // A malformed or unreadable library must not fail the consumer's build: the patch is a convenience.
                Log.LogWarning("Dcgan: could not mark {0} weak in {1}: {2} ({3}). If the library fails to load, see " +
                    "Dcgan.Core's README; set DcganPatchLibTorchSharp=false to skip this step.", VersionName, path, e.Message, e.GetType().Name);
            }
        }

        return !Log.HasLoggedErrors;
    }

    private string FindSystemProvider(string versionName)
    {
        byte[] needle = Encoding.ASCII.GetBytes(versionName + "\0");
        foreach (string candidate in SystemLibraries ?? Array.Empty<string>())
        {
            try
            {
                if (File.Exists(candidate) && IndexOf(File.ReadAllBytes(candidate), needle) >= 0)
                {
                    return candidate;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    private static string MarkWeak(string path, string versionName)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file (expected the magic 7F 45 4C 46 and a 64-byte header; the file has " + elf.Length + " bytes)");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            return "not a little-endian ELF64 file; left as it is";
        }

        long flags = FindFlags(elf, versionName);
        if (flags < 0)
        {
            return "no requirement on " + versionName + "; left as it is";
        }

        ushort value = ReadU16(elf, flags);
        if ((value & VerFlagWeak) != 0)
        {
            return versionName + " is already weak";
        }

        WriteU16(elf, (int)flags, (ushort)(value | VerFlagWeak));
        ReplaceKeepingTimestamp(path, elf);
        return versionName + " marked weak";
    }

    /// <summary>The offset of the vna_flags field of the requirement on <paramref name="versionName"/>, or -1.</summary>
    private static long FindFlags(byte[] elf, string versionName)
    {
        long sectionTable = Offset(elf, ReadU64(elf, 0x28), 0, "the section header table offset");
        int headerSize = ReadU16(elf, 0x3a);
        int sectionCount = ReadU16(elf, 0x3c);
        if (sectionCount == 0)
        {
            return -1;
        }

        if (headerSize < MinimumSectionHeader)
        {
            throw new InvalidDataException("section headers of " + headerSize + " bytes; expected at least " + MinimumSectionHeader);
        }

        Offset(elf, (ulong)sectionTable, (long)sectionCount * headerSize, "the section header table");
        for (int i = 0; i < sectionCount; i++)
        {
            long header = sectionTable + (long)i * headerSize;
            if (ReadU32(elf, header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            ulong sectionSize = ReadU64(elf, header + 0x20);
            long start = Offset(elf, ReadU64(elf, header + 0x18), (long)Math.Min(sectionSize, (ulong)long.MaxValue), "the .gnu.version_r section");
            long end = start + (long)sectionSize;
            uint link = ReadU32(elf, header + 0x28);
            if (link >= (uint)sectionCount)
            {
                throw new InvalidDataException(".gnu.version_r links to section " + link + " of " + sectionCount);
            }

            long linkHeader = sectionTable + (long)link * headerSize;
            ulong stringsSize = ReadU64(elf, linkHeader + 0x20);
            long strings = Offset(elf, ReadU64(elf, linkHeader + 0x18), (long)Math.Min(stringsSize, (ulong)long.MaxValue), "the string table");
            long found = FindInSection(elf, start, end, strings, (long)stringsSize, ReadU32(elf, header + 0x2c), versionName);
            if (found >= 0)
            {
                return found;
            }
        }

        return -1;
    }

    /// <summary>Walks the Verneed chain of one section; every entry must lie inside [start, end), and the walk visits at most (end - start) / 16 entries.</summary>
    private static long FindInSection(byte[] elf, long start, long end, long strings, long stringsSize, uint needCount, string versionName)
    {
        long budget = (end - start) / EntrySize;
        long need = start;
        for (uint n = 0; n < needCount; n++)
        {
            Within(need, start, end, "Verneed entry", ref budget);
            int auxCount = ReadU16(elf, need + 2);
            long aux = need + ReadU32(elf, need + 8);
            for (int a = 0; a < auxCount; a++)
            {
                Within(aux, start, end, "Vernaux entry", ref budget);
                if (ReadString(elf, strings, stringsSize, ReadU32(elf, aux + 8)) == versionName)
                {
                    return aux + 4;
                }

                uint nextAux = ReadU32(elf, aux + 12);
                if (nextAux == 0)
                {
                    break;
                }

                aux += nextAux;
            }

            uint next = ReadU32(elf, need + 12);
            if (next == 0)
            {
                break;
            }

            need += next;
        }

        return -1;
    }

    private static void Within(long entry, long start, long end, string what, ref long budget)
    {
        if (entry < start || entry > end - EntrySize)
        {
            throw new InvalidDataException("a " + what + " at offset " + entry + " lies outside the .gnu.version_r section [" + start + ", " + end + ")");
        }

        if (--budget < 0)
        {
            throw new InvalidDataException("the .gnu.version_r entries form a chain longer than the section can hold (a loop)");
        }
    }

    /// <summary>Checks that <paramref name="length"/> bytes at <paramref name="offset"/> lie inside the file; returns the offset.</summary>
    private static long Offset(byte[] elf, ulong offset, long length, string what)
    {
        if (offset > (ulong)elf.Length || length < 0 || (ulong)length > (ulong)elf.Length - offset)
        {
            throw new InvalidDataException(what + " (" + length + " bytes at offset " + offset + ") lies outside the file (" + elf.Length + " bytes)");
        }

        return (long)offset;
    }

    private static string ReadString(byte[] elf, long strings, long stringsSize, uint offset)
    {
        if (offset >= stringsSize)
        {
            throw new InvalidDataException("a version name at offset " + offset + " lies outside the string table (" + stringsSize + " bytes)");
        }

        int start = (int)(strings + offset);
        int end = Array.IndexOf(elf, (byte)0, start, (int)(stringsSize - offset));
        if (end < 0)
        {
            throw new InvalidDataException("a version name at offset " + offset + " is not terminated inside the string table");
        }

        return Encoding.ASCII.GetString(elf, start, end - start);
    }

    // Writes a temporary file in the same folder and renames it over the target (File.Replace is rename(2) on Unix):
    // the target is never missing or half-written, and a hard link into the NuGet cache is never written through.
    private static void ReplaceKeepingTimestamp(string path, byte[] content)
    {
        DateTime written = File.GetLastWriteTimeUtc(path);
        string temporary = Path.Combine(Path.GetDirectoryName(path) ?? ".", "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".dcgan-tmp");
        try
        {
            File.WriteAllBytes(temporary, content);
            File.SetLastWriteTimeUtc(temporary, written);
            File.Replace(temporary, path, null);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }

        return -1;
    }

    private static ushort ReadU16(byte[] b, long o) => (ushort)(Byte(b, o) | Byte(b, o + 1) << 8);

    private static uint ReadU32(byte[] b, long o) => (uint)(ReadU16(b, o) | ReadU16(b, o + 2) << 16);

    private static ulong ReadU64(byte[] b, long o) => ReadU32(b, o) | (ulong)ReadU32(b, o + 4) << 32;

    private static byte Byte(byte[] b, long o)
    {
        if (o < 0 || o >= b.Length)
        {
            throw new InvalidDataException("a read at offset " + o + " lies outside the file (" + b.Length + " bytes)");
        }

        return b[o];
    }

    private static void WriteU16(byte[] b, int o, ushort v)
    {
        b[o] = (byte)v;
        b[o + 1] = (byte)(v >> 8);
    }
}

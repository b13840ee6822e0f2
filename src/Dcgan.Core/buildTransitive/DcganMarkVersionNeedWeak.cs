// An MSBuild task compiled by RoslynCodeTaskFactory from Dcgan.Core.targets. It marks one version requirement
// (a Vernaux entry of the ELF .gnu.version_r section) as weak (VER_FLG_WEAK) in copies of libLibTorchSharp.so,
// so that the dynamic loader accepts the library when the system libstdc++ lacks that version.
// Only little-endian ELF64 files are handled; anything else is left alone with a message.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class DcganMarkVersionNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    private static readonly string[] LibStdCxxCandidates =
    {
        "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required] public string VersionName { get; set; } = "";

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
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException)
            {
                Log.LogWarning("Dcgan: could not mark {0} weak in {1}: {2}", VersionName, path, e.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }

    private static string FindSystemProvider(string versionName)
    {
        byte[] needle = Encoding.ASCII.GetBytes(versionName + "\0");
        foreach (string candidate in LibStdCxxCandidates)
        {
            if (File.Exists(candidate) && IndexOf(File.ReadAllBytes(candidate), needle) >= 0)
            {
                return candidate;
            }
        }

        return null;
    }

    private static string MarkWeak(string path, string versionName)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            return "not a little-endian ELF64 file; left as it is";
        }

        ulong sectionTable = ReadU64(elf, 0x28);
        int sectionSize = ReadU16(elf, 0x3a);
        int sectionCount = ReadU16(elf, 0x3c);
        for (int i = 0; i < sectionCount; i++)
        {
            int header = Checked(elf, sectionTable + (ulong)(i * sectionSize), sectionSize);
            if (ReadU32(elf, header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            int offset = Checked(elf, ReadU64(elf, header + 0x18), 16);
            int linkHeader = Checked(elf, sectionTable + (ulong)(ReadU32(elf, header + 0x28) * sectionSize), sectionSize);
            ulong strings = ReadU64(elf, linkHeader + 0x18);
            int needCount = (int)ReadU32(elf, header + 0x2c); // sh_info: number of Verneed entries
            int need = offset;
            for (int n = 0; n < needCount; n++)
            {
                int auxCount = ReadU16(elf, need + 2);
                int aux = need + (int)ReadU32(elf, need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    Checked(elf, (ulong)aux, 16);
                    string name = ReadString(elf, strings + ReadU32(elf, aux + 8));
                    if (name == versionName)
                    {
                        ushort flags = ReadU16(elf, aux + 4);
                        if ((flags & VerFlagWeak) != 0)
                        {
                            return versionName + " is already weak";
                        }

                        WriteU16(elf, aux + 4, (ushort)(flags | VerFlagWeak));
                        ReplaceKeepingTimestamp(path, elf);
                        return versionName + " marked weak";
                    }

                    aux += (int)ReadU32(elf, aux + 12);
                }

                need += (int)ReadU32(elf, need + 12);
            }
        }

        return "no requirement on " + versionName + "; left as it is";
    }

    // Writes a new file and renames it over the old one: a hard link into the NuGet cache is never written through.
    private static void ReplaceKeepingTimestamp(string path, byte[] content)
    {
        DateTime written = File.GetLastWriteTimeUtc(path);
        string temporary = path + ".dcgan-tmp";
        File.WriteAllBytes(temporary, content);
        File.SetLastWriteTimeUtc(temporary, written);
        File.Delete(path);
        File.Move(temporary, path);
    }

    private static int Checked(byte[] elf, ulong offset, int length)
    {
        if (offset + (ulong)length > (ulong)elf.Length)
        {
            throw new InvalidDataException("offset " + offset + " lies outside the file");
        }

        return (int)offset;
    }

    private static string ReadString(byte[] elf, ulong offset)
    {
        int start = Checked(elf, offset, 1);
        int end = Array.IndexOf(elf, (byte)0, start);
        return Encoding.ASCII.GetString(elf, start, (end < 0 ? elf.Length : end) - start);
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

    private static ushort ReadU16(byte[] b, int o) => (ushort)(b[o] | b[o + 1] << 8);

    private static uint ReadU32(byte[] b, int o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);

    private static ulong ReadU64(byte[] b, int o) => ReadU32(b, o) | (ulong)ReadU32(b, o + 4) << 32;

    private static void WriteU16(byte[] b, int o, ushort v)
    {
        b[o] = (byte)v;
        b[o + 1] = (byte)(v >> 8);
    }
}

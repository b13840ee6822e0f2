// Says what a wrong input file is before a reader fails on its insides: "--checkpoint 'losses.csv' is not a Dcgan
// checkpoint file" instead of "End of Central Directory record could not be found", and a checkpoint given as
// --classifier is named as one. Only the first bytes are read; a damaged file of the right kind is still reported
// by the library (truncated, corrupt, hash mismatch).
using Dcgan.Persistence;

namespace Dcgan.CommandLine;

/// <summary>Checks of the kind of an input file, by its first bytes.</summary>
public static class InputFiles
{
    private static readonly byte[] ZipMagic = "PK\u0003\u0004"u8.ToArray();

    // The JSON entry every checkpoint archive holds (the sniff that tells a checkpoint from another zip file).
    private const string ManifestEntry = "manifest.json";

    /// <summary>
    /// <paramref name="path"/> (a checkpoint file, or a run folder: its newest checkpoint) resolved to one file that
    /// starts like a Dcgan checkpoint.
    /// </summary>
    /// <returns>The checkpoint file's full path.</returns>
    /// <exception cref="ArgumentException">The file is of another kind; the message names the flag and the file.</exception>
    /// <exception cref="CheckpointException">No such file or folder, or a folder without checkpoints.</exception>
    public static string Checkpoint(string flag, string path)
    {
        string file = CheckpointLocator.Resolve(path);
        if (!StartsWith(file, ZipMagic) || !HasEntry(file, ManifestEntry))
        {
            throw new ArgumentException(
                $"{flag} '{file}' is not a Dcgan checkpoint file; give a {Checkpoints.FileExtension} file written by `dcgan train`, or its run folder.");
        }

        return file;
    }

    /// <summary>Refuses a checkpoint (or another zip archive) given where a weights file is expected.</summary>
    /// <exception cref="ArgumentException">The file is a zip archive; the message names the flag and the file.</exception>
    public static void RequireNotCheckpoint(string flag, string file, string expected)
    {
        if (StartsWith(file, ZipMagic))
        {
            throw new ArgumentException(HasEntry(file, ManifestEntry)
                ? $"{flag} '{file}' is a Dcgan checkpoint, not {expected}."
                : $"{flag} '{file}' is a zip archive, not {expected}.");
        }
    }

    private static bool StartsWith(string file, byte[] magic)
    {
        using FileStream stream = File.OpenRead(file);
        Span<byte> head = stackalloc byte[magic.Length];
        return stream.ReadAtLeast(head, magic.Length, throwOnEndOfStream: false) == magic.Length && head.SequenceEqual(magic);
    }

    // True when the archive lists the entry; an archive that cannot be read is left to the library to report.
    private static bool HasEntry(string file, string entry)
    {
        try
        {
            using System.IO.Compression.ZipArchive zip = System.IO.Compression.ZipFile.OpenRead(file);
            return zip.GetEntry(entry) is not null;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }
}

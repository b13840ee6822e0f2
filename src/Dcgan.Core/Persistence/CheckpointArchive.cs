// The checkpoint file: a zip archive of manifest.json and binary entries, written to a temporary file in the
// same folder, flushed to disk and renamed over the target, so a crash leaves the previous file intact.
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dcgan.Persistence;

/// <summary>Reads and writes checkpoint archives (entries verified by SHA-256).</summary>
public static class CheckpointArchive
{
    /// <summary>The name of the JSON entry.</summary>
    public const string ManifestEntry = "manifest.json";

    /// <summary>File extension of checkpoints.</summary>
    public const string Extension = ".dcgan";

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Writes <paramref name="manifest"/> and <paramref name="entries"/> to <paramref name="path"/> atomically; the
    /// manifest's <see cref="CheckpointManifest.EntryHashes"/> are filled in.
    /// </summary>
    /// <param name="path">The checkpoint file; its folder is created if missing.</param>
    /// <param name="manifest">The JSON part.</param>
    /// <param name="entries">Binary entries by name.</param>
    public static void Write(string path, CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(entries);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        manifest.EntryHashes = entries.ToDictionary(e => e.Key, e => Convert.ToHexString(SHA256.HashData(e.Value)));
        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                    WriteEntry(zip, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
                    foreach ((string name, byte[] bytes) in entries)
                    {
                        WriteEntry(zip, name, bytes);
                    }
                }

                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Reads and verifies a checkpoint: the manifest and every entry it lists, with matching hashes. Older format
    /// versions come back in the current format (manifest and entry names upgraded in memory; the file is unchanged).
    /// </summary>
    /// <param name="path">The checkpoint file.</param>
    /// <exception cref="CheckpointException">Missing, truncated, corrupt, or of an unknown format version.</exception>
    public static (CheckpointManifest Manifest, IReadOnlyDictionary<string, byte[]> Entries) Read(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new CheckpointException($"Checkpoint file '{full}' does not exist.");
        }

        try
        {
            using var zip = ZipFile.OpenRead(full);
            (CheckpointManifest manifest, IReadOnlyDictionary<string, string> storedNames) = ParseManifest(zip, full);

            var entries = new Dictionary<string, byte[]>();
            foreach ((string name, string hash) in manifest.EntryHashes)
            {
                string stored = storedNames.GetValueOrDefault(name, name); // a version-1 name, when the upgrade renamed it
                ZipArchiveEntry entry = zip.GetEntry(stored)
                    ?? throw new CheckpointException($"Checkpoint '{full}' lacks the entry '{stored}' that its manifest lists.");
                byte[] bytes = ReadEntry(entry);
                string actual = Convert.ToHexString(SHA256.HashData(bytes));
                if (!string.Equals(actual, hash, StringComparison.OrdinalIgnoreCase))
                {
                    throw new CheckpointException($"Checkpoint '{full}' is corrupt: entry '{stored}' has SHA-256 {actual}, the manifest says {hash}.");
                }

                entries[name] = bytes;
            }

            return (manifest, entries);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or EndOfStreamException or IOException and not FileNotFoundException)
        {
            throw new CheckpointException($"Checkpoint '{full}' is truncated or corrupt ({new FileInfo(full).Length} bytes): {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads only the manifest of a checkpoint (no tensor entries, no hash checks), in the current format: enough to
    /// learn its position, trainer settings and architecture. <see cref="Read"/> verifies everything before anything is loaded.
    /// </summary>
    /// <param name="path">The checkpoint file.</param>
    /// <exception cref="CheckpointException">Missing, not a checkpoint, truncated, or of an unknown format version.</exception>
    public static CheckpointManifest ReadManifest(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new CheckpointException($"Checkpoint file '{full}' does not exist.");
        }

        try
        {
            using var zip = ZipFile.OpenRead(full);
            return ParseManifest(zip, full).Manifest;
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or EndOfStreamException or IOException and not FileNotFoundException)
        {
            throw new CheckpointException($"Checkpoint '{full}' is truncated or corrupt ({new FileInfo(full).Length} bytes): {e.Message}", e);
        }
    }

    private static (CheckpointManifest Manifest, IReadOnlyDictionary<string, string> StoredNames) ParseManifest(ZipArchive zip, string full)
    {
        ZipArchiveEntry manifestEntry = zip.GetEntry(ManifestEntry)
            ?? throw new CheckpointException($"Checkpoint '{full}' has no {ManifestEntry}: it is not a Dcgan checkpoint.");
        return CheckpointManifestUpgrade.Parse(ReadEntry(manifestEntry), full);
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] bytes)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using Stream stream = entry.Open();
        stream.Write(bytes);
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        const long MaximumEntry = 16L << 30; // 16 GiB: far above any DCGAN, far below a corrupt size field
        if (entry.Length is < 0 or > MaximumEntry)
        {
            throw new InvalidDataException($"entry '{entry.FullName}' claims {entry.Length} bytes.");
        }

        using Stream stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (buffer.Length != entry.Length)
        {
            throw new InvalidDataException($"entry '{entry.FullName}' has {buffer.Length} bytes, its header says {entry.Length}.");
        }

        return buffer.ToArray();
    }
}

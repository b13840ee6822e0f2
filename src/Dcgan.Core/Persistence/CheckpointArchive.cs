// The checkpoint file: a zip archive of manifest.json, its SHA-256 (manifest.sha256) and binary entries whose
// hashes and lengths the manifest records. Written to a temporary file in the same folder, flushed to disk and
// renamed over the target, so a crash or a full disk leaves the previous file intact; read with bounded sizes.
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dcgan.Persistence;

/// <summary>Reads and writes checkpoint archives (manifest and entries verified by SHA-256, entry sizes bounded).</summary>
internal static class CheckpointArchive
{
    /// <summary>The name of the JSON entry.</summary>
    public const string ManifestEntry = "manifest.json";

    /// <summary>The name of the entry holding the SHA-256 (64 hexadecimal digits) of <see cref="ManifestEntry"/>; format 3 and later.</summary>
    public const string ManifestHashEntry = "manifest.sha256";

    /// <summary>File extension of checkpoints.</summary>
    public const string Extension = Checkpoints.FileExtension;

    /// <summary>The largest manifest.json accepted (a DCGAN's is a few kilobytes).</summary>
    private const long MaximumManifest = 4 << 20;

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Writes <paramref name="manifest"/> and <paramref name="entries"/> to <paramref name="path"/> atomically; the
    /// manifest's <see cref="CheckpointManifest.EntryHashes"/> and <see cref="CheckpointManifest.EntryLengths"/> are
    /// filled in, and its own SHA-256 is stored as <see cref="ManifestHashEntry"/>. On failure (a read-only folder, a
    /// full disk) the file at <paramref name="path"/>, if any, is unchanged and no temporary file remains.
    /// </summary>
    /// <param name="path">The checkpoint file; its folder is created if missing.</param>
    /// <param name="manifest">The JSON part.</param>
    /// <param name="entries">Binary entries by name.</param>
    /// <exception cref="CheckpointException">The file could not be written (the message names it and the cause).</exception>
    public static void Write(string path, CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries) =>
        Write(path, manifest, entries, stream => stream);

    /// <summary>As <see cref="Write(string, CheckpointManifest, IReadOnlyDictionary{string, byte[]})"/>, writing through <paramref name="wrap"/> (tests simulate a full disk with it).</summary>
    internal static void Write(string path, CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries, Func<Stream, Stream> wrap)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(entries);
        string full = Path.GetFullPath(path);
        manifest.EntryHashes = entries.ToDictionary(e => e.Key, e => Convert.ToHexString(SHA256.HashData(e.Value)));
        manifest.EntryLengths = entries.ToDictionary(e => e.Key, e => (long)e.Value.Length);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Stream target = wrap(file);
                using (var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true))
                {
                    WriteEntry(zip, ManifestEntry, json);
                    WriteEntry(zip, ManifestHashEntry, Encoding.ASCII.GetBytes(Convert.ToHexString(SHA256.HashData(json))));
                    foreach ((string name, byte[] bytes) in entries)
                    {
                        WriteEntry(zip, name, bytes);
                    }
                }

                target.Flush();
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Could not write the checkpoint '{full}': {e.Message.TrimEnd('.', ' ')}. Any previous file at that path is unchanged.", e);
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    /// <summary>
    /// Reads and verifies a checkpoint: the manifest (against its SHA-256, and its values against their ranges) and
    /// every entry it lists (exactly its declared length, with matching hashes). Older format versions come back in
    /// the current format (manifest and entry names upgraded in memory; the file is unchanged).
    /// </summary>
    /// <param name="path">The checkpoint file.</param>
    /// <exception cref="CheckpointException">Missing, truncated, corrupt, out of range, or of an unknown format version; the message names the file and the entry.</exception>
    public static (CheckpointManifest Manifest, IReadOnlyDictionary<string, byte[]> Entries) Read(string path) => Open(path, ReadAll);

    /// <summary>
    /// Reads only the manifest of a checkpoint (verified against its SHA-256 and range-checked, but no tensor
    /// entries), in the current format: enough to learn its position, trainer settings and architecture.
    /// <see cref="Read"/> verifies everything before anything is loaded.
    /// </summary>
    /// <param name="path">The checkpoint file.</param>
    /// <exception cref="CheckpointException">Missing, not a checkpoint, truncated, out of range, or of an unknown format version.</exception>
    public static CheckpointManifest ReadManifest(string path) => Open(path, (zip, full) => ParseManifest(zip, full).Manifest);

    private static (CheckpointManifest Manifest, IReadOnlyDictionary<string, byte[]> Entries) ReadAll(ZipArchive zip, string full)
    {
        (CheckpointManifest manifest, IReadOnlyDictionary<string, string> storedNames) = ParseManifest(zip, full);
        var entries = new Dictionary<string, byte[]>();
        foreach ((string name, string hash) in manifest.EntryHashes)
        {
            string stored = storedNames.GetValueOrDefault(name, name); // a version-1 name, when the upgrade renamed it
            ZipArchiveEntry entry = zip.GetEntry(stored)
                ?? throw new CheckpointException($"Checkpoint '{full}' lacks the entry '{stored}' that its manifest lists.");
            long declared = manifest.EntryLengths.TryGetValue(name, out long length) ? length : entry.Length; // versions 1-2 declare none
            byte[] bytes = CheckpointEntryReader.Read(entry, declared, Array.MaxLength, full);
            string actual = Convert.ToHexString(SHA256.HashData(bytes));
            if (!string.Equals(actual, hash, StringComparison.OrdinalIgnoreCase))
            {
                throw new CheckpointException($"Checkpoint '{full}' is corrupt: entry '{stored}' has SHA-256 {actual}, the manifest says {hash}.");
            }

            entries[name] = bytes;
        }

        return (manifest, entries);
    }

    private static T Open<T>(string path, Func<ZipArchive, string, T> read)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new CheckpointException($"Checkpoint file '{full}' does not exist.");
        }

        try
        {
            using ZipArchive zip = ZipFile.OpenRead(full);
            return read(zip, full);
        }
        catch (Exception e) when (e is (InvalidDataException or JsonException or EndOfStreamException or IOException or UnauthorizedAccessException) and not FileNotFoundException)
        {
            throw new CheckpointException($"Checkpoint '{full}' is truncated or corrupt ({new FileInfo(full).Length} bytes): {e.Message}", e);
        }
    }

    private static (CheckpointManifest Manifest, IReadOnlyDictionary<string, string> StoredNames) ParseManifest(ZipArchive zip, string full)
    {
        ZipArchiveEntry manifestEntry = zip.GetEntry(ManifestEntry)
            ?? throw new CheckpointException($"Checkpoint '{full}' has no {ManifestEntry}: it is not a Dcgan checkpoint.");
        byte[] json = CheckpointEntryReader.Read(manifestEntry, manifestEntry.Length, MaximumManifest, full);
        bool hashed = zip.GetEntry(ManifestHashEntry) is { } hashEntry && ThrowIfHashDiffers(hashEntry, json, full);
        (CheckpointManifest manifest, IReadOnlyDictionary<string, string> storedNames, int storedVersion) = CheckpointManifestUpgrade.Parse(json, full);
        if (storedVersion >= CheckpointManifestUpgrade.FirstHashedVersion && !hashed)
        {
            throw new CheckpointException(
                $"Checkpoint '{full}' has format version {storedVersion} but no {ManifestHashEntry} entry: its {ManifestEntry} cannot be verified.");
        }

        CheckpointManifestChecks.ThrowIfOutOfRange(manifest, storedVersion >= CheckpointManifestUpgrade.FirstHashedVersion, full);
        return (manifest, storedNames);
    }

    private static bool ThrowIfHashDiffers(ZipArchiveEntry hashEntry, byte[] json, string full)
    {
        string stored = Encoding.ASCII.GetString(CheckpointEntryReader.Read(hashEntry, hashEntry.Length, 256, full)).Trim();
        string actual = Convert.ToHexString(SHA256.HashData(json));
        if (!string.Equals(stored, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new CheckpointException(
                $"Checkpoint '{full}' is corrupt: entry '{ManifestEntry}' has SHA-256 {actual}, but {ManifestHashEntry} says {stored}.");
        }

        return true;
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] bytes)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using Stream stream = entry.Open();
        stream.Write(bytes);
    }

    private static void DeleteQuietly(string temporary)
    {
        try
        {
            File.Delete(temporary); // no-op when it was renamed into place or never created
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure matters more; a leftover ".*.tmp" file is never mistaken for a checkpoint.
        }
    }
}

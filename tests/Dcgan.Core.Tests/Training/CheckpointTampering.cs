// Makes damaged copies of a good checkpoint for the loading tests: entries changed and re-hashed (the archive is
// intact, the content is wrong), entries replaced without re-hashing, and manifest.json edited in place.
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Dcgan.Persistence;

namespace Dcgan.Core.Tests.Training;

internal static class CheckpointTampering
{
    /// <summary>A copy written by CheckpointArchive.Write, so hashes and lengths match the changed content.</summary>
    public static string Rewrite(string good, string copy, Action<CheckpointManifest, Dictionary<string, byte[]>> change)
    {
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries) = CheckpointArchive.Read(good);
        var changed = entries.ToDictionary(e => e.Key, e => e.Value);
        change(manifest, changed);
        CheckpointArchive.Write(copy, manifest, changed);
        return copy;
    }

    /// <summary>A byte-for-byte copy whose entry <paramref name="name"/> is replaced by <paramref name="write"/>'s output (manifest untouched).</summary>
    public static string ReplaceEntry(string good, string copy, string name, Action<Stream> write)
    {
        File.Copy(good, copy, overwrite: true);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        zip.GetEntry(name)?.Delete();
        using Stream stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        write(stream);
        return copy;
    }

    /// <summary>A copy whose manifest.json is edited as JSON (manifest.sha256 left as it was).</summary>
    public static string EditManifest(string good, string copy, Action<JsonObject> edit)
    {
        using var zip = ZipFile.OpenRead(good);
        string json;
        using (var reader = new StreamReader(zip.GetEntry(CheckpointArchive.ManifestEntry)!.Open()))
        {
            json = reader.ReadToEnd();
        }

        var root = (JsonObject)JsonNode.Parse(json)!;
        edit(root);
        return ReplaceEntry(good, copy, CheckpointArchive.ManifestEntry, s => s.Write(Encoding.UTF8.GetBytes(root.ToJsonString())));
    }

    /// <summary>A copy whose manifest.json is edited as JSON and whose manifest.sha256 is recomputed to match.</summary>
    public static string EditManifestAndHash(string good, string copy, Action<JsonObject> edit)
    {
        string edited = EditManifest(good, copy + ".tmp", edit);
        byte[] json;
        using (var zip = ZipFile.OpenRead(edited))
        using (var buffer = new MemoryStream())
        {
            zip.GetEntry(CheckpointArchive.ManifestEntry)!.Open().CopyTo(buffer);
            json = buffer.ToArray();
        }

        string hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(json));
        ReplaceEntry(edited, copy, "manifest.sha256", s => s.Write(Encoding.ASCII.GetBytes(hash)));
        File.Delete(edited);
        return copy;
    }

    /// <summary>The bytes with the UTF-8 text <paramref name="find"/> (its last occurrence) changed to <paramref name="replace"/> (same length).</summary>
    public static byte[] ReplaceLast(byte[] bytes, string find, string replace)
    {
        byte[] from = Encoding.UTF8.GetBytes(find);
        byte[] to = Encoding.UTF8.GetBytes(replace);
        int at = bytes.AsSpan().LastIndexOf(from);
        if (at < 0 || from.Length != to.Length)
        {
            throw new ArgumentException($"'{find}' is not in the bytes, or '{replace}' has another length.");
        }

        byte[] copy = bytes.ToArray();
        to.CopyTo(copy, at);
        return copy;
    }
}

// Reads manifest.json of every supported format version into the current CheckpointManifest: versions 1 (main
// before the composable trainer) and 2 (before manifest hashes and declared entry lengths) are upgraded in memory,
// so the rest of the library knows only the current format. A manifest with a DCGAN Architecture and no Network
// (written before network kinds) gets the "dcgan" Network.
using System.Text.Json;
using System.Text.Json.Nodes;
using Dcgan.Models;

namespace Dcgan.Persistence;

/// <summary>Parses a manifest and upgrades older format versions to <see cref="CheckpointManifest.CurrentFormatVersion"/>.</summary>
internal static class CheckpointManifestUpgrade
{
    /// <summary>Version 1's entry names for the optimizer states: version 1 always trained with Adam.</summary>
    private static readonly (string Legacy, string Current)[] RenamedEntries =
    [
        ("generator.adam", CheckpointEntries.GeneratorOptimizer),
        ("discriminator.adam", CheckpointEntries.DiscriminatorOptimizer),
    ];

    /// <summary>The first format version with manifest.sha256 and <see cref="CheckpointManifest.EntryLengths"/>.</summary>
    public const int FirstHashedVersion = 3;

    /// <summary>The optimizer kind of every version-1 checkpoint.</summary>
    private const string VersionOneOptimizerKind = "Adam";

    /// <summary>
    /// Parses manifest JSON. Returns the manifest in the current format and, for each entry whose name the upgrade
    /// changed, the name it has inside the archive (current name -> stored name), and the version the file stored.
    /// </summary>
    /// <param name="json">The bytes of manifest.json.</param>
    /// <param name="file">The checkpoint file, for messages.</param>
    /// <exception cref="CheckpointException">Not valid JSON (also invalid UTF-8 or duplicate names), not a JSON object, or of an unknown format version.</exception>
    public static (CheckpointManifest Manifest, IReadOnlyDictionary<string, string> StoredNames, int StoredVersion) Parse(byte[] json, string file)
    {
        try
        {
            return ParseJson(json, file);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            // System.Text.Json's JsonObject throws InvalidOperationException for invalid UTF-8 in a property name and
            // ArgumentException for a repeated one: both are a corrupt manifest, not a bug of the caller.
            throw new CheckpointException($"Checkpoint '{file}', entry '{CheckpointArchive.ManifestEntry}': not a valid manifest: {e.Message}", e);
        }
    }

    private static (CheckpointManifest Manifest, IReadOnlyDictionary<string, string> StoredNames, int StoredVersion) ParseJson(byte[] json, string file)
    {
        if (JsonNode.Parse(json) is not JsonObject root)
        {
            throw new CheckpointException($"Checkpoint '{file}': {CheckpointArchive.ManifestEntry} is not a JSON object.");
        }

        var storedNames = new Dictionary<string, string>();
        int? version = root["FormatVersion"] is JsonValue value && value.TryGetValue(out int v) ? v : null;
        if (version == 1)
        {
            UpgradeFromVersionOne(root, storedNames);
        }
        else if (version == 2)
        {
            root["FormatVersion"] = CheckpointManifest.CurrentFormatVersion; // 2 -> 3 adds only what 2 lacks (hash, lengths)
        }
        else if (version != CheckpointManifest.CurrentFormatVersion)
        {
            throw new CheckpointException(
                $"Checkpoint '{file}' has format version {(version is null ? "(missing)" : version)}; this library reads versions 1 to {CheckpointManifest.CurrentFormatVersion}.");
        }

        CheckpointManifest manifest = root.Deserialize<CheckpointManifest>(CheckpointArchive.Json)
            ?? throw new CheckpointException($"Checkpoint '{file}': {CheckpointArchive.ManifestEntry} is empty.");
        manifest.EntryLengths ??= [];
        if (manifest.Network is null && manifest.Architecture is not null)
        {
            // Written before network kinds: a DCGAN architecture is the "dcgan" kind.
            manifest.Network = CheckpointNetwork.From(NetworkDescription.Create(DcganNetworkBuilder.KindName, manifest.Architecture));
        }

        return (manifest, storedNames, version.Value);
    }

    // Version 1 -> 3: TrainerOptions (the trainer's options object) becomes Trainer (same property names, plus
    // OptimizerKind "Adam"), and the optimizer entries "*.adam" become "*.optimizer".
    private static void UpgradeFromVersionOne(JsonObject root, Dictionary<string, string> storedNames)
    {
        JsonObject trainer = root["TrainerOptions"] is JsonObject options ? (JsonObject)options.DeepClone() : [];
        root.Remove("TrainerOptions");
        trainer["OptimizerKind"] = VersionOneOptimizerKind;
        root["Trainer"] = trainer;

        if (root["EntryHashes"] is JsonObject hashes)
        {
            foreach ((string legacy, string current) in RenamedEntries)
            {
                if (hashes[legacy] is JsonNode hash)
                {
                    JsonNode copy = hash.DeepClone();
                    hashes.Remove(legacy);
                    hashes[current] = copy;
                    storedNames[current] = legacy;
                }
            }
        }

        root["FormatVersion"] = CheckpointManifest.CurrentFormatVersion;
    }
}

// The JSON part of a checkpoint: position, trainer settings, network description, shapes, RNG state and entry hashes.
// Internal: the format; the public view is CheckpointInfo.
using Dcgan.Generation;
using Dcgan.Models;

namespace Dcgan.Persistence;

/// <summary>
/// The JSON part of a checkpoint (<c>manifest.json</c>): everything except the tensors, plus a SHA-256 of each
/// tensor entry so corruption is detected before anything is loaded.
/// </summary>
/// <remarks>
/// Format version 3 covers manifest.json itself by a SHA-256 (the <see cref="CheckpointArchive.ManifestHashEntry"/>
/// entry) and declares every entry's length (<see cref="EntryLengths"/>), so entries are read with a bounded size.
/// Version 2 stored optimizer state under optimizer-neutral entry names (<see cref="CheckpointEntries"/>) and the
/// trainer settings as <see cref="Trainer"/>, without those two; version-1 files (entries <c>generator.adam</c> and
/// <c>discriminator.adam</c>, settings as <c>TrainerOptions</c>) are older still. Both are upgraded in memory when
/// read (their entries are then bounded by the zip header's length); the files are unchanged.
/// </remarks>
internal sealed class CheckpointManifest
{
    /// <summary>The format version this library writes.</summary>
    public const int CurrentFormatVersion = 3;

    /// <summary>Format version; a manifest read from a version-1 or version-2 file has been upgraded to the current version.</summary>
    /// <value>The default value is <see cref="CurrentFormatVersion"/>.</value>
    public int FormatVersion { get; set; } = CurrentFormatVersion;

    /// <summary>When the checkpoint was written (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>Zero-based epoch where training continues.</summary>
    public int Epoch { get; set; }

    /// <summary>Batches of <see cref="Epoch"/> already trained.</summary>
    public int BatchInEpoch { get; set; }

    /// <summary>Steps trained since the run began.</summary>
    public long GlobalStep { get; set; }

    /// <summary>The settings of the run (seed, batch size, learning rates, optimizer kind, ...).</summary>
    public CheckpointTrainerSettings Trainer { get; set; } = new();

    /// <summary>
    /// The DCGAN options of the networks when they are of kind "dcgan" (also written next to <see cref="Network"/>, so
    /// that readers from before network kinds still rebuild them); null for other networks. A manifest without
    /// <see cref="Network"/> (written before network kinds) is upgraded from it when read.
    /// </summary>
    public DcganModelOptions? Architecture { get; set; }

    /// <summary>The builder kind and description of the networks, or null for networks that no builder describes.</summary>
    public CheckpointNetwork? Network { get; set; }

    /// <summary>Latent dimension of the generator.</summary>
    public int LatentDimension { get; set; }

    /// <summary>Prior of z.</summary>
    public LatentDistribution LatentDistribution { get; set; }

    /// <summary>Image shape, channels x height x width.</summary>
    public int[] ImageShape { get; set; } = [];

    /// <summary>Shape of every generator state-dict entry, by key.</summary>
    public Dictionary<string, long[]> GeneratorState { get; set; } = [];

    /// <summary>Shape of every discriminator state-dict entry, by key.</summary>
    public Dictionary<string, long[]> DiscriminatorState { get; set; } = [];

    /// <summary>Number of fixed latent vectors stored in <c>fixed-noise.f32</c>.</summary>
    public int FixedNoiseCount { get; set; }

    /// <summary>The noise generator's state, base64 (restores the exact noise sequence).</summary>
    public string NoiseGeneratorState { get; set; } = "";

    /// <summary>Description of the data set trained on.</summary>
    public string DataDescription { get; set; } = "";

    /// <summary>Number of images in the data set trained on.</summary>
    public int DataCount { get; set; }

    /// <summary>SHA-256 (hex) of each binary entry, by entry name.</summary>
    public Dictionary<string, string> EntryHashes { get; set; } = [];

    /// <summary>
    /// Length in bytes of each binary entry, by entry name (format 3): an entry is read up to this length and no
    /// further. Empty for manifests upgraded from versions 1 and 2.
    /// </summary>
    public Dictionary<string, long> EntryLengths { get; set; } = [];
}

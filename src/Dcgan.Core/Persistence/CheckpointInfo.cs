// CheckpointInfo: the public, read-only view of a checkpoint's manifest (the format itself stays internal).
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Models;

namespace Dcgan.Persistence;

/// <summary>
/// What a checkpoint records, read-only: its position, the description of its networks, the latent prior, the image
/// shape, the run's trainer settings and its data. Read one with <see cref="Checkpoints.Read"/>; the loaders of
/// <see cref="CheckpointModels"/> return it with the networks.
/// </summary>
public sealed class CheckpointInfo
{
    private readonly DcganModelOptions? _dcganOptions;

    internal CheckpointInfo(string file, CheckpointManifest manifest)
    {
        File = file;
        CreatedUtc = manifest.CreatedUtc;
        Epoch = manifest.Epoch;
        BatchInEpoch = manifest.BatchInEpoch;
        GlobalStep = manifest.GlobalStep;
        Network = manifest.Network?.ToDescription();
        _dcganOptions = Network is { Kind: DcganNetworkBuilder.KindName } ? Network.Read<DcganModelOptions>() : null;
        LatentDimension = manifest.LatentDimension;
        LatentDistribution = manifest.LatentDistribution;
        ImageShape = new ImageShape(manifest.ImageShape[0], manifest.ImageShape[1], manifest.ImageShape[2]);
        Trainer = manifest.Trainer;
        HasTrainingState = manifest.NoiseGeneratorState.Length > 0 && manifest.EntryHashes.ContainsKey(CheckpointEntries.GeneratorOptimizer);
        HasDiscriminator = manifest.EntryHashes.ContainsKey(CheckpointEntries.DiscriminatorWeights);
        DataDescription = manifest.DataDescription;
        DataCount = manifest.DataCount;
    }

    /// <summary>The checkpoint file (full path).</summary>
    public string File { get; }

    /// <summary>When the checkpoint was written (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; }

    /// <summary>Zero-based epoch where training continues.</summary>
    public int Epoch { get; }

    /// <summary>Batches of <see cref="Epoch"/> already trained.</summary>
    public int BatchInEpoch { get; }

    /// <summary>Steps trained since the run began.</summary>
    public long GlobalStep { get; }

    /// <summary>
    /// The builder kind and description of the networks (kind "dcgan" for every checkpoint written with a DCGAN
    /// architecture, also by earlier versions), or null for networks that no builder describes.
    /// </summary>
    public NetworkDescription? Network { get; }

    /// <summary>A copy of the DCGAN options when <see cref="Network"/> is of kind "dcgan"; otherwise null.</summary>
    public DcganModelOptions? DcganOptions => _dcganOptions?.Clone();

    /// <summary>Latent dimension of the generator.</summary>
    public int LatentDimension { get; }

    /// <summary>Prior of z.</summary>
    public LatentDistribution LatentDistribution { get; }

    /// <summary>Shape of the images (channels x height x width).</summary>
    public ImageShape ImageShape { get; }

    /// <summary>The settings of the run that wrote it (empty values, batch size 0, for a model-only checkpoint).</summary>
    public CheckpointTrainerSettings Trainer { get; }

    /// <summary>Whether it holds optimizer and noise state (written by a trainer: a run can resume from it), not only weights.</summary>
    public bool HasTrainingState { get; }

    /// <summary>Whether it holds the discriminator's weights (a converted generator-only checkpoint does not).</summary>
    public bool HasDiscriminator { get; }

    /// <summary>Description of the data set trained on.</summary>
    public string DataDescription { get; }

    /// <summary>Number of images in the data set trained on.</summary>
    public int DataCount { get; }
}

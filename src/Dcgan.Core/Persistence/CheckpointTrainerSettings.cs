// The trainer settings a checkpoint records: enough to verify an exact resume and to restart a run as it was.
using System.Text.Json.Serialization;

namespace Dcgan.Persistence;

/// <summary>
/// The settings of the run that wrote a checkpoint, as recorded in its manifest (read-only). Persistence owns this record so
/// that it does not depend on the trainer; the trainer maps its options to and from it. Version-1 checkpoints
/// (which stored the trainer's options object as <c>TrainerOptions</c>) are read into it, with
/// <see cref="OptimizerKind"/> "Adam".
/// </summary>
public sealed class CheckpointTrainerSettings
{
    [JsonConstructor]
    internal CheckpointTrainerSettings()
    {
    }

    /// <summary>Number of epochs the run was configured for.</summary>
    [JsonInclude]
    public int Epochs { get; internal set; }

    /// <summary>Images per mini-batch (an exact resume needs the same).</summary>
    [JsonInclude]
    public int BatchSize { get; internal set; }

    /// <summary>The run's seed (an exact resume needs the same).</summary>
    [JsonInclude]
    public long Seed { get; internal set; }

    /// <summary>Whether a final short batch is skipped each epoch.</summary>
    [JsonInclude]
    public bool DropLastBatch { get; internal set; }

    /// <summary>Number of fixed latent vectors for sample grids.</summary>
    [JsonInclude]
    public int FixedSampleCount { get; internal set; }

    /// <summary>The generator's learning rate.</summary>
    [JsonInclude]
    public double GeneratorLearningRate { get; internal set; }

    /// <summary>The discriminator's learning rate.</summary>
    [JsonInclude]
    public double DiscriminatorLearningRate { get; internal set; }

    /// <summary>Adam's first-moment decay as set in the run's options (unused by other optimizers).</summary>
    [JsonInclude]
    public double Beta1 { get; internal set; }

    /// <summary>Adam's second-moment decay as set in the run's options (unused by other optimizers).</summary>
    [JsonInclude]
    public double Beta2 { get; internal set; }

    /// <summary>L2 weight decay of both optimizers.</summary>
    [JsonInclude]
    public double WeightDecay { get; internal set; }

    /// <summary>How many decoded batches could wait ahead of the training step.</summary>
    [JsonInclude]
    public int PrefetchBatches { get; internal set; }

    /// <summary>The device setting of the run ("auto", "cpu", "cuda:N").</summary>
    [JsonInclude]
    public string Device { get; internal set; } = "";

    /// <summary>
    /// The run's differentiable augmentation policy by name ("Color, Translation", "All", ...); empty in checkpoints
    /// written before augmentation existed, which means none.
    /// </summary>
    [JsonInclude]
    public string Augmentation { get; internal set; } = "";

    /// <summary>Decay of the generator's weight average (0: none; checkpoints older than the setting read as 0).</summary>
    [JsonInclude]
    public double GeneratorEmaDecay { get; internal set; }

    /// <summary>Steps before the generator's weight average started to lag the weights.</summary>
    [JsonInclude]
    public long GeneratorEmaStart { get; internal set; }

    /// <summary>
    /// The kind of optimizer whose state the checkpoint stores (for example "Adam" or "RMSprop"); state of one
    /// kind is never loaded into another.
    /// </summary>
    [JsonInclude]
    public string OptimizerKind { get; internal set; } = "";
}

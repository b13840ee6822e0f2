// The trainer settings a checkpoint records: enough to verify an exact resume and to restart a run as it was.
namespace Dcgan.Persistence;

/// <summary>
/// The settings of the run that wrote a checkpoint, as recorded in its manifest. Persistence owns this record so
/// that it does not depend on the trainer; the trainer maps its options to and from it. Version-1 checkpoints
/// (which stored the trainer's options object as <c>TrainerOptions</c>) are read into it, with
/// <see cref="OptimizerKind"/> "Adam".
/// </summary>
public sealed class CheckpointTrainerSettings
{
    /// <summary>Number of epochs the run was configured for.</summary>
    public int Epochs { get; set; }

    /// <summary>Images per mini-batch (an exact resume needs the same).</summary>
    public int BatchSize { get; set; }

    /// <summary>The run's seed (an exact resume needs the same).</summary>
    public long Seed { get; set; }

    /// <summary>Whether a final short batch is skipped each epoch.</summary>
    public bool DropLastBatch { get; set; }

    /// <summary>Number of fixed latent vectors for sample grids.</summary>
    public int FixedSampleCount { get; set; }

    /// <summary>The generator's learning rate.</summary>
    public double GeneratorLearningRate { get; set; }

    /// <summary>The discriminator's learning rate.</summary>
    public double DiscriminatorLearningRate { get; set; }

    /// <summary>Adam's first-moment decay as set in the run's options (unused by other optimizers).</summary>
    public double Beta1 { get; set; }

    /// <summary>Adam's second-moment decay as set in the run's options (unused by other optimizers).</summary>
    public double Beta2 { get; set; }

    /// <summary>L2 weight decay of both optimizers.</summary>
    public double WeightDecay { get; set; }

    /// <summary>How many decoded batches could wait ahead of the training step.</summary>
    public int PrefetchBatches { get; set; }

    /// <summary>The device setting of the run ("auto", "cpu", "cuda:N").</summary>
    public string Device { get; set; } = "";

    /// <summary>
    /// The run's differentiable augmentation policy by name ("Color, Translation", "All", ...); empty in checkpoints
    /// written before augmentation existed, which means none.
    /// </summary>
    public string Augmentation { get; set; } = "";

    /// <summary>Decay of the generator's weight average (0: none; checkpoints older than the setting read as 0).</summary>
    public double GeneratorEmaDecay { get; set; }

    /// <summary>Steps before the generator's weight average started to lag the weights.</summary>
    public long GeneratorEmaStart { get; set; }

    /// <summary>
    /// The kind of optimizer whose state is stored in <see cref="CheckpointEntries.GeneratorOptimizer"/> and
    /// <see cref="CheckpointEntries.DiscriminatorOptimizer"/> (for example "Adam" or "RMSprop"); state of one
    /// kind is never loaded into another.
    /// </summary>
    public string OptimizerKind { get; set; } = "";
}

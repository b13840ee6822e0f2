// The trainer's settings (bindable from IConfiguration), with the paper's defaults.
using System.ComponentModel.DataAnnotations;

namespace Dcgan.Training;

/// <summary>
/// Settings of <see cref="GanTrainer"/>. The defaults are the paper's stability settings (section 4):
/// Adam with learning rate 0.0002, beta1 0.5, beta2 0.999, mini-batches of 128.
/// Validated by <see cref="GanTrainerOptionsValidator"/> before any work starts.
/// </summary>
/// <remarks>
/// The learning rates and the weight decay apply to whichever optimizer the trainer's
/// <see cref="IOptimizerFactory"/> builds; <see cref="Beta1"/> and <see cref="Beta2"/> are Adam's and are read by
/// <see cref="AdamOptimizerFactory"/> (the default) only. Optimizer-specific settings of other optimizers belong
/// to their factory (for example <see cref="RmsPropOptimizerFactory.Alpha"/>).
/// </remarks>
public sealed class GanTrainerOptions
{
    /// <summary>Number of passes over the data set.</summary>
    /// <value>The default value is 25 (pytorch/examples' default).</value>
    [Range(1, 1_000_000)]
    public int Epochs { get; set; } = 25;

    /// <summary>Images per mini-batch.</summary>
    /// <value>The default value is 128 (the paper's).</value>
    [Range(1, 65536)]
    public int BatchSize { get; set; } = 128;

    /// <summary>Learning rate of the generator's optimizer.</summary>
    /// <value>The default value is 0.0002 (the paper found 0.001 too high).</value>
    [Range(1e-12, 10.0)]
    public double GeneratorLearningRate { get; set; } = 2e-4;

    /// <summary>Learning rate of the discriminator's optimizer.</summary>
    /// <value>The default value is 0.0002.</value>
    [Range(1e-12, 10.0)]
    public double DiscriminatorLearningRate { get; set; } = 2e-4;

    /// <summary>Adam's first-moment decay, for both networks (read by <see cref="AdamOptimizerFactory"/>).</summary>
    /// <value>The default value is 0.5 (the paper found 0.9 oscillates).</value>
    [Range(0.0, 0.999999)]
    public double Beta1 { get; set; } = 0.5;

    /// <summary>Adam's second-moment decay, for both networks (read by <see cref="AdamOptimizerFactory"/>).</summary>
    /// <value>The default value is 0.999.</value>
    [Range(0.0, 0.999999999)]
    public double Beta2 { get; set; } = 0.999;

    /// <summary>L2 weight decay of both optimizers (the authors' code used 1e-5).</summary>
    /// <value>The default value is 0.</value>
    [Range(0.0, 1.0)]
    public double WeightDecay { get; set; }

    /// <summary>The one seed that drives weight initialisation, latent noise and shuffling.</summary>
    /// <value>The default value is 1.</value>
    public long Seed { get; set; } = 1;

    /// <summary>Whether a final batch smaller than <see cref="BatchSize"/> is skipped each epoch.</summary>
    /// <value>The default value is true (keeps batch-norm statistics comparable across steps).</value>
    public bool DropLastBatch { get; set; } = true;

    /// <summary>How many decoded batches may wait ahead of the training step.</summary>
    /// <value>The default value is 2.</value>
    [Range(1, 64)]
    public int PrefetchBatches { get; set; } = 2;

    /// <summary>Number of fixed latent vectors used for sample grids (the same every epoch).</summary>
    /// <value>The default value is 64 (an 8x8 grid).</value>
    [Range(1, 4096)]
    public int FixedSampleCount { get; set; } = 64;

    /// <summary>Device to train on: "auto", "cpu", "cuda" or "cuda:N".</summary>
    /// <value>The default value is "auto" (CUDA when available, else CPU).</value>
    [Required]
    public string Device { get; set; } = "auto";

    /// <summary>The learning rate of one network: <see cref="GeneratorLearningRate"/> or <see cref="DiscriminatorLearningRate"/>.</summary>
    /// <param name="role">The network.</param>
    public double LearningRate(GanNetworkRole role) => role switch
    {
        GanNetworkRole.Generator => GeneratorLearningRate,
        GanNetworkRole.Discriminator => DiscriminatorLearningRate,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Expected Generator or Discriminator."),
    };

    /// <summary>A copy of these options.</summary>
    public GanTrainerOptions Clone() => (GanTrainerOptions)MemberwiseClone();
}

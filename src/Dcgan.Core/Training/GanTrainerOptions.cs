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
    /// <value>The default value is 0.0002 (the paper found 0.001 too high). Up to 1e12 is accepted, so that a run can be
    /// made to diverge on purpose (Adam moves each weight by about the learning rate per step, so nothing much below
    /// that reaches NaN quickly).</value>
    [Range(1e-12, 1e12)]
    public double GeneratorLearningRate { get; set; } = 2e-4;

    /// <summary>Learning rate of the discriminator's optimizer.</summary>
    /// <value>The default value is 0.0002 (accepted: 1e-12 to 1e12, as <see cref="GeneratorLearningRate"/>).</value>
    [Range(1e-12, 1e12)]
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

    /// <summary>
    /// Device to train on: "auto", "cpu", "cuda" or "cuda:N" (<see cref="Dcgan.Configuration.DeviceName"/>); validation
    /// also checks that the device is present (<see cref="Dcgan.Native.DeviceSelection.Check"/>).
    /// </summary>
    /// <value>The default value is "auto" (CUDA when available, else CPU).</value>
    [Required]
    [Dcgan.Native.AvailableDevice]
    public string Device { get; set; } = "auto";

    /// <summary>
    /// Differentiable augmentation of every batch, real and generated, before the discriminator sees it (DiffAugment;
    /// see <see cref="DiffAugment"/>), for small data sets. The default step and any <see cref="IAdversarialStep"/> that
    /// calls <see cref="AdversarialStepContext.Augment"/> apply it; its random draws are derived from <see cref="Seed"/>
    /// and the step number, so runs repeat and resume bit for bit.
    /// </summary>
    /// <value>The default value is <see cref="DiffAugmentPolicy.None"/> (the paper's training).</value>
    public DiffAugmentPolicy Augmentation { get; set; }

    /// <summary>
    /// Decay of an exponential moving average (EMA) of the generator's weights, kept next to the trained weights and
    /// saved in checkpoints: after every step past <see cref="GeneratorEmaStart"/>, average = decay * average +
    /// (1 - decay) * weights. Batch-norm buffers are copied, not averaged. When on, sample grids, checkpoint loading
    /// (<c>CheckpointModels.LoadGenerator</c>) and everything built on it (sampling, export, serving) use the average.
    /// 0 turns it off; 0.999 is a common choice.
    /// </summary>
    /// <value>The default value is 0 (no average: the paper's training).</value>
    [Range(0.0, 0.999999)]
    public double GeneratorEmaDecay { get; set; }

    /// <summary>Steps trained before the average starts to lag the weights (up to then it is a copy of them).</summary>
    /// <value>The default value is 0 (average from the first step).</value>
    [Range(0L, long.MaxValue)]
    public long GeneratorEmaStart { get; set; }

    /// <summary>
    /// What the trainer does when a step's losses or scores, or the weights, become NaN or infinite. Losses are
    /// checked after every step (they are read as numbers anyway); weights are checked before the end-of-epoch and
    /// end-of-training callbacks run and every <see cref="WeightCheckInterval"/> steps; checkpoints are never written
    /// from non-finite weights.
    /// </summary>
    /// <value>The default value is <see cref="DivergencePolicy.Stop"/> (throw a <see cref="DivergenceException"/>).</value>
    [EnumDataType(typeof(DivergencePolicy))]
    public DivergencePolicy OnDivergence { get; set; } = DivergencePolicy.Stop;

    /// <summary>
    /// Also check every parameter and buffer of both networks for NaN or infinity every this many steps (one
    /// device-to-host read per check); 0 checks them only at the last step of each epoch and when training stops.
    /// Under <see cref="DivergencePolicy.SkipBatch"/> they are checked after every step whatever this says.
    /// </summary>
    /// <value>The default value is 0 (a non-finite weight makes the next step's losses non-finite, which is checked every step).</value>
    [Range(0, int.MaxValue)]
    public int WeightCheckInterval { get; set; }

    /// <summary>Under <see cref="DivergencePolicy.SkipBatch"/>: how many batches in a row may be skipped before the trainer gives up.</summary>
    /// <value>The default value is 10.</value>
    [Range(1, 1_000_000)]
    public int MaxConsecutiveSkippedBatches { get; set; } = 10;

    /// <summary>Under <see cref="DivergencePolicy.RollBack"/>: how many roll-backs the trainer makes in its lifetime before it gives up.</summary>
    /// <value>The default value is 3.</value>
    [Range(1, 1000)]
    public int MaxRollBacks { get; set; } = 3;

    /// <summary>Under <see cref="DivergencePolicy.RollBack"/>: both learning rates are multiplied by this after each roll-back.</summary>
    /// <value>The default value is 0.5 (halve them).</value>
    [Range(1e-6, 1.0)]
    public double RollBackLearningRateFactor { get; set; } = 0.5;

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

// The named parts a GanTrainer is composed of, besides the two networks and the data: each has a default.
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dcgan.Training;

/// <summary>
/// Everything <see cref="GanTrainer"/> is built from apart from the networks and the data. Every part has a
/// default, so <c>new GanTrainerSetup()</c> trains as the paper does; set only what you change:
/// <code>
/// new GanTrainer(generator, discriminator, data, new GanTrainerSetup
/// {
///     Options = new GanTrainerOptions { Epochs = 5, Seed = 42 },
///     Step = new MyCriticStep(),
///     OptimizerFactory = new RmsPropOptimizerFactory(),
///     Callbacks = [new SampleGridCallback("run"), new CheckpointCallback("run")],
///     Logger = logger,
/// });
/// </code>
/// The trainer copies the options and the callback list when it is built; later changes to this object do not
/// reach it.
/// </summary>
public sealed class GanTrainerSetup
{
    /// <summary>The settings (validated by <see cref="GanTrainerOptionsValidator"/> when the trainer is built).</summary>
    /// <value>The default value is a new <see cref="GanTrainerOptions"/> (the paper's settings).</value>
    public GanTrainerOptions Options { get; set; } = new();

    /// <summary>The adversarial objective.</summary>
    /// <value>The default value is <see cref="NonSaturatingGanLoss"/> (the paper's).</value>
    public IGanLoss Loss { get; set; } = new NonSaturatingGanLoss();

    /// <summary>What one batch does to the networks.</summary>
    /// <value>The default value is <see cref="DiscriminatorThenGeneratorStep"/> (one D update, then one G update).</value>
    public IAdversarialStep Step { get; set; } = new DiscriminatorThenGeneratorStep();

    /// <summary>Builds the two optimizers.</summary>
    /// <value>The default value is <see cref="AdamOptimizerFactory"/> (Adam with the options' learning rates and betas).</value>
    public IOptimizerFactory OptimizerFactory { get; set; } = new AdamOptimizerFactory();

    /// <summary>
    /// Callbacks, run in this order (register checkpointing last). The trainer owns them: disposing the trainer disposes
    /// every callback that is <see cref="IDisposable"/>, so do not share one between trainers.
    /// </summary>
    /// <value>The default value is none.</value>
    public IReadOnlyList<GanCallback> Callbacks { get; set; } = [];

    /// <summary>Where progress is logged (hosting passes an <c>ILogger&lt;GanTrainer&gt;</c>).</summary>
    /// <value>The default value is <see cref="NullLogger.Instance"/> (nowhere).</value>
    public ILogger Logger { get; set; } = NullLogger.Instance;
}

// GanTrainerFactory: builds GanTrainers from the parts registered in the container (loss, adversarial step, optimizer
// factory, logger), so that a host app composes training the way it composes everything else.
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dcgan.Hosting;

/// <summary>
/// Creates <see cref="GanTrainer"/> instances from the <see cref="IGanLoss"/>, <see cref="IAdversarialStep"/> and
/// <see cref="IOptimizerFactory"/> registered in the container (by default the paper's: <see cref="NonSaturatingGanLoss"/>,
/// <see cref="DiscriminatorThenGeneratorStep"/>, <see cref="AdamOptimizerFactory"/>) and an <c>ILogger&lt;GanTrainer&gt;</c>.
/// Registered (transient) by <c>services.AddDcgan(...)</c>; register your own part before or after it, e.g.
/// <c>services.AddTransient&lt;IOptimizerFactory, RmsPropOptimizerFactory&gt;()</c>. The trainers one factory creates
/// share its parts.
/// </summary>
/// <param name="loss">The objective.</param>
/// <param name="step">What one batch does to the networks.</param>
/// <param name="optimizerFactory">Builds the two optimizers.</param>
/// <param name="logger">Where trainers log; null means nowhere.</param>
public sealed class GanTrainerFactory(IGanLoss loss, IAdversarialStep step, IOptimizerFactory optimizerFactory, ILogger<GanTrainer>? logger = null)
{
    /// <summary>A trainer for the networks and data (see the <see cref="GanTrainer"/> constructor for ownership and validation).</summary>
    /// <param name="generator">The generator (the caller keeps ownership).</param>
    /// <param name="discriminator">The discriminator (the caller keeps ownership).</param>
    /// <param name="data">The training images.</param>
    /// <param name="options">The trainer's settings (validated by the trainer).</param>
    /// <param name="callbacks">Callbacks in order; register checkpointing last. Null means none.</param>
    /// <returns>The trainer; the caller disposes it.</returns>
    public GanTrainer Create(IGenerator generator, IDiscriminator discriminator, IImageDataSource data, GanTrainerOptions options,
        IReadOnlyList<GanCallback>? callbacks = null) =>
        new(generator, discriminator, data, Setup(options, callbacks));

    /// <summary>
    /// A trainer for a pair built by a network builder (its description is recorded in checkpoints; see the
    /// <see cref="GanTrainer"/> constructor for ownership and validation).
    /// </summary>
    /// <param name="networks">The generator, the discriminator and their description (the caller keeps ownership).</param>
    /// <param name="data">The training images.</param>
    /// <param name="options">The trainer's settings (validated by the trainer).</param>
    /// <param name="callbacks">Callbacks in order; register checkpointing last. Null means none.</param>
    /// <returns>The trainer; the caller disposes it.</returns>
    public GanTrainer Create(GanNetworks networks, IImageDataSource data, GanTrainerOptions options, IReadOnlyList<GanCallback>? callbacks) =>
        new(networks, data, Setup(options, callbacks));

    private GanTrainerSetup Setup(GanTrainerOptions options, IReadOnlyList<GanCallback>? callbacks) =>
        new()
        {
            Options = options,
            Loss = loss,
            Step = step,
            OptimizerFactory = optimizerFactory,
            Callbacks = callbacks ?? [],
            Logger = (ILogger?)logger ?? NullLogger.Instance,
        };
}

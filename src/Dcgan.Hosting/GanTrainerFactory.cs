// GanTrainerFactory: builds GanTrainers from the parts registered in the container (loss, logger), so that a host
// app composes training the way it composes everything else.
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Training;
using Microsoft.Extensions.Logging;

namespace Dcgan.Hosting;

/// <summary>
/// Creates <see cref="GanTrainer"/> instances with the <see cref="IGanLoss"/> registered in the container (by default
/// the paper's <see cref="NonSaturatingGanLoss"/>) and an <c>ILogger&lt;GanTrainer&gt;</c>. Registered by
/// <c>services.AddDcgan(...)</c>; replace the loss with <c>services.AddSingleton&lt;IGanLoss, MyLoss&gt;()</c> before it.
/// </summary>
/// <param name="loss">The objective every trainer uses; must be stateless (it is shared).</param>
/// <param name="logger">Where trainers log; null means nowhere.</param>
public sealed class GanTrainerFactory(IGanLoss loss, ILogger<GanTrainer>? logger = null)
{
    /// <summary>A trainer for the networks and data (see the <see cref="GanTrainer"/> constructor for ownership and validation).</summary>
    /// <param name="generator">The generator (the caller keeps ownership).</param>
    /// <param name="discriminator">The discriminator (the caller keeps ownership).</param>
    /// <param name="data">The training images.</param>
    /// <param name="options">The trainer's settings (validated).</param>
    /// <param name="callbacks">Callbacks in order; register checkpointing last.</param>
    /// <param name="architecture">The options the networks were built from (stored in checkpoints); null for custom networks.</param>
    /// <returns>The trainer; the caller disposes it.</returns>
    public GanTrainer Create(IGenerator generator, IDiscriminator discriminator, IImageDataSource data, GanTrainerOptions options,
        IEnumerable<GanCallback>? callbacks = null, DcganModelOptions? architecture = null) =>
        new(generator, discriminator, data, options, loss, callbacks, logger, architecture);
}

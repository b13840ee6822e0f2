// The training loop: epochs of batches, one dispose scope per batch, callbacks in a fixed order, exact resume.
using System.Diagnostics;
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Native;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Training;

/// <summary>
/// Trains a generator and a discriminator adversarially. Composed of named parts (<see cref="GanTrainerSetup"/>):
/// the options, the loss, the step (<see cref="IAdversarialStep"/>), the optimizer factory, callbacks and a logger;
/// each defaults to the paper's choice.
/// </summary>
/// <remarks>
/// <para>The trainer moves both networks to <see cref="Device"/> and owns its optimizers, random generators and
/// fixed noise (disposed with it); the networks, the data source and the setup's parts stay the caller's.</para>
/// <para><see cref="Fit"/> runs on the calling thread (dispose scopes are thread-static: do not call it from
/// code that awaits in between). On CPU the same seed gives bit-identical weights, and a run that is
/// checkpointed and resumed equals an uninterrupted one.</para>
/// </remarks>
public sealed partial class GanTrainer : IDisposable
{
    /// <summary>The <see cref="SeedSequence"/> stream of the training noise (part of the reproducibility contract).</summary>
    internal const long NoiseStream = 2;

    /// <summary>The stream of the data set's shuffling.</summary>
    internal const long ShuffleStream = 3;

    /// <summary>The stream of the sample grids' fixed noise.</summary>
    internal const long FixedNoiseStream = 4;

    private readonly IImageDataSource _data;
    private readonly GanTrainerOptions _options;

    // The SeedSequence stream of DiffAugment's draws (after the noise, shuffling and fixed-noise streams above); each
    // step's generator is seeded by Derive(Derive(Seed, AugmentationStream), GlobalStep).
    private const long AugmentationStream = 5;
    private readonly long _augmentationSeed;
    private readonly IReadOnlyList<GanCallback> _callbacks;
    private readonly ILogger _logger;
    private readonly long _shuffleSeed;
    private readonly torch.Generator _noise;
    private readonly Tensor _fixedNoise;
    private optim.Optimizer _generatorOptimizer;
    private optim.Optimizer _discriminatorOptimizer;
    private volatile bool _stopRequested;
    private bool _disposed;

    /// <summary>Creates a trainer. Validates everything before any work starts.</summary>
    /// <param name="generator">The generator (the caller keeps ownership).</param>
    /// <param name="discriminator">The discriminator (the caller keeps ownership).</param>
    /// <param name="data">The training images; their shape must match both networks.</param>
    /// <param name="setup">The options, loss, step, optimizer factory, callbacks and logger; null means all defaults (the paper's training).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">A part of the setup is null, shapes disagree, or the batch does not fit in the data set.</exception>
    /// <exception cref="InvalidOperationException">The optimizer factory returned no optimizer, or one whose state cannot be checkpointed.</exception>
    public GanTrainer(IGenerator generator, IDiscriminator discriminator, IImageDataSource data, GanTrainerSetup? setup = null)
        : this(generator, discriminator, DescriptionOf(generator, discriminator), data, setup)
    {
    }

    /// <summary>
    /// Creates a trainer for a pair built by an <see cref="INetworkBuilder"/>: its <see cref="GanNetworks.Description"/>
    /// is recorded in checkpoints, so that <see cref="Persistence.CheckpointModels"/> and the generator pool rebuild the
    /// networks through a <see cref="NetworkBuilderRegistry"/> holding that kind. Validates everything before any work starts.
    /// </summary>
    /// <param name="networks">The generator, the discriminator and their description (the caller keeps ownership).</param>
    /// <param name="data">The training images; their shape must match both networks.</param>
    /// <param name="setup">The options, loss, step, optimizer factory, callbacks and logger; null means all defaults (the paper's training).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">A part of the setup is null, shapes disagree, or the batch does not fit in the data set.</exception>
    /// <exception cref="InvalidOperationException">The optimizer factory returned no optimizer, or one whose state cannot be checkpointed.</exception>
    public GanTrainer(GanNetworks networks, IImageDataSource data, GanTrainerSetup? setup)
        : this(LoadedAndNotNull(networks).Generator, networks.Discriminator, networks.Description, data, setup)
    {
    }

    private GanTrainer(IGenerator generator, IDiscriminator discriminator, NetworkDescription? description, IImageDataSource data, GanTrainerSetup? setup)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(data);
        setup ??= new GanTrainerSetup();
        ThrowIfPartMissing(setup);
        _options = setup.Options.Clone();
        new GanTrainerOptionsValidator().ThrowIfInvalid(_options);
        ThrowIfShapesDisagree(generator, discriminator, data);
        GanTrainerOptionsValidator.ThrowIfBatchDoesNotFit(_options, data.Count, data.Description);

        Generator = generator;
        Discriminator = discriminator;
        _data = data;
        Loss = setup.Loss;
        Step = setup.Step;
        OptimizerFactory = setup.OptimizerFactory;
        _callbacks = setup.Callbacks.ToArray();
        _logger = setup.Logger;
        NetworkDescription = description;
        Device = DeviceSelection.Resolve(_options.Device);
        _shuffleSeed = SeedSequence.Derive(_options.Seed, ShuffleStream);
        _augmentationSeed = SeedSequence.Derive(_options.Seed, AugmentationStream);

        generator.Network.to(Device);
        discriminator.Network.to(Device);
        (_generatorOptimizer, _discriminatorOptimizer) = CreateOptimizers();
        _average = _options.GeneratorEmaDecay > 0 ? new GeneratorAverage(generator.Network, _options.GeneratorEmaDecay, _options.GeneratorEmaStart) : null;
        _noise = new torch.Generator((ulong)SeedSequence.Derive(_options.Seed, NoiseStream));
        using (var fixedNoise = new torch.Generator((ulong)SeedSequence.Derive(_options.Seed, FixedNoiseStream)))
        {
            _fixedNoise = LatentNoise.Sample(_options.FixedSampleCount, generator.LatentDimension, generator.LatentDistribution, fixedNoise)
                .DetachFromDisposeScope(); // [S, Z] on the CPU, owned by the trainer
        }

        BatchesPerEpoch = EpochOrder.BatchCount(data.Count, _options.BatchSize, _options.DropLastBatch);
        Position = new TrainingPosition(0, 0, 0, BatchesPerEpoch);
    }

    /// <summary>The generator being trained.</summary>
    public IGenerator Generator { get; }

    /// <summary>The discriminator being trained.</summary>
    public IDiscriminator Discriminator { get; }

    /// <summary>A copy of the trainer's options.</summary>
    public GanTrainerOptions Options => _options.Clone();

    /// <summary>The adversarial objective.</summary>
    public IGanLoss Loss { get; }

    /// <summary>What one batch does to the networks.</summary>
    public IAdversarialStep Step { get; }

    /// <summary>Where the two optimizers come from; its <see cref="IOptimizerFactory.Kind"/> is recorded in checkpoints.</summary>
    public IOptimizerFactory OptimizerFactory { get; }

    /// <summary>
    /// What the networks were built from, stored in checkpoints (so that <see cref="Persistence.CheckpointModels"/>
    /// can rebuild them through a <see cref="NetworkBuilderRegistry"/>): the <see cref="GanNetworks.Description"/> of
    /// a pair given as <see cref="GanNetworks"/>; kind "dcgan" for a <see cref="DcganGenerator"/> and
    /// <see cref="DcganDiscriminator"/> built from the same <see cref="DcganModelOptions"/>; otherwise null (networks
    /// that no builder describes: their checkpoints resume, but nothing can rebuild them).
    /// </summary>
    public NetworkDescription? NetworkDescription { get; }

    /// <summary>The DCGAN options of the networks when <see cref="NetworkDescription"/> is of kind "dcgan"; otherwise null.</summary>
    public DcganModelOptions? Architecture =>
        NetworkDescription is { Kind: DcganNetworkBuilder.KindName } d ? d.Read<DcganModelOptions>() : null;

    /// <summary>The device both networks live on.</summary>
    public Device Device { get; }

    /// <summary>Batches in one epoch.</summary>
    public int BatchesPerEpoch { get; }

    /// <summary>Where the next step starts: advanced by <see cref="Fit"/>, set by <see cref="LoadCheckpoint"/>.</summary>
    public TrainingPosition Position { get; private set; }

    /// <summary>Asks <see cref="Fit"/> to stop after the current step. Safe to call from any thread.</summary>
    public void RequestStop() => _stopRequested = true;

    /// <summary>
    /// Trains from <see cref="Position"/> until <see cref="GanTrainerOptions.Epochs"/> epochs are done, the token is
    /// cancelled or a stop is requested (checked between steps, so at most one step runs after cancellation).
    /// </summary>
    /// <remarks>
    /// Every step's losses and scores are checked for NaN and infinity (weights too, see
    /// <see cref="GanTrainerOptions.WeightCheckInterval"/>); a diverged step raises no
    /// <see cref="GanCallback.OnGeneratorStepEnd"/> or <see cref="GanCallback.OnBatchEnd"/> and is handled by
    /// <see cref="GanTrainerOptions.OnDivergence"/>. After a roll-back the epoch is re-entered
    /// (<see cref="GanCallback.OnEpochStart"/> again) at the checkpoint's position.
    /// </remarks>
    /// <exception cref="DivergenceException">Training diverged and the policy is <see cref="DivergencePolicy.Stop"/>, or the policy gave up.</exception>
    /// <param name="cancellationToken">Stops training at the next step boundary; the result then says <see cref="TrainingOutcome.Cancelled"/>.</param>
    /// <param name="progress">Receives a report after every step.</param>
    /// <returns>What was done; <see cref="Position"/> is where a resume continues.</returns>
    public TrainingResult Fit(CancellationToken cancellationToken = default, IProgress<TrainingProgress>? progress = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _stopRequested = false;
        var clock = Stopwatch.StartNew();
        long steps = 0;
        long images = 0;
        long skipped = 0;
        int rollBacksBefore = RollBacks;
        _consecutiveSkips = 0;
        StepLosses? last = null;
        TrainingOutcome outcome = TrainingOutcome.Completed;
        Generator.Network.train();
        Discriminator.Network.train();
        try
        {
            Notify(c => c.OnTrainStart(new GanCallbackArguments(this, Position)));
            while (Position.Epoch < _options.Epochs)
            {
                int epoch = Position.Epoch;
                Notify(c => c.OnEpochStart(new GanCallbackArguments(this, Position)));
                var sums = new StepLosses();
                int trainedInEpoch = 0;
                bool rolledBack = false;
                int[] order = EpochOrder.Permutation(_data.Count, _shuffleSeed, epoch);
                using (var prefetcher = new BatchPrefetcher(_data, order, _options.BatchSize, _options.DropLastBatch, Position.BatchInEpoch, _options.PrefetchBatches))
                {
                    foreach (HostBatch batch in prefetcher.Batches())
                    {
                        outcome = StopReason(cancellationToken);
                        if (outcome != TrainingOutcome.Completed)
                        {
                            break;
                        }

                        (StepLosses losses, Divergence? divergence) = TrainBatch(batch, clock, images, cancellationToken);
                        if (divergence is { } diverged)
                        {
                            // Stop throws; SkipBatch undid the step and moved on; RollBack moved Position back.
                            if (Recover(diverged, Position) == Recovery.Skipped)
                            {
                                skipped++;
                                continue;
                            }

                            rolledBack = true;
                            break;
                        }

                        steps++;
                        images += batch.Count;
                        trainedInEpoch++;
                        last = losses;
                        sums = new StepLosses(sums.DiscriminatorLoss + losses.DiscriminatorLoss, sums.GeneratorLoss + losses.GeneratorLoss,
                            sums.RealScore + losses.RealScore, sums.FakeScore + losses.FakeScore);
                        double rate = images / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                        Notify(c => c.OnBatchEnd(new GanStepArguments(this, Position, losses, rate)));
                        progress?.Report(new TrainingProgress(Position, _options.Epochs, losses, rate));
                    }
                }

                if (rolledBack)
                {
                    continue; // re-enter the checkpoint's epoch at its position
                }

                if (outcome != TrainingOutcome.Completed || Position.BatchInEpoch < BatchesPerEpoch)
                {
                    outcome = outcome == TrainingOutcome.Completed ? StopReason(cancellationToken) : outcome;
                    break;
                }

                Position = Position with { Epoch = epoch + 1, BatchInEpoch = 0 };
                StepLosses mean = trainedInEpoch == 0 ? sums : new StepLosses(sums.DiscriminatorLoss / trainedInEpoch,
                    sums.GeneratorLoss / trainedInEpoch, sums.RealScore / trainedInEpoch, sums.FakeScore / trainedInEpoch);
                LogEpoch(epoch + 1, _options.Epochs, mean.DiscriminatorLoss, mean.GeneratorLoss, mean.RealScore, mean.FakeScore);
                Notify(c => c.OnEpochEnd(new GanEpochArguments(this, epoch, Position, mean)));
            }

            var result = new TrainingResult(outcome, Position, steps, last, clock.Elapsed) { SkippedSteps = skipped, RollBacks = RollBacks - rollBacksBefore };
            Notify(c => c.OnTrainEnd(new GanTrainEndArguments(this, result)));
            return result;
        }
        catch (Exception e)
        {
            foreach (GanCallback callback in _callbacks)
            {
                callback.OnException(this, e);
            }

            throw;
        }
    }

    /// <summary>
    /// Releases the optimizers, random generators and fixed noise, and disposes the callbacks that are
    /// <see cref="IDisposable"/> (the trainer owns its callbacks; last registered first). The networks stay usable: they
    /// belong to whoever created them.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _noise.Dispose();
        _fixedNoise.Dispose();
        _preStep?.Dispose();
        _average?.Dispose();
        for (int i = _callbacks.Count - 1; i >= 0; i--)
        {
            (_callbacks[i] as IDisposable)?.Dispose();
        }
    }

    private TrainingOutcome StopReason(CancellationToken token) =>
        token.IsCancellationRequested ? TrainingOutcome.Cancelled
        : _stopRequested ? TrainingOutcome.StopRequested
        : TrainingOutcome.Completed;

    private void Notify(Action<GanCallback> hook)
    {
        foreach (GanCallback callback in _callbacks)
        {
            hook(callback);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Epoch {Epoch}/{Epochs}: loss D {LossD:F4}, loss G {LossG:F4}, D(x) {RealScore:F3}, D(G(z)) {FakeScore:F3}")]
    private partial void LogEpoch(int epoch, int epochs, double lossD, double lossG, double realScore, double fakeScore);
}

// The training loop: epochs of batches, one dispose scope per batch, callbacks in a fixed order, exact resume.
using System.Diagnostics;
using Dcgan.Data;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Training;

/// <summary>
/// Trains a generator and a discriminator adversarially with the paper's defaults (see <see cref="GanTrainerOptions"/>).
/// </summary>
/// <remarks>
/// <para>The trainer moves both networks to <see cref="Device"/> and owns its optimizers, random generators and
/// fixed noise (disposed with it); the networks and the data source stay the caller's.</para>
/// <para><see cref="Fit"/> runs on the calling thread (dispose scopes are thread-static: do not call it from
/// code that awaits in between). On CPU the same seed gives bit-identical weights, and a run that is
/// checkpointed and resumed equals an uninterrupted one.</para>
/// </remarks>
public sealed partial class GanTrainer : IDisposable
{
    private readonly IImageDataSource _data;
    private readonly GanTrainerOptions _options;
    private readonly IGanLoss _loss;
    private readonly IReadOnlyList<GanCallback> _callbacks;
    private readonly ILogger _logger;
    private readonly long _shuffleSeed;
    private readonly torch.Generator _noise;
    private readonly Tensor _fixedNoise;
    private AdversarialStep _step;
    private optim.Optimizer _generatorOptimizer;
    private optim.Optimizer _discriminatorOptimizer;
    private volatile bool _stopRequested;
    private bool _disposed;

    /// <summary>Creates a trainer. Validates everything before any work starts.</summary>
    /// <param name="generator">The generator (the caller keeps ownership).</param>
    /// <param name="discriminator">The discriminator (the caller keeps ownership).</param>
    /// <param name="data">The training images; their shape must match both networks.</param>
    /// <param name="options">The settings; null means the paper's defaults.</param>
    /// <param name="loss">The objective; null means <see cref="NonSaturatingGanLoss"/>.</param>
    /// <param name="callbacks">Callbacks, run in this order.</param>
    /// <param name="logger">Where progress is logged; null means nowhere.</param>
    /// <param name="architecture">The options the networks were built from, stored in checkpoints so they can be rebuilt; null for custom networks.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">Shapes disagree, or the batch does not fit in the data set.</exception>
    public GanTrainer(
        IGenerator generator,
        IDiscriminator discriminator,
        IImageDataSource data,
        GanTrainerOptions? options = null,
        IGanLoss? loss = null,
        IEnumerable<GanCallback>? callbacks = null,
        ILogger? logger = null,
        DcganModelOptions? architecture = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(data);
        _options = (options ?? new GanTrainerOptions()).Clone();
        new GanTrainerOptionsValidator().ThrowIfInvalid(_options);
        ThrowIfShapesDisagree(generator, discriminator, data);
        GanTrainerOptionsValidator.ThrowIfBatchDoesNotFit(_options, data.Count, data.Description);
        TorchRuntime.EnsureLoaded();

        Generator = generator;
        Discriminator = discriminator;
        _data = data;
        _loss = loss ?? new NonSaturatingGanLoss();
        _callbacks = callbacks?.ToArray() ?? [];
        _logger = logger ?? NullLogger.Instance;
        Architecture = architecture?.Clone();
        Device = DeviceSelection.Resolve(_options.Device);
        _shuffleSeed = SeedSequence.Derive(_options.Seed, SeedSequence.ShuffleStream);

        generator.Network.to(Device);
        discriminator.Network.to(Device);
        (_generatorOptimizer, _discriminatorOptimizer) = CreateOptimizers();
        _step = new AdversarialStep(generator, discriminator, _loss);
        _noise = new torch.Generator((ulong)SeedSequence.Derive(_options.Seed, SeedSequence.NoiseStream));
        using (var fixedNoise = new torch.Generator((ulong)SeedSequence.Derive(_options.Seed, SeedSequence.FixedNoiseStream)))
        {
            _fixedNoise = LatentSampler.Sample(_options.FixedSampleCount, generator.LatentDimension, generator.LatentDistribution, fixedNoise)
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

    /// <summary>The architecture the networks were built from, when given (stored in checkpoints).</summary>
    public DcganModelOptions? Architecture { get; }

    /// <summary>The device both networks live on.</summary>
    public Device Device { get; }

    /// <summary>Batches in one epoch.</summary>
    public int BatchesPerEpoch { get; }

    /// <summary>Where the next step starts: advanced by <see cref="Fit"/>, set by <see cref="LoadCheckpoint"/>.</summary>
    public TrainingPosition Position { get; private set; }

    /// <summary>
    /// The fixed latent vectors for sample grids, [FixedSampleCount, LatentDimension] on the CPU. Owned by the
    /// trainer: do not dispose or modify it; it is valid until the trainer is disposed.
    /// </summary>
    public Tensor FixedNoise => _fixedNoise;

    /// <summary>Asks <see cref="Fit"/> to stop after the current step. Safe to call from any thread.</summary>
    public void RequestStop() => _stopRequested = true;

    /// <summary>
    /// Trains from <see cref="Position"/> until <see cref="GanTrainerOptions.Epochs"/> epochs are done, the token is
    /// cancelled or a stop is requested (checked between steps, so at most one step runs after cancellation).
    /// </summary>
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

                        StepLosses losses = TrainBatch(batch, clock, images);
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

            var result = new TrainingResult(outcome, Position, steps, last, clock.Elapsed);
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
    /// Generates images from <see cref="FixedNoise"/> (or its first <paramref name="count"/> rows) as managed values.
    /// </summary>
    /// <param name="mode">Batch-norm statistics to use; running statistics make each image independent of the others.</param>
    /// <param name="count">How many, 1 to <see cref="GanTrainerOptions.FixedSampleCount"/>; null means all fixed vectors.</param>
    public ImageBatch GenerateFixedSamples(BatchNormMode mode = BatchNormMode.RunningStatistics, int? count = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var scope = NewDisposeScope();
        int available = (int)_fixedNoise.shape[0];
        int n = count ?? available;
        if (n < 1 || n > available)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Expected 1 to {available} (FixedSampleCount) samples.");
        }

        Tensor z = _fixedNoise.narrow(0, 0, n).to(Device); // [n, Z]
        return ImageTensors.FromTensor(Generator.GenerateImages(z, mode));
    }

    /// <summary>Releases the optimizers, random generators and fixed noise. The networks stay usable.</summary>
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
    }

    private StepLosses TrainBatch(HostBatch batch, Stopwatch clock, long imagesBefore)
    {
        using var scope = NewDisposeScope(); // one scope per step: every tensor of the step dies here
        Notify(c => c.OnBatchStart(new GanCallbackArguments(this, Position)));
        ImageShape shape = _data.Shape;
        Tensor real = tensor(batch.Pixels, [batch.Count, shape.Channels, shape.Height, shape.Width]); // [B, C, H, W] on CPU
        if (Device.type != DeviceType.CPU)
        {
            real = real.to(Device);
        }

        TrainingPosition current = Position;
        StepLosses losses = _step.Run(real, _noise, Device, _discriminatorOptimizer, _generatorOptimizer, discriminatorSide =>
        {
            double rate = (imagesBefore + batch.Count) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            Notify(c => c.OnDiscriminatorStepEnd(new GanStepArguments(this, current, discriminatorSide, rate)));
        });
        Position = Position with { BatchInEpoch = Position.BatchInEpoch + 1, GlobalStep = Position.GlobalStep + 1 };
        double rateAfter = (imagesBefore + batch.Count) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        Notify(c => c.OnGeneratorStepEnd(new GanStepArguments(this, current, losses, rateAfter)));
        return losses;
    }

    private TrainingOutcome StopReason(CancellationToken token) =>
        token.IsCancellationRequested ? TrainingOutcome.Cancelled
        : _stopRequested ? TrainingOutcome.StopRequested
        : TrainingOutcome.Completed;

    private (optim.Optimizer Generator, optim.Optimizer Discriminator) CreateOptimizers() =>
    (
        optim.Adam(Generator.Network.parameters(), lr: _options.GeneratorLearningRate, beta1: _options.Beta1, beta2: _options.Beta2, weight_decay: _options.WeightDecay),
        optim.Adam(Discriminator.Network.parameters(), lr: _options.DiscriminatorLearningRate, beta1: _options.Beta1, beta2: _options.Beta2, weight_decay: _options.WeightDecay)
    );

    private void Notify(Action<GanCallback> hook)
    {
        foreach (GanCallback callback in _callbacks)
        {
            hook(callback);
        }
    }

    private static void ThrowIfShapesDisagree(IGenerator generator, IDiscriminator discriminator, IImageDataSource data)
    {
        if (generator.ImageShape != data.Shape || discriminator.ImageShape != data.Shape)
        {
            throw new ArgumentException(
                $"Image shapes disagree: the data {data.Description} has {data.Shape} images (channels x height x width), the generator makes {generator.ImageShape} and the discriminator expects {discriminator.ImageShape}. Build the networks for the data's size and channels, or resize the data.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Epoch {Epoch}/{Epochs}: loss D {LossD:F4}, loss G {LossG:F4}, D(x) {RealScore:F3}, D(G(z)) {FakeScore:F3}")]
    private partial void LogEpoch(int epoch, int epochs, double lossD, double lossG, double realScore, double fakeScore);
}

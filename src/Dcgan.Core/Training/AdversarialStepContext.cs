// What an IAdversarialStep works with during one step: the batch, the networks, the loss, the optimizers, noise.
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Training;

/// <summary>
/// The inputs of one <see cref="IAdversarialStep.Run"/> call. Valid only during that call: the trainer creates
/// one per step, and every tensor it hands out belongs to the step's dispose scope.
/// </summary>
public sealed class AdversarialStepContext
{
    private readonly torch.Generator _noise;
    private readonly Action<StepLosses> _discriminatorStepEnd;
    private readonly long _augmentationSeed;
    private torch.Generator? _augmentationRandom;

    internal AdversarialStepContext(
        Tensor realImages, IGenerator generator, IDiscriminator discriminator, IGanLoss loss,
        optim.Optimizer generatorOptimizer, optim.Optimizer discriminatorOptimizer,
        torch.Generator noise, Device device, TrainingPosition position, Action<StepLosses> discriminatorStepEnd,
        DiffAugmentPolicy augmentation, long augmentationSeed)
    {
        Augmentation = augmentation;
        _augmentationSeed = augmentationSeed;
        RealImages = realImages;
        Generator = generator;
        Discriminator = discriminator;
        Loss = loss;
        GeneratorOptimizer = generatorOptimizer;
        DiscriminatorOptimizer = discriminatorOptimizer;
        _noise = noise;
        Device = device;
        Position = position;
        _discriminatorStepEnd = discriminatorStepEnd;
    }

    /// <summary>The real images of this batch, [B, C, H, W] in [-1, 1] on <see cref="Device"/> (owned by the step's scope; do not modify).</summary>
    public Tensor RealImages { get; }

    /// <summary>B, the number of real images in this batch.</summary>
    public int BatchSize => (int)RealImages.shape[0];

    /// <summary>The generator (in training mode, on <see cref="Device"/>).</summary>
    public IGenerator Generator { get; }

    /// <summary>The discriminator (in training mode, on <see cref="Device"/>).</summary>
    public IDiscriminator Discriminator { get; }

    /// <summary>The adversarial objective the trainer was given.</summary>
    public IGanLoss Loss { get; }

    /// <summary>The generator's optimizer (built by the trainer's <see cref="IOptimizerFactory"/>).</summary>
    public optim.Optimizer GeneratorOptimizer { get; }

    /// <summary>The discriminator's optimizer.</summary>
    public optim.Optimizer DiscriminatorOptimizer { get; }

    /// <summary>The training device.</summary>
    public Device Device { get; }

    /// <summary>The position of this step: epoch, batch in the epoch, steps already trained.</summary>
    public TrainingPosition Position { get; }

    /// <summary>The trainer's <see cref="GanTrainerOptions.Augmentation"/>, applied by <see cref="Augment"/>.</summary>
    public DiffAugmentPolicy Augmentation { get; }

    internal bool DiscriminatorStepReported { get; private set; }

    /// <summary>
    /// Applies the trainer's differentiable augmentation (<see cref="Augmentation"/>) to a batch about to be judged by
    /// the discriminator: call it on every real and every generated batch before <see cref="IDiscriminator.Judge"/>.
    /// Each call draws new random parameters from a generator seeded by the run's seed and this step's number, so a
    /// step repeats bit for bit when it is trained again, as after resuming from a checkpoint.
    /// </summary>
    /// <param name="images">[B, C, H, W] images on <see cref="Device"/>.</param>
    /// <returns>The augmented [B, C, H, W] batch (owned by the step's scope), or <paramref name="images"/> itself when
    /// <see cref="Augmentation"/> is <see cref="DiffAugmentPolicy.None"/>.</returns>
    public Tensor Augment(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (Augmentation == DiffAugmentPolicy.None)
        {
            return images;
        }

        _augmentationRandom ??= new torch.Generator((ulong)_augmentationSeed);
        return DiffAugment.Apply(images, Augmentation, _augmentationRandom);
    }

    // Called by the trainer when the step ends: the augmentation generator is this step's alone.
    internal void ReleaseStepResources()
    {
        _augmentationRandom?.Dispose();
        _augmentationRandom = null;
    }

    /// <summary>
    /// Draws <paramref name="count"/> latent vectors from the generator's prior with the trainer's seeded noise
    /// generator (which advances, and is saved in checkpoints).
    /// </summary>
    /// <param name="count">How many vectors, at least 1.</param>
    /// <returns>z, [count, LatentDimension] on <see cref="Device"/>, owned by the step's scope.</returns>
    public Tensor SampleLatent(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return LatentNoise.Sample(count, Generator.LatentDimension, Generator.LatentDistribution, _noise, Device); // [count, Z]
    }

    /// <summary>
    /// Publishes the discriminator side of the step (its loss and the scores; the generator loss is ignored) to the
    /// callbacks' <see cref="GanCallback.OnDiscriminatorStepEnd"/>. Call it exactly once per step, after the last
    /// discriminator update.
    /// </summary>
    /// <param name="discriminatorSide">The discriminator's numbers.</param>
    /// <exception cref="InvalidOperationException">Called a second time in the same step.</exception>
    public void ReportDiscriminatorStep(StepLosses discriminatorSide)
    {
        if (DiscriminatorStepReported)
        {
            throw new InvalidOperationException("ReportDiscriminatorStep was called twice in one step: report once, after the last discriminator update.");
        }

        DiscriminatorStepReported = true;
        _discriminatorStepEnd(discriminatorSide);
    }
}

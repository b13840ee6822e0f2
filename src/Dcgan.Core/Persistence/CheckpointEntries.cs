// The names of the binary entries of a checkpoint archive (next to manifest.json): the format, in one place.
namespace Dcgan.Persistence;

/// <summary>
/// Names of the binary entries of a checkpoint. Optimizer state is stored under optimizer-neutral names; the
/// manifest's <see cref="CheckpointTrainerSettings.OptimizerKind"/> says which optimizer wrote it.
/// </summary>
internal static class CheckpointEntries
{
    /// <summary>The generator's state dict (TorchSharp format).</summary>
    public const string GeneratorWeights = "generator.weights";

    /// <summary>The discriminator's state dict (TorchSharp format).</summary>
    public const string DiscriminatorWeights = "discriminator.weights";

    /// <summary>The generator optimizer's state (moments, step counts, hyper-parameters; TorchSharp format).</summary>
    public const string GeneratorOptimizer = "generator.optimizer";

    /// <summary>The discriminator optimizer's state.</summary>
    public const string DiscriminatorOptimizer = "discriminator.optimizer";

    /// <summary>The fixed latent vectors of sample grids: float32, little-endian, row-major [count, latent dimension].</summary>
    public const string FixedNoise = "fixed-noise.f32";

    /// <summary>
    /// The exponential moving average of the generator's weights, in the format of <see cref="GeneratorWeights"/>;
    /// present only when the run kept one (<c>GanTrainerOptions.GeneratorEmaDecay</c> above 0).
    /// </summary>
    public const string GeneratorAverageWeights = "generator-ema.weights";
}

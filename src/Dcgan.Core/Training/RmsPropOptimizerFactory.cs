// RMSprop for both networks (as WGAN trains its critic), with the learning rates and weight decay of GanTrainerOptions.
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;

namespace Dcgan.Training;

/// <summary>
/// Builds <see cref="RMSProp"/> (TorchSharp's RMSProp, bit for bit, safe under garbage collection) for each network, with <see cref="GanTrainerOptions.GeneratorLearningRate"/> or
/// <see cref="GanTrainerOptions.DiscriminatorLearningRate"/> and <see cref="GanTrainerOptions.WeightDecay"/> from the
/// trainer's options and the RMSprop-specific settings given here (Adam's betas are not used). WGAN used RMSprop
/// with a learning rate of 0.00005; set the learning rates in the options accordingly.
/// </summary>
public sealed class RmsPropOptimizerFactory : IOptimizerFactory
{
    /// <summary>The kind recorded in checkpoints: "RMSprop".</summary>
    public const string KindName = "RMSprop";

    /// <summary>Creates the factory.</summary>
    /// <param name="alpha">Smoothing constant of the squared-gradient average, in [0, 1); the default is 0.99 (PyTorch's).</param>
    /// <param name="epsilon">Added to the denominator for stability, positive; the default is 1e-8.</param>
    /// <param name="momentum">Momentum factor, 0 or more; the default is 0.</param>
    /// <param name="centered">Whether to normalise by the gradient's estimated variance; the default is false.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its range; the message names it and its value.</exception>
    public RmsPropOptimizerFactory(double alpha = 0.99, double epsilon = 1e-8, double momentum = 0, bool centered = false)
    {
        if (!(alpha >= 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"alpha = {alpha} must be in [0, 1).");
        }

        if (!(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon = {epsilon} must be positive.");
        }

        if (!(momentum >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"momentum = {momentum} must be 0 or more.");
        }

        Alpha = alpha;
        Epsilon = epsilon;
        Momentum = momentum;
        Centered = centered;
    }

    /// <summary>Smoothing constant of the squared-gradient average.</summary>
    public double Alpha { get; }

    /// <summary>Added to the denominator for stability.</summary>
    public double Epsilon { get; }

    /// <summary>Momentum factor.</summary>
    public double Momentum { get; }

    /// <summary>Whether the centered variant is used.</summary>
    public bool Centered { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public torch.optim.Optimizer Create(GanNetworkRole role, IEnumerable<Parameter> parameters, GanTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        return new RMSProp(parameters, lr: options.LearningRate(role), alpha: Alpha, eps: Epsilon,
            weightDecay: options.WeightDecay, momentum: Momentum, centered: Centered);
    }
}

// The paper's optimizer: Adam with the learning rates, betas and weight decay of GanTrainerOptions.
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;

namespace Dcgan.Training;

/// <summary>
/// Builds <see cref="Adam"/> (TorchSharp's Adam, bit for bit, safe under garbage collection) for each network from <see cref="GanTrainerOptions"/>:
/// <see cref="GanTrainerOptions.GeneratorLearningRate"/> or <see cref="GanTrainerOptions.DiscriminatorLearningRate"/>,
/// <see cref="GanTrainerOptions.Beta1"/>, <see cref="GanTrainerOptions.Beta2"/> and
/// <see cref="GanTrainerOptions.WeightDecay"/>. With the options' defaults these are the paper's settings
/// (learning rate 0.0002, beta1 0.5, beta2 0.999). The trainer's default factory.
/// </summary>
public sealed class AdamOptimizerFactory : IOptimizerFactory
{
    /// <summary>The kind recorded in checkpoints: "Adam".</summary>
    public const string KindName = "Adam";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public torch.optim.Optimizer Create(GanNetworkRole role, IEnumerable<Parameter> parameters, GanTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        return new Adam(parameters, lr: options.LearningRate(role), beta1: options.Beta1, beta2: options.Beta2, weightDecay: options.WeightDecay);
    }
}

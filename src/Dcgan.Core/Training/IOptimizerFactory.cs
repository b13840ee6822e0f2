// The optimizer extension point: how the trainer gets an optimizer for each network.
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;

namespace Dcgan.Training;

/// <summary>
/// Creates the optimizer of each network. The trainer calls <see cref="Create"/> once per network when it is
/// built, and again after <see cref="GanTrainer.LoadCheckpoint"/> (for the loaded parameters), so the same
/// factory must always build the same kind of optimizer. The trainer owns (disposes) what it returns.
/// </summary>
/// <remarks>
/// Built in: <see cref="AdamOptimizerFactory"/> (the paper's, the default) and <see cref="RmsPropOptimizerFactory"/>.
/// Checkpoints store the optimizer state together with <see cref="Kind"/>; state written by one kind is refused
/// by a trainer whose factory has another.
/// </remarks>
public interface IOptimizerFactory
{
    /// <summary>
    /// The optimizer family this factory builds, for example "Adam" or "RMSprop": recorded in checkpoints and
    /// compared when one is loaded. Not empty.
    /// </summary>
    string Kind { get; }

    /// <summary>Creates the optimizer for one network's parameters.</summary>
    /// <param name="role">Which network the parameters belong to (for example to pick its learning rate).</param>
    /// <param name="parameters">The network's parameters, on the training device.</param>
    /// <param name="options">The trainer's options (a copy): learning rates, weight decay and Adam's betas.</param>
    /// <returns>
    /// A new optimizer over exactly <paramref name="parameters"/>; it must be one of TorchSharp's managed optimizers
    /// (derived from <c>TorchSharp.Modules.OptimizerHelper</c>, as <c>optim.Adam</c>, <c>optim.RMSProp</c> and
    /// <c>optim.SGD</c> are) so that its state can be checkpointed. TorchSharp 0.107's own optimizers pass temporary
    /// Scalars to libtorch in <c>step()</c> and can crash or update wrongly when another thread collects garbage
    /// (docs/native-memory.md): return <see cref="Adam"/> or <see cref="RMSProp"/>, or an optimizer
    /// whose step holds its Scalars, in an app with other busy threads.
    /// </returns>
    torch.optim.Optimizer Create(GanNetworkRole role, IEnumerable<Parameter> parameters, GanTrainerOptions options);
}

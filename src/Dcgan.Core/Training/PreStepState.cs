// A copy of both networks and both optimizers taken before a step, so that DivergencePolicy.SkipBatch can undo it.
using Dcgan.Persistence;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Training;

/// <summary>
/// The state a step may change: every parameter and buffer of both networks (kept as tensors of the same shape on
/// the same device, allocated once and overwritten in place before each step) and both optimizers' states (as
/// TorchSharp's serialised bytes, which cover any managed optimizer). Owned and disposed by the trainer.
/// </summary>
internal sealed class PreStepState : IDisposable
{
    private const string Source = "the copy taken before the step";
    private readonly Dictionary<string, Tensor> _generator = [];
    private readonly Dictionary<string, Tensor> _discriminator = [];
    private byte[] _generatorOptimizer = [];
    private byte[] _discriminatorOptimizer = [];

    /// <summary>Copies the current state. Call inside the step's dispose scope (the copies themselves are kept).</summary>
    public void Capture(nn.Module generator, nn.Module discriminator, optim.Optimizer generatorOptimizer, optim.Optimizer discriminatorOptimizer)
    {
        Copy(generator, _generator);
        Copy(discriminator, _discriminator);
        _generatorOptimizer = ModuleState.Serialize(generatorOptimizer);
        _discriminatorOptimizer = ModuleState.Serialize(discriminatorOptimizer);
    }

    /// <summary>Puts the captured state back, in place (the optimizers keep tracking the same parameters).</summary>
    public void Restore(nn.Module generator, nn.Module discriminator, optim.Optimizer generatorOptimizer, optim.Optimizer discriminatorOptimizer)
    {
        using (no_grad())
        {
            foreach ((string name, Tensor value) in generator.state_dict())
            {
                value.copy_(_generator[name]);
            }

            foreach ((string name, Tensor value) in discriminator.state_dict())
            {
                value.copy_(_discriminator[name]);
            }
        }

        ModuleState.Load(generatorOptimizer, _generatorOptimizer, Source, "generator optimizer");
        ModuleState.Load(discriminatorOptimizer, _discriminatorOptimizer, Source, "discriminator optimizer");
    }

    public void Dispose()
    {
        foreach (Tensor copy in _generator.Values.Concat(_discriminator.Values))
        {
            copy.Dispose();
        }

        _generator.Clear();
        _discriminator.Clear();
    }

    private static void Copy(nn.Module module, Dictionary<string, Tensor> copies)
    {
        using (no_grad())
        {
            foreach ((string name, Tensor value) in module.state_dict())
            {
                if (copies.TryGetValue(name, out Tensor? copy))
                {
                    copy.copy_(value);
                }
                else
                {
                    copies[name] = value.detach().clone().DetachFromDisposeScope(); // same shape, dtype and device
                }
            }
        }
    }
}

// GeneratorAverage: an exponential moving average of the generator's weights (EMA), kept as detached copies of its
// state-dict tensors, updated in place after every step and swapped into the network to sample or save.
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Training;

/// <summary>
/// The averaged copy of a generator's weights. Parameters: avg = decay * avg + (1 - decay) * live after every step
/// after the start step, a plain copy up to it. Buffers (batch-norm running mean and variance, batch counters) are
/// copied from the live network after every step, not averaged, as StyleGAN2-ADA does.
/// </summary>
internal sealed class GeneratorAverage : IDisposable
{
    private readonly Dictionary<string, Tensor> _average = [];
    private readonly HashSet<string> _parameters;
    private readonly Scalar _decay;
    private readonly Scalar _liveWeight;
    private readonly long _startStep;

    /// <summary>Starts the average as a copy of <paramref name="network"/>'s current weights.</summary>
    public GeneratorAverage(nn.Module network, double decay, long startStep)
    {
        _decay = Scalars.Constant(decay);
        _liveWeight = Scalars.Constant(1 - decay);
        _startStep = startStep;
        _parameters = network.named_parameters().Select(p => p.name).ToHashSet(StringComparer.Ordinal);
        using (no_grad())
        {
            foreach ((string name, Tensor value) in network.state_dict())
            {
                _average[name] = value.detach().clone().DetachFromDisposeScope();
            }
        }
    }

    /// <summary>Folds the network's weights after step <paramref name="stepsTrained"/> (1-based) into the average.</summary>
    public void Update(nn.Module network, long stepsTrained)
    {
        using (no_grad())
        {
            foreach ((string name, Tensor live) in network.state_dict())
            {
                Tensor average = _average[name];
                if (stepsTrained > _startStep && _parameters.Contains(name))
                {
                    // decay * avg + (1 - decay) * live. (TorchSharp 0.107's lerp_ takes a tensor weight only: a Scalar
                    // converts implicitly to a Tensor that throws "Should not be called".)
                    average.mul_(_decay).add_(live, _liveWeight);
                }
                else
                {
                    average.copy_(live);
                }
            }
        }
    }

    /// <summary>Sets the average to the network's current weights (a resume from a checkpoint written without it).</summary>
    public void Reset(nn.Module network) => Update(network, stepsTrained: long.MinValue);

    /// <summary>
    /// Puts the averaged weights into <paramref name="network"/> until the result is disposed; then the average takes
    /// whatever the network holds (so loading into it inside the scope loads the average) and the live weights return.
    /// </summary>
    public IDisposable Swap(nn.Module network) => new Swapped(this, network);

    public void Dispose()
    {
        foreach (Tensor t in _average.Values)
        {
            t.Dispose();
        }

        _average.Clear();
    }

    private sealed class Swapped : IDisposable
    {
        private readonly GeneratorAverage _owner;
        private readonly nn.Module _network;
        private readonly Dictionary<string, Tensor> _live = [];

        public Swapped(GeneratorAverage owner, nn.Module network)
        {
            _owner = owner;
            _network = network;
            using (no_grad())
            {
                foreach ((string name, Tensor value) in network.state_dict())
                {
                    _live[name] = value.detach().clone().DetachFromDisposeScope();
                    value.copy_(owner._average[name]);
                }
            }
        }

        public void Dispose()
        {
            using (no_grad())
            {
                foreach ((string name, Tensor value) in _network.state_dict())
                {
                    _owner._average[name].copy_(value);
                    value.copy_(_live[name]);
                    _live[name].Dispose();
                }
            }

            _live.Clear();
        }
    }
}

// The paper's loss, except that chosen calls return NaN (as a diverging run would): the discriminator loss on its
// n-th call (n counted from 1, one call per D-then-G step), or the generator loss on its n-th call.
using Dcgan.Training;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Training;

internal sealed class NanAtCallLoss(IReadOnlySet<int>? discriminatorCalls = null, IReadOnlySet<int>? generatorCalls = null) : IGanLoss
{
    private readonly NonSaturatingGanLoss _inner = new();
    private int _discriminatorCalls;
    private int _generatorCalls;

    public Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits)
    {
        Tensor loss = _inner.DiscriminatorLoss(realLogits, fakeLogits); // []
        return discriminatorCalls?.Contains(++_discriminatorCalls) == true ? loss * float.NaN : loss; // NaN, and NaN gradients
    }

    public Tensor GeneratorLoss(Tensor fakeLogits)
    {
        Tensor loss = _inner.GeneratorLoss(fakeLogits); // []
        return generatorCalls?.Contains(++_generatorCalls) == true ? loss * float.PositiveInfinity : loss; // +Infinity
    }
}

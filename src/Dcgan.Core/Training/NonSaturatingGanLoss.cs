using TorchSharp;
using Dcgan.Native;
using static TorchSharp.torch;

namespace Dcgan.Training;

/// <summary>
/// The paper's objective: binary cross-entropy with real label 1 and fake label 0 for the discriminator, and
/// the non-saturating loss -log D(G(z)) for the generator. Computed from logits (BCE-with-logits), which is
/// the same math as sigmoid + BCE but numerically safe.
/// </summary>
public sealed class NonSaturatingGanLoss : IGanLoss
{
    /// <inheritdoc />
    public Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits)
    {
        using Tensor ones = torch.ones_like(realLogits);   // [N] real label 1
        using Tensor zeros = torch.zeros_like(fakeLogits); // [N] fake label 0
        using Tensor real = nn.functional.binary_cross_entropy_with_logits(realLogits, ones);
        using Tensor fake = nn.functional.binary_cross_entropy_with_logits(fakeLogits, zeros);
        return real.add(fake, Scalars.One); // scalar: the two halves summed, as in the paper's and pytorch/examples' code
    }

    /// <inheritdoc />
    public Tensor GeneratorLoss(Tensor fakeLogits)
    {
        using Tensor ones = torch.ones_like(fakeLogits); // [N] the generator wants its images called real
        return nn.functional.binary_cross_entropy_with_logits(fakeLogits, ones);
    }
}

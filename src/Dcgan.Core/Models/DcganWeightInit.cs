// DcganWeightInit: the paper's initialisation (section 4), drawn from an explicit torch.Generator.
// Every convolution (Conv2d AND ConvTranspose2d: both derive from Convolution) and Linear weight ~ N(0, 0.02),
// their biases 0; BatchNorm scale ~ N(1, 0.02) and shift 0 (as in the authors' and pytorch/examples' code).
// TorchSharp 0.107's init helper for normal draws ignores its generator argument, so this uses Tensor.normal_ directly.

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>The DCGAN weight initialisation, reproducible from a seeded <see cref="torch.Generator"/>.</summary>
public static class DcganWeightInit
{
    /// <summary>Standard deviation of every initial weight (the paper's 0.02).</summary>
    public const double Std = 0.02;

    /// <summary>
    /// Re-initialises every convolution, transposed convolution, linear and batch-norm layer of
    /// <paramref name="module"/> (recursively) in place: weights ~ N(0, <see cref="Std"/>), batch-norm scales
    /// ~ N(1, <see cref="Std"/>), all biases 0. Draws only from <paramref name="generator"/>, in module order,
    /// so the same generator state always gives the same weights. Batch-norm running statistics are untouched.
    /// Leaves no tensor behind (the live tensor count is unchanged).
    /// </summary>
    /// <param name="module">The network to initialise; its parameters must be on the generator's device (CPU).</param>
    /// <param name="generator">The random source; advanced by the draws.</param>
    public static void Apply(nn.Module module, torch.Generator generator)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(generator);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope(); // zero_ on a parameter returns a new tensor handle; dispose it here
        foreach (nn.Module m in module.modules())
        {
            switch (m)
            {
                case Convolution conv:
                    conv.weight.normal_(mean: 0.0, std: Std, generator: generator);
                    conv.bias?.zero_();
                    break;
                case Linear linear:
                    linear.weight.normal_(mean: 0.0, std: Std, generator: generator);
                    linear.bias?.zero_();
                    break;
                case BatchNorm bn:
                    bn.weight.normal_(mean: 1.0, std: Std, generator: generator);
                    bn.bias?.zero_();
                    break;
            }
        }
    }
}

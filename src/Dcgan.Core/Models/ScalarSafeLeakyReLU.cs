// ScalarSafeLeakyReLU: LeakyReLU whose negative slope is a Scalar held for the life of the module.
// TorchSharp 0.107's nn.LeakyReLU converts its double slope into a temporary Scalar on every forward, which a garbage
// collection on another thread can free during the native call (docs/native-memory.md). Same numbers, same (empty)
// state dict, so checkpoints are unaffected.

using Dcgan.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>
/// <c>LeakyReLU(x) = max(0, x) + slope * min(0, x)</c>, element-wise, with the same output bits as TorchSharp's
/// <c>nn.LeakyReLU</c> and no parameters or buffers; safe to run while other threads trigger garbage collections.
/// </summary>
public sealed class ScalarSafeLeakyReLU : ParameterLessModule<Tensor, Tensor>
{
    // Process-lifetime Scalar (Scalars.Constant): never finalized, so never freed during a native call.
    private readonly Scalar _slope;

    /// <summary>Creates the activation.</summary>
    /// <param name="negativeSlope">The slope for negative inputs; the paper's discriminator uses 0.2. Must be finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is NaN or infinite.</exception>
    public ScalarSafeLeakyReLU(double negativeSlope) : base(nameof(ScalarSafeLeakyReLU))
    {
        if (!double.IsFinite(negativeSlope))
            throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope, "The LeakyReLU slope must be a finite number.");
        NegativeSlope = negativeSlope;
        _slope = Scalars.Constant(negativeSlope);
    }

    /// <summary>The slope for negative inputs, as given to the constructor.</summary>
    public double NegativeSlope { get; }

    /// <summary>Applies the activation: <paramref name="input"/> [any shape] -> a new tensor of the same shape.</summary>
    /// <param name="input">The input tensor; not modified.</param>
    public override Tensor forward(Tensor input) => input.leaky_relu(_slope);
}

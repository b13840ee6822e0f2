// ILayeredGenerator: a generator that exposes its hidden blocks, so that the latent tools (feature-map dropout,
// activation capture) can read or replace one block's output while generating. DcganGenerator implements it.
using Dcgan.Data;
using Dcgan.Interventions;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>
/// An <see cref="IGenerator"/> whose forward pass is a chain of hidden blocks followed by an output layer, and that
/// can run with one block's output replaced. An extension point: <c>Dcgan.Latent.FeatureMapDropout</c> and
/// <c>Dcgan.Latent.GeneratorLayer</c> work with any implementation.
/// </summary>
/// <remarks>
/// The latent tools address a block's feature maps by location, so every hidden block's maps and the images must be
/// square, and the image side must be a multiple of each block's side.
/// </remarks>
public interface ILayeredGenerator : IGenerator
{
    /// <summary>
    /// The shape of one sample's output of each hidden block (after its nonlinearity), from the block next to z
    /// (index 0) to the last one before the output layer: (feature maps, height, width).
    /// </summary>
    IReadOnlyList<ImageShape> HiddenBlockShapes { get; }

    /// <summary>
    /// Runs the network as <see cref="IGenerator.Generate"/> does, but replaces the output of hidden block
    /// <paramref name="blockIndex"/> by <paramref name="intervention"/>'s result before the remaining layers run.
    /// Weights and buffers are not touched by the call itself; with an identity intervention the result is
    /// bit-identical to <see cref="IGenerator.Generate"/>.
    /// </summary>
    /// <param name="latent">Latent vectors [N, LatentDimension] on the network's device.</param>
    /// <param name="blockIndex">0 to <c>HiddenBlockShapes.Count - 1</c>.</param>
    /// <param name="intervention">
    /// Receives the block's activations [N, C, h, w] and returns the tensor of the same shape to continue with.
    /// Both live in the call's dispose scope: copy what must outlive it.
    /// </param>
    /// <returns>Images [N, C, H, W]; the caller owns the tensor (or its dispose scope does).</returns>
    /// <exception cref="ArgumentException">The latent has another shape, or the intervention changed the shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockIndex"/> is out of range.</exception>
    Tensor ForwardWithIntervention(Tensor latent, int blockIndex, Func<Tensor, Tensor> intervention);
}

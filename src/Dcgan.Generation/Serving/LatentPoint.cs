// LatentPoint: a latent vector named by the per-index seed convention (image `Index` of grid `Seed`).
using Dcgan.Generation;

namespace Dcgan.Serving;

/// <summary>
/// The latent vector of image <see cref="Index"/> in the indexed grid of <see cref="Seed"/>
/// (<c>LatentSeeds.Row(Seed, Index, ...)</c>): it depends only on (seed, index) and the model's latent space.
/// </summary>
/// <param name="Seed">The grid's seed.</param>
/// <param name="Index">The tile index, at least 0.</param>
public readonly record struct LatentPoint(long Seed, int Index)
{
    /// <inheritdoc />
    public override string ToString() => $"{Seed}:{Index}";
}

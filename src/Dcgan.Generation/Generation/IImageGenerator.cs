// IImageGenerator: the rendering contract every backend implements (TorchSharp's IGenerator, the ONNX Runtime
// generator, a host's fake): latent rows [N][Z] in, managed images [N, C, H, W] in [-1, 1] out. No tensor type
// appears here, so the latent toolkit, the PNG grids and the generator pool need no libtorch.
using Dcgan.Data;

namespace Dcgan.Generation;

/// <summary>
/// A generator that turns latent vectors into images: the one contract the latent toolkit, the image grids and the
/// generator pool work with, whatever runs the network (TorchSharp, ONNX Runtime, or a test's fake).
/// </summary>
/// <remarks>
/// <para>Images are in inference form: with batch normalization, the running statistics are used, so an image depends
/// only on its own latent vector (up to float rounding, which can vary with the batch's row count).</para>
/// <para>Implementations need not be thread-safe: call <see cref="RenderBatch"/> from one thread at a time (the
/// generator pool runs every forward pass on its worker thread). An implementation that holds native resources is
/// <see cref="IDisposable"/> and is disposed by whoever created it.</para>
/// </remarks>
public interface IImageGenerator
{
    /// <summary>Length of a latent vector z.</summary>
    int LatentDimension { get; }

    /// <summary>The prior that z is drawn from (what seeds are turned into, see <see cref="LatentSeeds"/>).</summary>
    LatentDistribution LatentDistribution { get; }

    /// <summary>Shape of one generated image.</summary>
    ImageShape ImageShape { get; }

    /// <summary>
    /// Renders the images of <paramref name="latents"/> in one forward pass: image i is the image of row i. Callers
    /// bound memory by splitting large requests (<see cref="ImageGeneratorExtensions.Render"/> does, 64 rows at a
    /// time by default).
    /// </summary>
    /// <param name="latents">One or more rows, each of length <see cref="LatentDimension"/>; not modified.</param>
    /// <returns>The images, [latents.Count, C, H, W] in [-1, 1], a new managed batch the caller owns.</returns>
    /// <exception cref="ArgumentException">No rows, a null row, or a row whose length is not <see cref="LatentDimension"/> (the message names both).</exception>
    ImageBatch RenderBatch(IReadOnlyList<float[]> latents);
}

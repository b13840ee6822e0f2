// LatentImages: managed latent rows in, managed images out, through any IGenerator. Each chunk of rows is one
// dispose scope; no tensor leaves this file. The chunk size may change the last bits of an image (see Render).
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>Generates <see cref="ImageBatch"/> values from latent vectors held as <c>float[]</c> rows.</summary>
public static class LatentImages
{
    /// <summary>Rows per forward pass.</summary>
    /// <value>The default value is 64.</value>
    public const int DefaultBatchSize = 64;

    /// <summary>
    /// Generates one image per row, in order, on the generator's device, without autograd, one dispose scope per
    /// chunk of <paramref name="batchSize"/> rows (so native memory is bounded by the chunk, not by the row count;
    /// the returned managed images grow with the rows). With the default <see cref="BatchNormMode.RunningStatistics"/>
    /// each image depends only on its own z up to float rounding: libtorch chooses its convolution kernels by batch
    /// shape, so the chunk size can change the last bits of the floats (measured on this project's 2-core Xeon:
    /// chunks of 1 or 7 differ from chunks of 1024 by at most 3e-8, chunks of 64 and 256 were bitwise equal to
    /// 1024; in 1,024 images of three 28x28 models no 8-bit pixel changed, but a value on a rounding boundary can).
    /// The same rows with the same chunk size and thread settings give bitwise the same floats. With
    /// <see cref="BatchNormMode.BatchStatistics"/> an image depends on the other rows of its chunk.
    /// </summary>
    /// <param name="generator">The generator; left unchanged.</param>
    /// <param name="latents">One or more rows of length <c>generator.LatentDimension</c>.</param>
    /// <param name="mode">Batch-norm policy; the default is running statistics.</param>
    /// <param name="batchSize">Rows per forward pass, at least 1; the default is 64.</param>
    /// <returns>The images, [rows, C, H, W] in [-1, 1].</returns>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, or a length other than the generator's latent dimension (the message names both).</exception>
    public static ImageBatch Render(this IGenerator generator, IReadOnlyList<float[]> latents,
        BatchNormMode mode = BatchNormMode.RunningStatistics, int batchSize = DefaultBatchSize)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int length = LatentRows.RequireSameLength(latents, "latent vector");
        if (length != generator.LatentDimension)
        {
            throw new ArgumentException(
                $"Latent dimension mismatch: the vectors have length {length} but the generator expects {generator.LatentDimension}.", nameof(latents));
        }

        Device device = generator.Network.parameters().FirstOrDefault()?.device ?? CPU;
        ImageShape shape = generator.ImageShape;
        var pixels = new float[latents.Count * shape.ElementCount];
        for (int start = 0; start < latents.Count; start += batchSize)
        {
            int n = Math.Min(batchSize, latents.Count - start);
            using var scope = NewDisposeScope();
            Tensor z = LatentTensors.ToTensor(latents.Skip(start).Take(n).ToArray(), device); // [n, Z]
            Tensor images = generator.GenerateImages(z, mode);                                 // [n, C, H, W]
            ImageTensors.FromTensor(images).Pixels.CopyTo(pixels, start * shape.ElementCount);
        }

        return new ImageBatch(latents.Count, shape, pixels);
    }

    /// <summary>Generates the image of one latent vector.</summary>
    /// <param name="generator">The generator.</param>
    /// <param name="latent">A vector of length <c>generator.LatentDimension</c>.</param>
    /// <param name="mode">Batch-norm policy; the default is running statistics.</param>
    /// <exception cref="ArgumentException">Wrong length.</exception>
    public static ImageBatch RenderOne(this IGenerator generator, float[] latent, BatchNormMode mode = BatchNormMode.RunningStatistics) =>
        Render(generator, [latent], mode);
}

// LatentImages: managed latent rows in, managed images out, through any IGenerator. Each chunk of rows is one
// dispose scope; no tensor leaves this file.
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Latent;

/// <summary>Generates <see cref="ImageBatch"/> values from latent vectors held as <c>float[]</c> rows.</summary>
public static class LatentImages
{
    /// <summary>Rows per forward pass.</summary>
    /// <value>The default value is 64.</value>
    public const int DefaultBatchSize = 64;

    /// <summary>
    /// Generates one image per row, in order, on the generator's device, without autograd. With the default
    /// <see cref="BatchNormMode.RunningStatistics"/> each image depends only on its own z (the chunking into
    /// batches of <paramref name="batchSize"/> makes no difference); with
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
        int length = LatentVectors.RequireSameLength(latents, "latent vector");
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
            Tensor z = LatentVectors.ToTensor(latents.Skip(start).Take(n).ToArray(), device); // [n, Z]
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

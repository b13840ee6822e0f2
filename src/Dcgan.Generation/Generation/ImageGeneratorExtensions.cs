// ImageGeneratorExtensions: what every front end does with an IImageGenerator: render many rows in bounded batches,
// and render the images of a seed (image i of seed s is LatentSeeds.Row(s, i)).
using Dcgan.Data;

namespace Dcgan.Generation;

/// <summary>Rendering helpers over any <see cref="IImageGenerator"/>.</summary>
public static class ImageGeneratorExtensions
{
    /// <summary>Rows per forward pass of <see cref="Render"/>.</summary>
    /// <value>The default value is 64.</value>
    public const int DefaultBatchSize = 64;

    /// <summary>
    /// Renders one image per row, in order, <paramref name="batchSize"/> rows per <see cref="IImageGenerator.RenderBatch"/>
    /// call, so the backend's memory is bounded by the batch (the returned managed images grow with the rows). The same
    /// rows with the same batch size give the same floats.
    /// </summary>
    /// <param name="generator">The generator.</param>
    /// <param name="latents">One or more rows of length <c>generator.LatentDimension</c>.</param>
    /// <param name="batchSize">Rows per forward pass, at least 1; the default is 64.</param>
    /// <returns>The images, [rows, C, H, W] in [-1, 1].</returns>
    /// <exception cref="ArgumentException">No rows, a null row, or a row of another length than the generator's latent dimension.</exception>
    public static ImageBatch Render(this IImageGenerator generator, IReadOnlyList<float[]> latents, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        LatentRows.RequireDimension(latents, generator.LatentDimension);
        if (latents.Count <= batchSize)
        {
            return Checked(generator, generator.RenderBatch(latents), latents.Count);
        }

        ImageShape shape = generator.ImageShape;
        var pixels = new float[latents.Count * shape.ElementCount];
        var chunk = new List<float[]>(batchSize);
        for (int start = 0; start < latents.Count; start += batchSize)
        {
            chunk.Clear();
            int n = Math.Min(batchSize, latents.Count - start);
            for (int i = 0; i < n; i++)
            {
                chunk.Add(latents[start + i]);
            }

            ImageBatch images = Checked(generator, generator.RenderBatch(chunk), n); // [n, C, H, W]
            images.Pixels.CopyTo(pixels, start * shape.ElementCount);
        }

        return new ImageBatch(latents.Count, shape, pixels);
    }

    /// <summary>
    /// Images <paramref name="firstIndex"/> to <c>firstIndex + count - 1</c> of <paramref name="seed"/>: image i is the
    /// image of <see cref="LatentSeeds.Row"/>(seed, i), the same for every count and every backend.
    /// </summary>
    /// <param name="generator">The generator.</param>
    /// <param name="seed">The seed (any value).</param>
    /// <param name="count">Number of images, at least 1.</param>
    /// <param name="firstIndex">Index of the first image, at least 0; the default is 0.</param>
    /// <param name="batchSize">Rows per forward pass, at least 1; the default is 64.</param>
    /// <returns>The images, [count, C, H, W] in [-1, 1].</returns>
    public static ImageBatch RenderSeed(this IImageGenerator generator, long seed, int count, int firstIndex = 0, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(generator);
        float[][] rows = LatentSeeds.Range(seed, firstIndex, count, generator.LatentDimension, generator.LatentDistribution);
        return generator.Render(rows, batchSize);
    }

    private static ImageBatch Checked(IImageGenerator generator, ImageBatch images, int rows)
    {
        if (images is null || images.Count != rows || images.Shape != generator.ImageShape)
        {
            throw new InvalidOperationException(
                $"{generator.GetType().Name}.RenderBatch broke the IImageGenerator contract: asked for {rows} images of shape {generator.ImageShape}, " +
                $"got {(images is null ? "null" : $"{images.Count} of shape {images.Shape}")}.");
        }

        return images;
    }
}

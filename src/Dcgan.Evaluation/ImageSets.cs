using Dcgan.Features;
// ImageSets: reading (parts of) an image data source into managed ImageBatch values.
using Dcgan.Data;
using Dcgan.Models;

namespace Dcgan.Evaluation;

/// <summary>Reads images from an <see cref="IImageDataSource"/> into an <see cref="ImageBatch"/>.</summary>
public static class ImageSets
{
    /// <summary>The images at <paramref name="indices"/> (all images, in order, when null).</summary>
    /// <param name="source">The data source.</param>
    /// <param name="indices">Which images; <see langword="null"/> reads all of them. The default value is <see langword="null"/>.</param>
    /// <returns>The images, in [-1, 1].</returns>
    public static ImageBatch Read(IImageDataSource source, IReadOnlyList<int>? indices = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        int count = indices?.Count ?? source.Count;
        int length = source.Shape.ElementCount;
        var pixels = new float[(long)count * length];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            source.CopyImage(indices?[i] ?? i, pixels.AsSpan(i * length, length)));
        return new ImageBatch(count, source.Shape, pixels);
    }

    /// <summary>
    /// <paramref name="count"/> distinct indices drawn uniformly from [0, <paramref name="total"/>) with a seeded
    /// shuffle (Fisher-Yates on <see cref="Random"/>(seed)), in the drawn order.
    /// </summary>
    /// <param name="total">Size of the set.</param>
    /// <param name="count">How many, at most <paramref name="total"/>.</param>
    /// <param name="seed">The seed.</param>
    public static int[] RandomSubset(int total, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        int[] all = Enumerable.Range(0, total).ToArray();
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, total);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..count];
    }

    /// <summary>The images flattened to rows (for pixel-space metrics): [Count, C*H*W]. The pixels are not copied.</summary>
    /// <param name="images">The images.</param>
    public static FeatureMatrix AsPixelRows(ImageBatch images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return new FeatureMatrix(images.Pixels, images.Count, images.Shape.ElementCount);
    }
}

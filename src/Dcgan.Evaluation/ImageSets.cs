// ImageSets: choosing a seeded random subset of an image set, and viewing images as pixel rows (reading images
// is Dcgan.Data's ImageDataSourceExtensions).
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Models;

namespace Dcgan.Evaluation;

/// <summary>Seeded random subsets of an image set and pixel rows of images (read them with <see cref="ImageDataSourceExtensions"/>).</summary>
public static class ImageSets
{
    /// <summary>
    /// <paramref name="count"/> distinct indices drawn uniformly from [0, <paramref name="total"/>) with a seeded
    /// shuffle (Fisher-Yates on <see cref="Random"/>(seed)), in the drawn order.
    /// </summary>
    /// <param name="total">Size of the set.</param>
    /// <param name="count">How many, at most <paramref name="total"/>.</param>
    /// <param name="seed">The seed. Seeds in int range draw exactly as the int seeds of earlier versions; a seed outside it is folded to 32 bits (low half XOR high half).</param>
    public static int[] RandomSubset(int total, int count, long seed) => RandomSubset(total, count, SeededRandom.Create(seed));

    /// <summary>As <see cref="RandomSubset(int, int, long)"/>, drawing from <paramref name="random"/> (for several subsets from one stream).</summary>
    internal static int[] RandomSubset(int total, int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        int[] all = Enumerable.Range(0, total).ToArray();
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, total);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..count];
    }

    /// <summary>A <see cref="Random"/> for <paramref name="seed"/> (<see cref="SeededRandom"/>): for Dcgan.Deduplication, which sits beside Dcgan.Features.</summary>
    internal static Random SeededRandomFor(long seed) => SeededRandom.Create(seed);

    /// <summary>The images flattened to rows (for pixel-space metrics): [Count, C*H*W]. The pixels are not copied.</summary>
    /// <param name="images">The images.</param>
    public static FeatureMatrix AsPixelRows(ImageBatch images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return new FeatureMatrix(images.Pixels, images.Count, images.Shape.ElementCount);
    }
}

// DuplicateGroups: from per-image binary codes to duplicate groups with pixel-distance evidence.
using System.Globalization;

namespace Dcgan.Data;

/// <summary>Builds <see cref="DuplicateGroup"/> values from codes, and the pixel distances that back them up.</summary>
public static class DuplicateGroups
{
    /// <summary>
    /// Groups the images of <paramref name="source"/> by <paramref name="codes"/> (see <see cref="BinaryCodeGrouping"/>)
    /// and measures each member's pixel distance to its representative, reading only the grouped images.
    /// </summary>
    /// <param name="source">The images the codes were computed from.</param>
    /// <param name="codes">One code per image of <paramref name="source"/>.</param>
    /// <param name="codeBits">Bits used by the codes, 1 to 128.</param>
    /// <param name="maxDistance">Largest Hamming distance to a representative; 0 groups equal codes only.</param>
    /// <returns>The groups, ordered by representative.</returns>
    /// <exception cref="ArgumentException">The source is empty or the number of codes differs from the number of images.</exception>
    public static IReadOnlyList<DuplicateGroup> FromCodes(IImageDataSource source, IReadOnlyList<UInt128> codes, int codeBits, int maxDistance)
    {
        ImageCodes.RequireImages(source);
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count != source.Count)
        {
            throw new ArgumentException($"Expected one code per image of '{source.Description}' ({source.Count}); got {codes.Count}.", nameof(codes));
        }

        int[][] groups = BinaryCodeGrouping.Group(codes, codeBits, maxDistance);
        int hexDigits = (codeBits + 3) / 4;
        var result = new DuplicateGroup[groups.Length];
        Parallel.For(0, groups.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, g =>
        {
            int[] members = groups[g];
            string code = codes[members[0]].ToString("x" + hexDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            result[g] = new DuplicateGroup(members, code, DistancesToFirst(source, members));
        });
        return result;
    }

    /// <summary>The Euclidean pixel distance of each listed image to the first one (the first entry is 0).</summary>
    /// <param name="source">The images.</param>
    /// <param name="indices">At least one index.</param>
    /// <returns>One distance per index.</returns>
    public static double[] DistancesToFirst(IImageDataSource source, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(indices);
        int length = source.Shape.ElementCount;
        float[] first = new float[length];
        float[] other = new float[length];
        source.CopyImage(indices[0], first);
        var distances = new double[indices.Count];
        for (int m = 1; m < indices.Count; m++)
        {
            source.CopyImage(indices[m], other);
            distances[m] = Distance(first, other);
        }

        return distances;
    }

    /// <summary>The Euclidean distance between two images of the same length.</summary>
    /// <param name="a">One image.</param>
    /// <param name="b">The other.</param>
    /// <returns>sqrt(sum (a - b)^2), accumulated in double.</returns>
    public static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The images have {a.Length} and {b.Length} values; they must have the same shape.", nameof(b));
        }

        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}

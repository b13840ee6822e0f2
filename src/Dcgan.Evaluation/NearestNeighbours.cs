// NearestNeighbours: nearest reference row of each query row, and k-th neighbour radii within a set.
using Dcgan.Features;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>Exact nearest-neighbour searches (Euclidean) over managed feature matrices, batched on TorchSharp.</summary>
public static class NearestNeighbours
{
    /// <summary>
    /// For every row of <paramref name="queries"/>, the index of the nearest row of <paramref name="reference"/> and the
    /// Euclidean distance to it. The search runs on float32; the reported distance is recomputed exactly in double
    /// precision for the pair found, so an exact copy reports 0.
    /// </summary>
    /// <param name="queries">The rows to look up.</param>
    /// <param name="reference">The rows searched (at least 1), same columns.</param>
    /// <param name="cancellationToken">Checked before every block of rows. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>Index into <paramref name="reference"/> and distance, one per query row.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    public static (int[] Index, double[] Distance) Find(FeatureMatrix queries, FeatureMatrix reference, CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        FeatureMatrices.RequireCompatible(queries, reference, 0, nameof(queries), nameof(reference));
        if (reference.Rows < 1)
        {
            throw new ArgumentException("The reference set is empty.", nameof(reference));
        }

        var index = new int[queries.Rows];
        var distance = new double[queries.Rows];
        using var distances = new PairwiseDistances(reference);
        distances.ForEachBlock(queries, (start, squared) =>
        {
            using Tensor nearest = squared.argmin(1);                         // [B]
            long[] found = nearest.data<long>().ToArray();
            for (int i = 0; i < found.Length; i++)
            {
                index[start + i] = (int)found[i];
                distance[start + i] = Euclidean(queries.Row(start + i), reference.Row((int)found[i]));
            }
        }, cancellationToken);
        return (index, distance);
    }

    /// <summary>
    /// For every row of <paramref name="set"/>, the distance to its <paramref name="k"/>-th nearest other row
    /// (the row itself excluded), as in Kynkaanniemi et al. 2019.
    /// </summary>
    /// <param name="set">At least k + 1 rows.</param>
    /// <param name="k">Which neighbour, at least 1.</param>
    /// <param name="cancellationToken">Checked before every block of rows. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>One radius per row.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    public static double[] KthNeighbourDistances(FeatureMatrix set, int k, CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(set);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (set.Rows < k + 1)
        {
            throw new ArgumentException($"The k = {k} nearest neighbours need at least {k + 1} rows; got {set.Rows}.", nameof(set));
        }

        var radii = new double[set.Rows];
        using var distances = new PairwiseDistances(set);
        distances.ForEachBlock(set, (start, squared) =>
        {
            // The row itself is at distance ~0, so the (k+1)-th smallest is the k-th nearest other row.
            (Tensor values, Tensor indices) = squared.topk(k + 1, dim: 1, largest: false, sorted: true); // [B, k+1]
            using (values)
            using (indices)
            using (Tensor kth = values.select(1, k).sqrt().to(float64))      // [B]
            {
                kth.data<double>().ToArray().CopyTo(radii, start);
            }
        }, cancellationToken);
        return radii;
    }

    /// <summary>The Euclidean distance between two vectors, accumulated in double.</summary>
    internal static double Euclidean(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = (double)a[i] - b[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}

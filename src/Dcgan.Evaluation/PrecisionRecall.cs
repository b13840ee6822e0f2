// PrecisionRecall: improved precision and recall (Kynkaanniemi et al., NeurIPS 2019) with k-NN manifolds.
using Dcgan.Features;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>
/// Improved precision and recall (Kynkaanniemi, Karras, Laine, Lehtinen, Aila 2019). Each set's manifold is the
/// union of balls around its samples, each ball's radius the distance to that sample's k-th nearest neighbour in
/// the same set. Precision is the fraction of generated samples inside the real manifold; recall the fraction of
/// real samples inside the generated manifold. A sample on a ball's boundary counts as inside.
/// </summary>
public static class PrecisionRecall
{
    /// <summary>The paper's neighbour count.</summary>
    public const int DefaultK = 3;

    /// <summary>Precision and recall of <paramref name="generated"/> against <paramref name="real"/>.</summary>
    /// <param name="real">Real features, at least k + 1 rows.</param>
    /// <param name="generated">Generated features, at least k + 1 rows, same columns.</param>
    /// <param name="k">Neighbour count for the radii. The default value is 3 (<see cref="DefaultK"/>).</param>
    /// <param name="cancellationToken">Checked before every block of rows. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>Both fractions, in [0, 1].</returns>
    /// <exception cref="ArgumentException">Different column counts or too few rows.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    public static PrecisionRecallResult Compute(FeatureMatrix real, FeatureMatrix generated, int k = DefaultK, CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        FeatureMatrices.RequireCompatible(real, generated, k + 1, nameof(real), nameof(generated));
        double[] realRadii = NearestNeighbours.KthNeighbourDistances(real, k, cancellationToken);
        double[] generatedRadii = NearestNeighbours.KthNeighbourDistances(generated, k, cancellationToken);
        double precision = FractionInside(generated, real, realRadii, cancellationToken);
        double recall = FractionInside(real, generated, generatedRadii, cancellationToken);
        return new PrecisionRecallResult { Precision = precision, Recall = recall, K = k };
    }

    /// <summary>Fraction of <paramref name="queries"/> rows inside at least one ball (centre a row of <paramref name="centres"/>).</summary>
    private static double FractionInside(FeatureMatrix queries, FeatureMatrix centres, double[] radii, CancellationToken cancellationToken)
    {
        long inside = 0;
        using var distances = new PairwiseDistances(centres);
        using Tensor squaredRadii = torch.tensor(radii.Select(r => (float)(r * r)).ToArray()); // [N]
        distances.ForEachBlock(queries, (_, squared) =>
        {
            using Tensor within = squared.le(squaredRadii.unsqueeze(0));      // [B, N] bool
            using Tensor any = within.any(1);                                 // [B]
            using Tensor count = any.sum();
            inside += count.item<long>();
        }, cancellationToken);
        return queries.Rows == 0 ? 0.0 : (double)inside / queries.Rows;
    }
}

// StandardMetrics: FID from reference statistics (pytorch-fid's mu and sigma), and KID and precision/recall when the
// reference features themselves are at hand, for one generated feature set.
using Dcgan.Features;

namespace Dcgan.Evaluation;

/// <summary>
/// FID, KID and improved precision/recall of generated features against a reference, all in one feature space (that of a
/// <see cref="TorchScriptFeatureExtractor"/>, for example Inception). FID needs only the reference's mean and
/// covariance; KID and precision/recall need its feature rows.
/// </summary>
public static class StandardMetrics
{
    /// <summary>Computes the numbers.</summary>
    /// <param name="reference">The reference statistics (mean and N - 1 covariance, as pytorch-fid stores them).</param>
    /// <param name="referenceFeatures">The reference feature rows, or <see langword="null"/> for FID only.</param>
    /// <param name="generated">The generated features, at least 2 rows (k + 1 with reference features).</param>
    /// <param name="kernelDistance">KID subset settings; <see langword="null"/> uses the defaults.</param>
    /// <param name="k">Neighbour count of precision/recall. The default value is 3 (<see cref="PrecisionRecall.DefaultK"/>).</param>
    /// <param name="cancellationToken">Checked between the metrics and inside them. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>The numbers.</returns>
    /// <exception cref="ArgumentException">The dimensions differ or there are too few rows; the message says which.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    public static StandardMetricsResult Compute(GaussianStatistics reference, FeatureMatrix? referenceFeatures, FeatureMatrix generated,
        KernelDistanceOptions? kernelDistance = null, int k = PrecisionRecall.DefaultK, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(generated);
        if (generated.Columns != reference.Dimension)
        {
            throw new ArgumentException($"The generated features have {generated.Columns} dimensions but the reference statistics {reference.Dimension}: both must come from the same feature extractor.", nameof(generated));
        }

        if (referenceFeatures is not null && referenceFeatures.Columns != reference.Dimension)
        {
            throw new ArgumentException($"The reference features have {referenceFeatures.Columns} dimensions but the reference statistics {reference.Dimension}.", nameof(referenceFeatures));
        }

        double fid = FrechetDistance.Compute(GaussianStatistics.FromFeatures(generated), reference);
        cancellationToken.ThrowIfCancellationRequested();
        KernelDistanceResult? kid = referenceFeatures is null ? null : KernelDistance.Compute(referenceFeatures, generated, kernelDistance, cancellationToken);
        PrecisionRecallResult? pr = referenceFeatures is null ? null : PrecisionRecall.Compute(referenceFeatures, generated, k, cancellationToken);
        return new StandardMetricsResult
        {
            FrechetDistance = fid,
            KernelDistance = kid,
            PrecisionRecall = pr,
            GeneratedCount = generated.Rows,
            ReferenceFeatureCount = referenceFeatures?.Rows ?? 0,
        };
    }
}

// SampleQuality: the protocol's sample-quality and coverage numbers (sections B and C) for one image set against
// real reference features, in the evaluation classifier's feature space.
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Models;

namespace Dcgan.Evaluation;

/// <summary>
/// The real side of a comparison, computed once: the classifier's features of the real reference images (normally
/// the 10k test images) and their Gaussian statistics. <see cref="Evaluate"/> then scores any number of image sets.
/// </summary>
public sealed class SampleQuality
{
    private readonly EvaluationClassifier _classifier;

    /// <summary>Extracts the reference features of <paramref name="realImages"/>.</summary>
    /// <param name="classifier">The frozen evaluation classifier.</param>
    /// <param name="realImages">The real reference images (1x28x28, in [-1, 1]).</param>
    /// <param name="k">Neighbour count of precision/recall. The default value is 3.</param>
    public SampleQuality(EvaluationClassifier classifier, ImageBatch realImages, int k = Evaluation.PrecisionRecall.DefaultK)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        _classifier = classifier;
        K = k;
        RealFeatures = classifier.Features(realImages);
        RealStatistics = GaussianStatistics.FromFeatures(RealFeatures);
    }

    /// <summary>Neighbour count of precision/recall.</summary>
    public int K { get; }

    /// <summary>The classifier's features of the real reference images.</summary>
    public FeatureMatrix RealFeatures { get; }

    /// <summary>Mean and covariance of <see cref="RealFeatures"/>.</summary>
    public GaussianStatistics RealStatistics { get; }

    /// <summary>Scores <paramref name="images"/> (generated samples, or a real control set) against the reference.</summary>
    /// <param name="images">1x28x28 images in [-1, 1]; at least k + 1 of them.</param>
    /// <param name="cancellationToken">Checked before every batch of the classifier and of the distance blocks. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>FD, precision/recall and class coverage.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    public SampleQualityResult Evaluate(ImageBatch images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        FeatureMatrix features = _classifier.Features(images, cancellationToken);
        double fd = FrechetDistance.Compute(GaussianStatistics.FromFeatures(features), RealStatistics);
        PrecisionRecallResult pr = Evaluation.PrecisionRecall.Compute(RealFeatures, features, K, cancellationToken);
        int[] predicted = ImageClassifierExtensions.Decisions(_classifier.Probabilities(images, cancellationToken)).Select(d => d.Label).ToArray();
        ClassCoverageResult coverage = ClassCoverage.FromPredictions(predicted, _classifier.ClassCount);
        return new SampleQualityResult { Count = images.Count, FrechetDistance = fd, PrecisionRecall = pr, Coverage = coverage };
    }
}

// ReferenceStatistics: the real-vs-real numbers that give the generated-sample metrics a scale (protocol B and C):
// the FD floor (10k random train vs test), FD of blurred and noisy test images, precision/recall of train vs test,
// and the class histogram of the classifier's predictions on the test set.
using System.ComponentModel.DataAnnotations;
using Dcgan.Data;
using Dcgan.Models;

namespace Dcgan.Evaluation;

/// <summary>Settings of <see cref="ReferenceStatistics.Compute"/>.</summary>
public sealed class ReferenceStatisticsOptions
{
    /// <summary>Training images drawn (without replacement) for the real-vs-real comparison.</summary>
    /// <value>The default value is 10,000 (the size of the test set).</value>
    [Range(4, int.MaxValue)]
    public int TrainSampleCount { get; set; } = 10_000;

    /// <summary>Seed of the training subset and of the pixel noise.</summary>
    /// <value>The default value is 1.</value>
    public int Seed { get; set; } = 1;

    /// <summary>Standard deviation of the Gaussian blur, in pixels.</summary>
    /// <value>The default value is 1.0.</value>
    [Range(1e-6, 100.0)]
    public double BlurSigma { get; set; } = 1.0;

    /// <summary>Standard deviation of the pixel noise on the [0, 1] intensity scale (see <see cref="ImagePerturbations.AddGaussianNoise"/>).</summary>
    /// <value>The default value is 0.1.</value>
    [Range(0.0, 10.0)]
    public double NoiseStandardDeviation { get; set; } = 0.1;

    /// <summary>Neighbour count of precision/recall.</summary>
    /// <value>The default value is 3.</value>
    [Range(1, 1000)]
    public int K { get; set; } = PrecisionRecall.DefaultK;
}

/// <summary>The reference numbers.</summary>
/// <param name="ClassifierSha256">SHA-256 of the classifier's weights file, or null when unsaved.</param>
/// <param name="TestCount">Number of test images.</param>
/// <param name="TrainVersusTest">FD (the floor), precision/recall and class coverage of the random training subset against the test set.</param>
/// <param name="BlurredTestDistance">FD between the test set and its blurred copy.</param>
/// <param name="NoisyTestDistance">FD between the test set and its noisy copy.</param>
/// <param name="TestCoverage">Class histogram of the classifier's predictions on the test set (KL to uniform included).</param>
/// <param name="TestAccuracy">The classifier's accuracy on the test set, or null when no labels were given.</param>
/// <param name="Options">The settings used.</param>
public sealed record ReferenceStatisticsResult(
    string? ClassifierSha256,
    int TestCount,
    SampleQualityResult TrainVersusTest,
    double BlurredTestDistance,
    double NoisyTestDistance,
    ClassCoverageResult TestCoverage,
    double? TestAccuracy,
    ReferenceStatisticsOptions Options);

/// <summary>Computes the real-data reference numbers with the frozen evaluation classifier.</summary>
public static class ReferenceStatistics
{
    /// <summary>Computes every reference number.</summary>
    /// <param name="classifier">The frozen evaluation classifier.</param>
    /// <param name="train">The training images (60k Fashion-MNIST).</param>
    /// <param name="test">The test images (10k Fashion-MNIST).</param>
    /// <param name="testLabels">Test labels for the accuracy line, or <see langword="null"/>.</param>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults.</param>
    /// <returns>The numbers.</returns>
    public static ReferenceStatisticsResult Compute(EvaluationClassifier classifier, IImageDataSource train, IImageDataSource test, IReadOnlyList<int>? testLabels = null, ReferenceStatisticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new ReferenceStatisticsOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        ImageBatch testImages = test.ReadAll();
        var quality = new SampleQuality(classifier, testImages, options.K);
        int[] subset = ImageSets.RandomSubset(train.Count, Math.Min(options.TrainSampleCount, train.Count), options.Seed);
        SampleQualityResult trainVersusTest = quality.Evaluate(train.ReadImages(subset));

        double blurred = Distance(classifier, quality, ImagePerturbations.GaussianBlur(testImages, options.BlurSigma));
        double noisy = Distance(classifier, quality, ImagePerturbations.AddGaussianNoise(testImages, options.NoiseStandardDeviation, options.Seed));

        int[] predicted = classifier.Predict(testImages);
        ClassCoverageResult testCoverage = ClassCoverage.FromPredictions(predicted, EvaluationClassifier.ClassCount);
        double? accuracy = testLabels is null ? null : classifier.Accuracy(testImages, testLabels);
        return new ReferenceStatisticsResult(classifier.Sha256, testImages.Count, trainVersusTest, blurred, noisy, testCoverage, accuracy, options);
    }

    private static double Distance(EvaluationClassifier classifier, SampleQuality quality, ImageBatch images) =>
        FrechetDistance.Compute(GaussianStatistics.FromFeatures(classifier.Features(images)), quality.RealStatistics);
}

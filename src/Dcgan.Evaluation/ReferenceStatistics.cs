// ReferenceStatistics: the real-vs-real numbers that give the generated-sample metrics a scale (protocol B and C):
// the FD floor (10k random train vs test), FD of blurred and noisy test images, precision/recall of train vs test,
// and the class histogram of the classifier's predictions on the test set.
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Models;

namespace Dcgan.Evaluation;

/// <summary>Computes the real-data reference numbers with the frozen evaluation classifier.</summary>
public static class ReferenceStatistics
{
    /// <summary>Computes every reference number.</summary>
    /// <param name="classifier">The frozen evaluation classifier.</param>
    /// <param name="train">The training images (60k Fashion-MNIST).</param>
    /// <param name="test">The test images (10k Fashion-MNIST).</param>
    /// <param name="testLabels">Test labels for the accuracy line, or <see langword="null"/>.</param>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults.</param>
    /// <param name="progress">
    /// Receives a report after each of the 5 parts (stage "reference statistics": test statistics with train vs test,
    /// blurred, noisy, coverage, accuracy), or <see langword="null"/>. The default value is <see langword="null"/>.
    /// </param>
    /// <param name="cancellationToken">Checked between the parts. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>The numbers.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    public static ReferenceStatisticsResult Compute(EvaluationClassifier classifier, IImageDataSource train, IImageDataSource test, IReadOnlyList<int>? testLabels = null, ReferenceStatisticsOptions? options = null,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new ReferenceStatisticsOptions();
        new ReferenceStatisticsOptionsValidator().ThrowIfInvalid(options);

        const int Parts = 5;
        void Done(int part)
        {
            progress?.Report(new EvaluationProgress { Stage = "reference statistics", Completed = part, Total = Parts });
            cancellationToken.ThrowIfCancellationRequested();
        }

        cancellationToken.ThrowIfCancellationRequested();
        ImageBatch testImages = test.ReadAll();
        var quality = new SampleQuality(classifier, testImages, options.K);
        int[] subset = ImageSets.RandomSubset(train.Count, Math.Min(options.TrainSampleCount, train.Count), options.Seed);
        SampleQualityResult trainVersusTest = quality.Evaluate(train.ReadImages(subset));
        Done(1);

        double blurred = Distance(classifier, quality, ImagePerturbations.GaussianBlur(testImages, options.BlurSigma));
        Done(2);
        double noisy = Distance(classifier, quality, ImagePerturbations.AddGaussianNoise(testImages, options.NoiseStandardDeviation, options.Seed));
        Done(3);

        int[] predicted = classifier.Predict(testImages);
        ClassCoverageResult testCoverage = ClassCoverage.FromPredictions(predicted, classifier.ClassCount);
        Done(4);
        double? accuracy = testLabels is null ? null : classifier.Accuracy(testImages, testLabels);
        progress?.Report(new EvaluationProgress { Stage = "reference statistics", Completed = Parts, Total = Parts });
        return new ReferenceStatisticsResult
        {
            ClassifierSha256 = classifier.Sha256,
            TestCount = testImages.Count,
            TrainVersusTest = trainVersusTest,
            BlurredTestDistance = blurred,
            NoisyTestDistance = noisy,
            TestCoverage = testCoverage,
            TestAccuracy = accuracy,
            Options = options,
        };
    }

    private static double Distance(EvaluationClassifier classifier, SampleQuality quality, ImageBatch images) =>
        FrechetDistance.Compute(GaussianStatistics.FromFeatures(classifier.Features(images)), quality.RealStatistics);
}

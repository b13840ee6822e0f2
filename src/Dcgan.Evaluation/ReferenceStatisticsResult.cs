// ReferenceStatisticsResult: the real-vs-real reference numbers (FD floor, FD of degraded copies, precision/recall,
// class coverage and accuracy of the test set).
namespace Dcgan.Evaluation;

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

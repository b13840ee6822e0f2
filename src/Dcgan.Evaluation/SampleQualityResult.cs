// SampleQualityResult: sample-quality numbers of one image set against a real reference set.

namespace Dcgan.Evaluation;

/// <summary>Sample-quality numbers of one image set against a real reference set.</summary>
/// <param name="Count">Number of images evaluated.</param>
/// <param name="FrechetDistance">Frechet distance between the sets' classifier features.</param>
/// <param name="PrecisionRecall">Improved precision/recall (the evaluated set plays "generated").</param>
/// <param name="Coverage">Predicted-class histogram of the evaluated set.</param>
public sealed record SampleQualityResult(int Count, double FrechetDistance, PrecisionRecallResult PrecisionRecall, ClassCoverageResult Coverage);

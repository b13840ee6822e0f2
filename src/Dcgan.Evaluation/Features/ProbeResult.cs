// ProbeResult: the outcome of LinearProbe: managed values only.

namespace Dcgan.Features;

/// <summary>The outcome of <see cref="LinearProbe"/>: managed values only.</summary>
/// <param name="Classifier">The classifier kind.</param>
/// <param name="ChosenC">The C with the best validation accuracy.</param>
/// <param name="TestAccuracy">Test accuracy of the final fit (train + validation, chosen C).</param>
/// <param name="FinalTrainAccuracy">Accuracy of the final fit on the rows it was fitted on.</param>
/// <param name="FinalConverged">Whether the final fit reached the tolerance.</param>
/// <param name="Candidates">Every candidate C, in grid order.</param>
/// <param name="TrainCount">Rows used to fit during C selection.</param>
/// <param name="ValidationCount">Rows used to choose C.</param>
/// <param name="TestCount">Test rows.</param>
/// <param name="FeatureDimension">Features per row.</param>
/// <param name="Elapsed">Wall-clock time of the whole probe.</param>
public sealed record ProbeResult(
    ProbeClassifier Classifier,
    double ChosenC,
    double TestAccuracy,
    double FinalTrainAccuracy,
    bool FinalConverged,
    IReadOnlyList<ProbeCandidate> Candidates,
    int TrainCount,
    int ValidationCount,
    int TestCount,
    int FeatureDimension,
    TimeSpan Elapsed);

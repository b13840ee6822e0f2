// EvaluationProgress: the one progress report of the research package's long batch- and fit-based operations
// (LinearProbe.Run, ArithmeticStability.Compute, LatentWalkStatistics.Compute, DiscriminatorFeatureExtractor.Create,
// ReferenceStatistics.Compute). Epoch-based training reports its own epoch records (ClassifierEpoch, SemanticHashEpoch,
// SupervisedCnnEpoch), which carry losses.

namespace Dcgan.Features;

/// <summary>
/// How far a long research operation is: <see cref="Completed"/> of <see cref="Total"/> units of the current
/// <see cref="Stage"/> (batches, fits or passes; each operation documents its stages). Reported synchronously on the
/// working thread after every unit.
/// </summary>
/// <remarks>A report is a snapshot; it has no value equality (compare its properties).</remarks>
public sealed class EvaluationProgress
{
    /// <summary>What is being done, for example "classify pool" or "fit C=0.01"; stable text, one per stage.</summary>
    public required string Stage { get; init; }

    /// <summary>Units of the stage finished so far, 1 to <see cref="Total"/>.</summary>
    public required int Completed { get; init; }

    /// <summary>Units of the stage in all.</summary>
    public required int Total { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Stage}: {Completed}/{Total}";
}

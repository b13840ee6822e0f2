// ArithmeticStabilityResult: the numbers of the arithmetic-stability measurement, per exemplar count, with every
// trial's class pair, exemplars and outcome, and the classes that had too few confident samples to take part.

namespace Dcgan.Evaluation;

/// <summary>The arithmetic-stability measurement (evaluation protocol section E, second bullet).</summary>
/// <param name="ConfidentCounts">Per class, the pool samples assigned to it with at least the confidence threshold.</param>
/// <param name="EligibleClasses">Classes the trials drew from (at least 2 x the largest exemplar count confident samples).</param>
/// <param name="SkippedClasses">Classes left out, with their counts; empty when none.</param>
/// <param name="SkipReport">One sentence naming the skipped classes and why, or saying that none was skipped.</param>
/// <param name="ByExemplarCount">One entry per exemplar count, in the order of the options.</param>
/// <param name="Options">The settings used.</param>
public sealed record ArithmeticStabilityResult(
    int[] ConfidentCounts,
    int[] EligibleClasses,
    IReadOnlyList<SkippedClass> SkippedClasses,
    string SkipReport,
    IReadOnlyList<ExemplarCountResult> ByExemplarCount,
    ArithmeticStabilityOptions Options);

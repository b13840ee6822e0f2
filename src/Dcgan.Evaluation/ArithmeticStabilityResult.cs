// ArithmeticStabilityResult: the numbers of the arithmetic-stability measurement, per exemplar count, with every
// trial's class pair, exemplars and outcome, and the classes that had too few confident samples to take part.

namespace Dcgan.Evaluation;

/// <summary>The arithmetic-stability measurement (evaluation protocol section E, second bullet).</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class ArithmeticStabilityResult
{
    /// <summary>Per class, the pool samples assigned to it with at least the confidence threshold.</summary>
    public required IReadOnlyList<int> ConfidentCounts { get; init; }

    /// <summary>Classes the trials drew from (at least 2 x the largest exemplar count confident samples).</summary>
    public required IReadOnlyList<int> EligibleClasses { get; init; }

    /// <summary>Classes left out, with their counts; empty when none.</summary>
    public required IReadOnlyList<SkippedClass> SkippedClasses { get; init; }

    /// <summary>One sentence naming the skipped classes and why, or saying that none was skipped.</summary>
    public required string SkipReport { get; init; }

    /// <summary>One entry per exemplar count, in the order of the options.</summary>
    public required IReadOnlyList<ExemplarCountResult> ByExemplarCount { get; init; }

    /// <summary>The settings used.</summary>
    public required ArithmeticStabilityOptions Options { get; init; }
}

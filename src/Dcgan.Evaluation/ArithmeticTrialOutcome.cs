// ArithmeticTrialOutcome: one trial at one exemplar count: result = mean(A) - mean(B) + mean(C), intended class C.

namespace Dcgan.Evaluation;

/// <summary>One trial at one exemplar count: result = mean(A) - mean(B) + mean(C), intended class <see cref="ClassC"/>.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class ArithmeticTrialOutcome
{
    /// <summary>Trial index (the same class pair at every exemplar count).</summary>
    public required int Trial { get; init; }

    /// <summary>Class of the exemplars of A and B (the within-class "attribute" difference A - B).</summary>
    public required int ClassA { get; init; }

    /// <summary>Class of the exemplars of C: the intended class.</summary>
    public required int ClassC { get; init; }

    /// <summary>Pool indices averaged into A.</summary>
    public required IReadOnlyList<int> ExemplarsA { get; init; }

    /// <summary>Pool indices averaged into B (disjoint from A).</summary>
    public required IReadOnlyList<int> ExemplarsB { get; init; }

    /// <summary>Pool indices averaged into C.</summary>
    public required IReadOnlyList<int> ExemplarsC { get; init; }

    /// <summary>The classifier's label of the result image.</summary>
    public required int ResultLabel { get; init; }

    /// <summary>How many of the result's jittered neighbours were assigned to <see cref="ClassC"/>.</summary>
    public required int ResultNeighbourHits { get; init; }

    /// <summary>The classifier's label of the image of C alone.</summary>
    public required int BaselineLabel { get; init; }

    /// <summary>How many of C's jittered neighbours were assigned to <see cref="ClassC"/>.</summary>
    public required int BaselineNeighbourHits { get; init; }
}

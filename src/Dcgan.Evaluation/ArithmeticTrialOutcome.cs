// ArithmeticTrialOutcome: one trial at one exemplar count: result = mean(A) - mean(B) + mean(C), intended class C.

namespace Dcgan.Evaluation;

/// <summary>One trial at one exemplar count: result = mean(A) - mean(B) + mean(C), intended class <paramref name="ClassC"/>.</summary>
/// <param name="Trial">Trial index (the same class pair at every exemplar count).</param>
/// <param name="ClassA">Class of the exemplars of A and B (the within-class "attribute" difference A - B).</param>
/// <param name="ClassC">Class of the exemplars of C: the intended class.</param>
/// <param name="ExemplarsA">Pool indices averaged into A.</param>
/// <param name="ExemplarsB">Pool indices averaged into B (disjoint from A).</param>
/// <param name="ExemplarsC">Pool indices averaged into C.</param>
/// <param name="ResultLabel">The classifier's label of the result image.</param>
/// <param name="ResultNeighbourHits">How many of the result's jittered neighbours were assigned to <paramref name="ClassC"/>.</param>
/// <param name="BaselineLabel">The classifier's label of the image of C alone.</param>
/// <param name="BaselineNeighbourHits">How many of C's jittered neighbours were assigned to <paramref name="ClassC"/>.</param>
public sealed record ArithmeticTrialOutcome(
    int Trial,
    int ClassA,
    int ClassC,
    int[] ExemplarsA,
    int[] ExemplarsB,
    int[] ExemplarsC,
    int ResultLabel,
    int ResultNeighbourHits,
    int BaselineLabel,
    int BaselineNeighbourHits);

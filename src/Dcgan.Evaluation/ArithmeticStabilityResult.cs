// ArithmeticStabilityResult: the numbers of the arithmetic-stability measurement, per exemplar count, with every
// trial's class pair, exemplars and outcome, and the classes that had too few confident samples to take part.

namespace Dcgan.Evaluation;

/// <summary>A class left out of the trials because too few pool samples were confidently assigned to it.</summary>
/// <param name="Class">The class.</param>
/// <param name="ConfidentCount">Pool samples the classifier assigned to it with at least the confidence threshold.</param>
/// <param name="Needed">Samples a class needs: 2 x the largest exemplar count (A and B are disjoint sets of one class).</param>
public sealed record SkippedClass(int Class, int ConfidentCount, int Needed);

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

/// <summary>The shares for one exemplar count k.</summary>
/// <param name="ExemplarCount">Exemplars averaged per concept.</param>
/// <param name="Trials">Number of trials.</param>
/// <param name="Neighbours">Jittered neighbours per result (and per baseline).</param>
/// <param name="ResultShare">Share of result images assigned to the intended class c.</param>
/// <param name="ResultAndNeighbourShare">Share of result and neighbour images together assigned to c.</param>
/// <param name="BaselineShare">Share of images of C alone assigned to c (what the arithmetic is measured against).</param>
/// <param name="BaselineAndNeighbourShare">Share of images of C alone and its neighbours assigned to c.</param>
/// <param name="Outcomes">Every trial, in order.</param>
public sealed record ExemplarCountResult(
    int ExemplarCount,
    int Trials,
    int Neighbours,
    double ResultShare,
    double ResultAndNeighbourShare,
    double BaselineShare,
    double BaselineAndNeighbourShare,
    IReadOnlyList<ArithmeticTrialOutcome> Outcomes);

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

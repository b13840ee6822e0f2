// ExemplarCountResult: the shares for one exemplar count k.

namespace Dcgan.Evaluation;

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

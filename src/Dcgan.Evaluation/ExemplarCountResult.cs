// ExemplarCountResult: the shares for one exemplar count k.

namespace Dcgan.Evaluation;

/// <summary>The shares for one exemplar count k.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class ExemplarCountResult
{
    /// <summary>Exemplars averaged per concept.</summary>
    public required int ExemplarCount { get; init; }

    /// <summary>Number of trials.</summary>
    public required int Trials { get; init; }

    /// <summary>Jittered neighbours per result (and per baseline).</summary>
    public required int Neighbours { get; init; }

    /// <summary>Share of result images assigned to the intended class c.</summary>
    public required double ResultShare { get; init; }

    /// <summary>Share of result and neighbour images together assigned to c.</summary>
    public required double ResultAndNeighbourShare { get; init; }

    /// <summary>Share of images of C alone assigned to c (what the arithmetic is measured against).</summary>
    public required double BaselineShare { get; init; }

    /// <summary>Share of images of C alone and its neighbours assigned to c.</summary>
    public required double BaselineAndNeighbourShare { get; init; }

    /// <summary>Every trial, in order.</summary>
    public required IReadOnlyList<ArithmeticTrialOutcome> Outcomes { get; init; }
}

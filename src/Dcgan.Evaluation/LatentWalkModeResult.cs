// LatentWalkModeResult: the walk statistics of one interpolation mode. Per-position arrays have Steps + 1 entries,
// position i at t = i / Steps.
using Dcgan.Latent;

namespace Dcgan.Evaluation;

/// <summary>The walk statistics of one interpolation mode. Per-position arrays have <c>Steps + 1</c> entries, position i at t = i / Steps.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class LatentWalkModeResult
{
    /// <summary>Linear (lerp) or spherical (slerp).</summary>
    public required LatentInterpolationMode Mode { get; init; }

    /// <summary>Mean ||z|| at t = 0.5 over the pairs (computed at t = 0.5 even when it is not a path point).</summary>
    public required double MidpointNorm { get; init; }

    /// <summary>Mean ||z|| at each path position.</summary>
    public required IReadOnlyList<double> MeanNorms { get; init; }

    /// <summary>Mean classifier confidence (maximum softmax) of the images at each path position.</summary>
    public required IReadOnlyList<double> MeanConfidence { get; init; }

    /// <summary>Frechet distance between the classifier features of the images at each position (one per pair) and the real reference. With a few hundred or thousand images it is biased upward: compare positions with each other, not with 10k-sample FDs.</summary>
    public required IReadOnlyList<double> FrechetDistances { get; init; }

    /// <summary>One jump statistic per path (max step / median step in feature space), in pair order.</summary>
    public required IReadOnlyList<double> Jumps { get; init; }

    /// <summary>Mean, median, 95th percentile, maximum and share above the threshold of <see cref="Jumps"/>.</summary>
    public required JumpSummary JumpSummary { get; init; }
}

// LatentWalkModeResult: the walk statistics of one interpolation mode. Per-position arrays have Steps + 1 entries,
// position i at t = i / Steps.
using Dcgan.Latent;

namespace Dcgan.Evaluation;

/// <summary>The walk statistics of one interpolation mode. Per-position arrays have <c>Steps + 1</c> entries, position i at t = i / Steps.</summary>
/// <param name="Mode">Linear (lerp) or spherical (slerp).</param>
/// <param name="MidpointNorm">Mean ||z|| at t = 0.5 over the pairs (computed at t = 0.5 even when it is not a path point).</param>
/// <param name="MeanNorms">Mean ||z|| at each path position.</param>
/// <param name="MeanConfidence">Mean classifier confidence (maximum softmax) of the images at each path position.</param>
/// <param name="FrechetDistances">
/// Frechet distance between the classifier features of the images at each position (one per pair) and the real reference.
/// With a few hundred or thousand images it is biased upward: compare positions with each other, not with 10k-sample FDs.
/// </param>
/// <param name="Jumps">One jump statistic per path (max step / median step in feature space), in pair order.</param>
/// <param name="JumpSummary">Mean, median, 95th percentile, maximum and share above the threshold of <paramref name="Jumps"/>.</param>
public sealed record LatentWalkModeResult(
    LatentInterpolationMode Mode,
    double MidpointNorm,
    double[] MeanNorms,
    double[] MeanConfidence,
    double[] FrechetDistances,
    double[] Jumps,
    JumpSummary JumpSummary);

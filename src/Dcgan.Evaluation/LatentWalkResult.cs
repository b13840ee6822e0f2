// LatentWalkResult: the numbers of the latent-walk statistics, per interpolation mode and per path position.
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

/// <summary>The latent-walk statistics of a generator (evaluation protocol section E).</summary>
/// <param name="Pairs">Number of walks (pairs of random latent vectors).</param>
/// <param name="Steps">Intervals per walk; every walk has <c>Steps + 1</c> points including both ends.</param>
/// <param name="Positions">The t of each path position: i / Steps.</param>
/// <param name="EndpointNorm">Mean ||z|| of the 2 * Pairs endpoints (the prior's typical norm, for reference).</param>
/// <param name="Linear">The statistics of linear interpolation (the paper's walks).</param>
/// <param name="Spherical">The statistics of spherical interpolation.</param>
/// <param name="Options">The settings used.</param>
public sealed record LatentWalkResult(
    int Pairs,
    int Steps,
    double[] Positions,
    double EndpointNorm,
    LatentWalkModeResult Linear,
    LatentWalkModeResult Spherical,
    LatentWalkOptions Options);

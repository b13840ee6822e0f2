// LatentWalkResult: the numbers of the latent-walk statistics, per interpolation mode and per path position.
using Dcgan.Latent;

namespace Dcgan.Evaluation;

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

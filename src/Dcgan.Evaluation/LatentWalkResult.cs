// LatentWalkResult: the numbers of the latent-walk statistics, per interpolation mode and per path position.
using Dcgan.Latent;

namespace Dcgan.Evaluation;

/// <summary>The latent-walk statistics of a generator (evaluation protocol section E).</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class LatentWalkResult
{
    /// <summary>Number of walks (pairs of random latent vectors).</summary>
    public required int Pairs { get; init; }

    /// <summary>Intervals per walk; every walk has <c>Steps + 1</c> points including both ends.</summary>
    public required int Steps { get; init; }

    /// <summary>The t of each path position: i / Steps.</summary>
    public required IReadOnlyList<double> Positions { get; init; }

    /// <summary>Mean ||z|| of the 2 * Pairs endpoints (the prior's typical norm, for reference).</summary>
    public required double EndpointNorm { get; init; }

    /// <summary>The statistics of linear interpolation (the paper's walks).</summary>
    public required LatentWalkModeResult Linear { get; init; }

    /// <summary>The statistics of spherical interpolation.</summary>
    public required LatentWalkModeResult Spherical { get; init; }

    /// <summary>The settings used.</summary>
    public required LatentWalkOptions Options { get; init; }
}

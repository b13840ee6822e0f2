// LatentWalkOptions: the settings of the latent-walk statistics (evaluation protocol section E, first bullet).
using System.ComponentModel.DataAnnotations;

namespace Dcgan.Evaluation;

/// <summary>Settings of <see cref="LatentWalkStatistics.Compute"/>.</summary>
public sealed class LatentWalkOptions
{
    /// <summary>The jump threshold used by default: a path whose largest step is more than 3 times its median step counts as a jump.</summary>
    /// <value>The default value is 3. This threshold is this library's choice, not the paper's.</value>
    public const double DefaultJumpThreshold = 3.0;

    /// <summary>Number of random pairs of latent vectors (walks), at least 2 (a Frechet distance needs 2 samples per path position).</summary>
    /// <value>The default value is 1,000 (the protocol's count).</value>
    [Range(2, int.MaxValue)]
    public int Pairs { get; set; } = 1_000;

    /// <summary>
    /// Intervals per walk, at least 1: a walk has <c>Steps + 1</c> points including both ends, at t = i / Steps.
    /// </summary>
    /// <value>The default value is 9 (10 points, both ends included). With an odd count t = 0.5 is not a path point; the midpoint norm is computed at t = 0.5 separately.</value>
    [Range(1, int.MaxValue)]
    public int Steps { get; set; } = 9;

    /// <summary>Seed of the latent pairs (drawn with the generator's prior).</summary>
    /// <value>The default value is 1.</value>
    public long Seed { get; set; } = 1;

    /// <summary>Pairs rendered and classified at a time (bounds memory: <c>PairsPerBatch * (Steps + 1)</c> images per batch).</summary>
    /// <value>The default value is 50.</value>
    [Range(1, int.MaxValue)]
    public int PairsPerBatch { get; set; } = 50;

    /// <summary>A path whose jump statistic (largest step / median step) exceeds this counts as having a jump; finite and at least 1 (the statistic never is below 1).</summary>
    /// <value>The default value is 3 (<see cref="DefaultJumpThreshold"/>; our choice).</value>
    [Range(1.0, double.MaxValue)]
    public double JumpThreshold { get; set; } = DefaultJumpThreshold;
}

// LatentWalkOptions: the settings of the latent-walk statistics (evaluation protocol section E, first bullet).

namespace Dcgan.Evaluation;

/// <summary>Settings of <see cref="LatentWalkStatistics.Compute"/>.</summary>
public sealed class LatentWalkOptions
{
    /// <summary>The jump threshold used by default: a path whose largest step is more than 3 times its median step counts as a jump.</summary>
    /// <value>The default value is 3. This threshold is this library's choice, not the paper's.</value>
    public const double DefaultJumpThreshold = 3.0;

    /// <summary>Number of random pairs of latent vectors (walks), at least 2.</summary>
    /// <value>The default value is 1,000 (the protocol's count).</value>
    public int Pairs { get; set; } = 1_000;

    /// <summary>
    /// Intervals per walk, at least 1: a walk has <c>Steps + 1</c> points including both ends, at t = i / Steps.
    /// </summary>
    /// <value>The default value is 9 (10 points, both ends included). With an odd count t = 0.5 is not a path point; the midpoint norm is computed at t = 0.5 separately.</value>
    public int Steps { get; set; } = 9;

    /// <summary>Seed of the latent pairs (drawn with the generator's prior).</summary>
    /// <value>The default value is 1.</value>
    public long Seed { get; set; } = 1;

    /// <summary>Pairs rendered and classified at a time (bounds memory: <c>PairsPerBatch * (Steps + 1)</c> images per batch).</summary>
    /// <value>The default value is 50.</value>
    public int PairsPerBatch { get; set; } = 50;

    /// <summary>A path whose jump statistic (largest step / median step) exceeds this counts as having a jump.</summary>
    /// <value>The default value is 3 (<see cref="DefaultJumpThreshold"/>; our choice).</value>
    public double JumpThreshold { get; set; } = DefaultJumpThreshold;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        if (Pairs < 2)
        {
            throw new ArgumentException($"Pairs = {Pairs}: at least 2 pairs are needed (a Frechet distance needs 2 samples per path position).", nameof(Pairs));
        }

        if (Steps < 1)
        {
            throw new ArgumentException($"Steps = {Steps}: a walk needs at least 1 step (2 points).", nameof(Steps));
        }

        if (PairsPerBatch < 1)
        {
            throw new ArgumentException($"PairsPerBatch = {PairsPerBatch}: must be at least 1.", nameof(PairsPerBatch));
        }

        if (!double.IsFinite(JumpThreshold) || JumpThreshold < 1)
        {
            throw new ArgumentException($"JumpThreshold = {JumpThreshold}: must be finite and at least 1 (the jump statistic is never below 1).", nameof(JumpThreshold));
        }
    }
}

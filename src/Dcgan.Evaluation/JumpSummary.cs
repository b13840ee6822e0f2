// JumpSummary: distribution of the jump statistic over many paths.

namespace Dcgan.Evaluation;

/// <summary>Distribution of the jump statistic over many paths.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class JumpSummary
{
    /// <summary>Number of paths.</summary>
    public required int Paths { get; init; }

    /// <summary>Mean jump statistic (infinite when a path has a zero median step but a non-zero largest step).</summary>
    public required double Mean { get; init; }

    /// <summary>Median jump statistic.</summary>
    public required double Median { get; init; }

    /// <summary>95th percentile (linear interpolation between order statistics, as numpy's default).</summary>
    public required double Percentile95 { get; init; }

    /// <summary>Largest jump statistic.</summary>
    public required double Max { get; init; }

    /// <summary>The threshold of <see cref="ShareAboveThreshold"/>.</summary>
    public required double Threshold { get; init; }

    /// <summary>Fraction of paths whose jump statistic is strictly above <see cref="Threshold"/>.</summary>
    public required double ShareAboveThreshold { get; init; }
}

// JumpSummary: distribution of the jump statistic over many paths.

namespace Dcgan.Evaluation;

/// <summary>Distribution of the jump statistic over many paths.</summary>
/// <param name="Paths">Number of paths.</param>
/// <param name="Mean">Mean jump statistic (infinite when a path has a zero median step but a non-zero largest step).</param>
/// <param name="Median">Median jump statistic.</param>
/// <param name="Percentile95">95th percentile (linear interpolation between order statistics, as numpy's default).</param>
/// <param name="Max">Largest jump statistic.</param>
/// <param name="Threshold">The threshold of <paramref name="ShareAboveThreshold"/>.</param>
/// <param name="ShareAboveThreshold">Fraction of paths whose jump statistic is strictly above <paramref name="Threshold"/>.</param>
public sealed record JumpSummary(int Paths, double Mean, double Median, double Percentile95, double Max, double Threshold, double ShareAboveThreshold);

// ClassCoverageResult: the class histogram of a set of predicted labels.

namespace Dcgan.Evaluation;

/// <summary>The class histogram of a set of predicted labels.</summary>
/// <param name="Counts">Samples per class.</param>
/// <param name="Shares">Fraction of samples per class (sums to 1).</param>
/// <param name="CoveredClasses">Number of classes whose share is at least <paramref name="MinimumShare"/>.</param>
/// <param name="MinimumShare">The share a class needs to count as covered.</param>
/// <param name="KlToUniform">KL(p || uniform) in nats: 0 for a uniform histogram, ln(classes) for a single class.</param>
public sealed record ClassCoverageResult(int[] Counts, double[] Shares, int CoveredClasses, double MinimumShare, double KlToUniform);

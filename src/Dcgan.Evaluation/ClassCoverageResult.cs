// ClassCoverageResult: the class histogram of a set of predicted labels.

namespace Dcgan.Evaluation;

/// <summary>The class histogram of a set of predicted labels.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class ClassCoverageResult
{
    /// <summary>Samples per class.</summary>
    public required IReadOnlyList<int> Counts { get; init; }

    /// <summary>Fraction of samples per class (sums to 1).</summary>
    public required IReadOnlyList<double> Shares { get; init; }

    /// <summary>Number of classes whose share is at least <see cref="MinimumShare"/>.</summary>
    public required int CoveredClasses { get; init; }

    /// <summary>The share a class needs to count as covered.</summary>
    public required double MinimumShare { get; init; }

    /// <summary>KL(p || uniform) in nats: 0 for a uniform histogram, ln(classes) for a single class.</summary>
    public required double KlToUniform { get; init; }
}

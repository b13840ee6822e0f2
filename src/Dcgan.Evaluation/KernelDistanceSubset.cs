// KernelDistanceSubset: one pair of row subsets of a KID estimate.

namespace Dcgan.Evaluation;

/// <summary>One pair of equally sized row subsets (generated and real) over which one unbiased MMD^2 is computed.</summary>
/// <remarks>Managed values only; not a record (no value equality), so new members may be added later.</remarks>
public sealed class KernelDistanceSubset
{
    /// <summary>Rows of the generated features, distinct, at least 2.</summary>
    public required IReadOnlyList<int> GeneratedRows { get; init; }

    /// <summary>Rows of the real features, distinct, as many as <see cref="GeneratedRows"/>.</summary>
    public required IReadOnlyList<int> RealRows { get; init; }
}

// KernelDistanceResult: a KID estimate with its spread over subsets.

namespace Dcgan.Evaluation;

/// <summary>The kernel (Inception) distance: the mean of per-subset unbiased MMD^2 estimates and their spread.</summary>
/// <remarks>Managed values only; not a record (no value equality), so compare properties. New members may be added.</remarks>
public sealed class KernelDistanceResult
{
    /// <summary>The mean of <see cref="SubsetValues"/>: StyleGAN2-ADA's and clean-fid's KID (unscaled; papers often print it x 10^3).</summary>
    public required double Mean { get; init; }

    /// <summary>The sample standard deviation of <see cref="SubsetValues"/> (divisor S - 1; torch-fidelity reports this spread as kid_std).</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>
    /// <see cref="StandardDeviation"/> / sqrt(S): the standard error of <see cref="Mean"/> as an average of S subset
    /// estimates. It measures the subset noise only: when the subsets are the whole sets (both at most the subset size),
    /// it is 0 up to round-off, whatever the sampling noise of the sets themselves.
    /// </summary>
    public required double StandardError { get; init; }

    /// <summary>Rows per subset (m).</summary>
    public required int SubsetSize { get; init; }

    /// <summary>The per-subset unbiased MMD^2 values, in subset order (S of them).</summary>
    public required IReadOnlyList<double> SubsetValues { get; init; }
}

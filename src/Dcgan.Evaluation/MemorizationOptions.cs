// MemorizationOptions: thresholds of the memorization check; limits are the DataAnnotations, checked by
// MemorizationOptionsValidator.
using System.ComponentModel.DataAnnotations;

namespace Dcgan.Evaluation;

/// <summary>Settings of <see cref="Memorization.Analyze"/>.</summary>
public sealed class MemorizationOptions
{
    /// <summary>The percentile of test-to-train nearest-neighbour distances that sets the "too close" threshold.</summary>
    /// <value>The default value is 1 (the 1st percentile).</value>
    [Range(0.0, 100.0)]
    public double Percentile { get; set; } = 1.0;

    /// <summary>
    /// Distance at or below which a generated sample is a near duplicate of its nearest training sample. The scale
    /// depends on the space: the default suits pixel space with pixels in [-1, 1] (784 pixels: a root-mean-square
    /// difference of 0.036, under 2% of the range); choose one for feature space from the reported distances.
    /// </summary>
    /// <value>The default value is 1.0.</value>
    [Range(0.0, double.MaxValue)]
    public double NearDuplicateDistance { get; set; } = 1.0;

    /// <summary>Distance at or below which a pair counts as an exact duplicate (round-off allowance).</summary>
    /// <value>The default value is 1e-6.</value>
    [Range(0.0, double.MaxValue)]
    public double ExactDuplicateDistance { get; set; } = 1e-6;

    /// <summary>How many of the closest generated/train pairs to report (for a pair grid).</summary>
    /// <value>The default value is 32.</value>
    [Range(0, 100_000)]
    public int ClosestPairCount { get; set; } = 32;
}

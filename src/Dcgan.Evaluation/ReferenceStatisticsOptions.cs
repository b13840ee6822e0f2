// ReferenceStatisticsOptions: settings of the real-vs-real reference numbers; limits are the DataAnnotations, checked
// by ReferenceStatisticsOptionsValidator.
using System.ComponentModel.DataAnnotations;

namespace Dcgan.Evaluation;

/// <summary>Settings of <see cref="ReferenceStatistics.Compute"/>.</summary>
public sealed class ReferenceStatisticsOptions
{
    /// <summary>Training images drawn (without replacement) for the real-vs-real comparison.</summary>
    /// <value>The default value is 10,000 (the size of the test set).</value>
    [Range(4, int.MaxValue)]
    public int TrainSampleCount { get; set; } = 10_000;

    /// <summary>Seed of the training subset and of the pixel noise. Seeds in int range draw exactly as the int seeds of earlier versions; a seed outside it is folded to 32 bits (low half XOR high half).</summary>
    /// <value>The default value is 1.</value>
    public long Seed { get; set; } = 1;

    /// <summary>Standard deviation of the Gaussian blur, in pixels.</summary>
    /// <value>The default value is 1.0.</value>
    [Range(1e-6, 100.0)]
    public double BlurSigma { get; set; } = 1.0;

    /// <summary>Standard deviation of the pixel noise on the [0, 1] intensity scale (see <see cref="ImagePerturbations.AddGaussianNoise"/>).</summary>
    /// <value>The default value is 0.1.</value>
    [Range(0.0, 10.0)]
    public double NoiseStandardDeviation { get; set; } = 0.1;

    /// <summary>Neighbour count of precision/recall.</summary>
    /// <value>The default value is 3.</value>
    [Range(1, 1000)]
    public int K { get; set; } = PrecisionRecall.DefaultK;
}

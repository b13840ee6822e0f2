// KernelDistanceOptions: the subset scheme of KID (StyleGAN2-ADA's and clean-fid's defaults); limits are the
// DataAnnotations, checked by KernelDistanceOptionsValidator.
using System.ComponentModel.DataAnnotations;

namespace Dcgan.Evaluation;

/// <summary>Settings of <see cref="KernelDistance.Compute(Features.FeatureMatrix, Features.FeatureMatrix, KernelDistanceOptions?, CancellationToken)"/>.</summary>
public sealed class KernelDistanceOptions
{
    /// <summary>Number of random subset pairs the estimate is averaged over.</summary>
    /// <value>The default value is 100 (StyleGAN2-ADA's and clean-fid's num_subsets).</value>
    [Range(2, 100_000)]
    public int SubsetCount { get; set; } = 100;

    /// <summary>Largest subset size; each subset has min(real rows, generated rows, this) rows.</summary>
    /// <value>The default value is 1000 (StyleGAN2-ADA's and clean-fid's max_subset_size).</value>
    [Range(2, 1_000_000)]
    public int MaxSubsetSize { get; set; } = 1000;

    /// <summary>Seed of the subset draws (one <see cref="Random"/> stream for all subsets).</summary>
    /// <value>The default value is 0.</value>
    public long Seed { get; set; }
}

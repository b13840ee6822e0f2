// LatentProjection: how a DCGAN generator turns z into its first feature map (the paper's dense layer or
// pytorch/examples' transposed convolution).
namespace Dcgan.Models;

/// <summary>How the generator turns z into its first (base x base) feature map.</summary>
public enum LatentProjection
{
    /// <summary>The paper's: a dense layer (matrix multiply) to base x base x width, reshaped, then BN and ReLU.</summary>
    Dense,

    /// <summary>pytorch/examples': z as a 1x1 map, a transposed convolution with a base x base kernel.</summary>
    TransposedConvolution,
}

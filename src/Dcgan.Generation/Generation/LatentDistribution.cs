// LatentDistribution: the prior z is drawn from (the paper's U(-1, 1) or N(0, 1)).
namespace Dcgan.Generation;

/// <summary>The prior that the generator's latent vectors z are drawn from.</summary>
public enum LatentDistribution
{
    /// <summary>Uniform on [-1, 1] in every dimension: the paper's choice.</summary>
    Uniform,

    /// <summary>Standard normal N(0, 1) in every dimension: pytorch/examples' choice.</summary>
    Normal,
}

// ArithmeticStabilityOptions: the settings of the arithmetic-stability measurement (evaluation protocol section E,
// second bullet: 1 exemplar per concept vs 3).
using System.ComponentModel.DataAnnotations;
using Dcgan.Latent;

namespace Dcgan.Evaluation;

/// <summary>Settings of <see cref="ArithmeticStability.Compute"/>.</summary>
public sealed class ArithmeticStabilityOptions
{
    /// <summary>Latent vectors sampled (with the generator's prior) and labelled by the classifier to find exemplars.</summary>
    /// <value>The default value is 20,000.</value>
    [Range(2, int.MaxValue)]
    public int PoolSize { get; set; } = 20_000;

    /// <summary>A pool sample is an exemplar of its predicted class only when its maximum softmax is at least this; in (0, 1].</summary>
    /// <value>The default value is 0.9.</value>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double ConfidenceThreshold { get; set; } = 0.9;

    /// <summary>Number of trials (class pairs a != c), at least 1; every exemplar count uses the same class pairs.</summary>
    /// <value>The default value is 200.</value>
    [Range(1, int.MaxValue)]
    public int Trials { get; set; } = 200;

    /// <summary>Exemplars averaged per concept, one run per entry, each at least 1, no repeats.</summary>
    /// <value>The default value is [1, 3] (the paper's claim: 3 is stable where 1 is not).</value>
    [Required]
    [MinLength(1)]
    public IReadOnlyList<int> ExemplarCounts { get; set; } = [1, LatentConcept.RecommendedExemplarCount];

    /// <summary>Jittered neighbours rendered around each result (and around each baseline), at least 0.</summary>
    /// <value>The default value is 8.</value>
    [Range(0, int.MaxValue)]
    public int Neighbours { get; set; } = 8;

    /// <summary>Half-width r of the neighbours' uniform noise per coordinate, finite and at least 0.</summary>
    /// <value>The default value is 0.25 (<see cref="LatentNeighbours.DefaultRadius"/>, the paper's value).</value>
    [Range(0.0, float.MaxValue)]
    public float NeighbourRadius { get; set; } = LatentNeighbours.DefaultRadius;

    /// <summary>Seed of the pool, the class choices, the exemplar choices and the neighbours' noise.</summary>
    /// <value>The default value is 1.</value>
    public long Seed { get; set; } = 1;

    /// <summary>Images rendered and classified at a time (bounds memory).</summary>
    /// <value>The default value is 500.</value>
    [Range(1, int.MaxValue)]
    public int BatchSize { get; set; } = 500;

    /// <summary>The largest entry of <see cref="ExemplarCounts"/>; a class needs twice this many confident samples.</summary>
    /// <value>3 with the default <see cref="ExemplarCounts"/>.</value>
    public int MaximumExemplarCount => ExemplarCounts.Max();
}

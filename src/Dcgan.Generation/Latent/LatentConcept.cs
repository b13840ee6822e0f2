// LatentConcept: a concept ("smiling woman") as the average z of a few exemplars. The paper (section 6.3.2)
// found single-sample arithmetic unstable and averaged THREE exemplars per concept.

using Dcgan.Generation;

namespace Dcgan.Latent;

/// <summary>A concept in latent space: the mean of the latent vectors of its exemplars.</summary>
public sealed class LatentConcept
{
    /// <summary>How many exemplars the paper averages per concept.</summary>
    /// <value>The default value is 3.</value>
    public const int RecommendedExemplarCount = 3;

    private readonly float[][] _exemplars;
    private readonly float[] _mean;

    private LatentConcept(string name, float[][] exemplars)
    {
        Name = name;
        _exemplars = exemplars;
        _mean = LatentVectors.Mean(exemplars);
    }

    /// <summary>A label for the concept, used by <see cref="LatentExpression.ToString"/>.</summary>
    public string Name { get; }

    /// <summary>Length of the vectors.</summary>
    public int Dimension => _mean.Length;

    /// <summary>Number of exemplars averaged.</summary>
    public int ExemplarCount => _exemplars.Length;

    /// <summary>A copy of the mean vector (the concept vector).</summary>
    public float[] Mean => (float[])_mean.Clone();

    /// <summary>Copies of the exemplars' vectors, in the order given.</summary>
    public float[][] Exemplars => LatentVectors.Copy(_exemplars);

    /// <summary>
    /// Builds a concept from exemplar vectors (copied). Any positive number of exemplars is accepted;
    /// <see cref="RecommendedExemplarCount"/> (3) is what the paper found stable.
    /// </summary>
    /// <param name="exemplars">One or more vectors of equal length.</param>
    /// <param name="name">A label; null means "concept".</param>
    /// <exception cref="ArgumentException">No exemplars, or exemplars of different lengths (the message names the lengths).</exception>
    public static LatentConcept FromExemplars(IReadOnlyList<float[]> exemplars, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(exemplars);
        if (exemplars.Count == 0)
        {
            throw new ArgumentException("A concept needs at least one exemplar; got 0.", nameof(exemplars));
        }

        LatentRows.RequireSameLength(exemplars, "exemplar");
        return new LatentConcept(name ?? "concept", LatentVectors.Copy(exemplars));
    }

    /// <summary>The mean vector as a read-only span (no copy).</summary>
    internal ReadOnlySpan<float> MeanSpan => _mean;

    /// <inheritdoc />
    public override string ToString() => $"{Name} (mean of {ExemplarCount})";
}

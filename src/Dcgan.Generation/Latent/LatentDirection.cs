// LatentDirection: an attribute direction as the difference of two averaged concepts (the paper's "turn"
// vector: mean z of left-facing minus mean z of right-facing faces), applied to a point with a scale.

namespace Dcgan.Latent;

/// <summary>A direction in latent space that adds an attribute when added to a point.</summary>
public sealed class LatentDirection
{
    private readonly float[] _vector;

    /// <summary>Wraps a direction vector (copied).</summary>
    /// <param name="vector">The direction; not empty.</param>
    /// <exception cref="ArgumentException">The vector is empty.</exception>
    public LatentDirection(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Length == 0)
        {
            throw new ArgumentException("The direction vector is empty.", nameof(vector));
        }

        _vector = (float[])vector.Clone();
    }

    /// <summary>A copy of the direction vector.</summary>
    public float[] Vector => (float[])_vector.Clone();

    /// <summary>Length of the vector.</summary>
    public int Dimension => _vector.Length;

    /// <summary>
    /// The direction from <paramref name="without"/> to <paramref name="with"/>: <c>with.Mean - without.Mean</c>
    /// (e.g. with = left-facing, without = right-facing gives the paper's turn vector).
    /// </summary>
    /// <param name="with">The concept that has the attribute.</param>
    /// <param name="without">The concept that lacks it.</param>
    /// <exception cref="ArgumentException">The concepts' dimensions differ.</exception>
    public static LatentDirection Between(LatentConcept with, LatentConcept without) =>
        new(LatentExpression.Of(with).Subtract(without).Evaluate());

    /// <summary><c>origin + scale * direction</c>.</summary>
    /// <param name="origin">The point to move (not modified).</param>
    /// <param name="scale">How far along the direction; 0 gives the origin.</param>
    /// <exception cref="ArgumentException">The origin's length differs from the direction's.</exception>
    public float[] Apply(float[] origin, double scale)
    {
        LatentVectors.RequireLength(origin, Dimension, nameof(origin), "the direction");
        var result = new float[Dimension];
        for (int j = 0; j < result.Length; j++)
        {
            result[j] = (float)(origin[j] + scale * _vector[j]);
        }

        return result;
    }

    /// <summary>One vector per scale: <c>origin + scales[i] * direction</c>.</summary>
    /// <param name="origin">The point to move.</param>
    /// <param name="scales">The scales, e.g. from <see cref="LinearScales"/>.</param>
    /// <exception cref="ArgumentException">The origin's length differs from the direction's, or no scales.</exception>
    public float[][] Sweep(float[] origin, IReadOnlyList<double> scales)
    {
        ArgumentNullException.ThrowIfNull(scales);
        if (scales.Count == 0)
        {
            throw new ArgumentException("A sweep needs at least one scale; got 0.", nameof(scales));
        }

        return scales.Select(s => Apply(origin, s)).ToArray();
    }

    /// <summary>
    /// <paramref name="count"/> evenly spaced scales from <paramref name="min"/> to <paramref name="max"/>
    /// inclusive (a single scale is <paramref name="min"/>).
    /// </summary>
    /// <param name="count">Number of scales, at least 1; the default is 9.</param>
    /// <param name="min">First scale; the default is -1.</param>
    /// <param name="max">Last scale; the default is 1.</param>
    public static double[] LinearScales(int count = 9, double min = -1, double max = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return count == 1
            ? [min]
            : Enumerable.Range(0, count).Select(i => i == count - 1 ? max : min + (max - min) * i / (count - 1)).ToArray();
    }
}

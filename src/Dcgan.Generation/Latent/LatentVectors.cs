// LatentVectors: the managed form of latent vectors (float[] rows) and the few vector operations the latent
// tools share. Arithmetic is accumulated in double so that identities such as A - A + B = B hold exactly.

using Dcgan.Generation;

namespace Dcgan.Latent;

/// <summary>
/// Helpers for latent vectors held as managed <c>float[]</c> rows (one row per z). Public latent APIs take and
/// return these rows; tensors appear only inside a backend.
/// </summary>
public static class LatentVectors
{
    /// <summary>The element-wise mean of <paramref name="rows"/> (accumulated in double).</summary>
    /// <param name="rows">Vectors of equal length; at least one.</param>
    /// <exception cref="ArgumentException">No rows or rows of different lengths.</exception>
    public static float[] Mean(IReadOnlyList<float[]> rows)
    {
        int length = LatentRows.RequireSameLength(rows);
        var sum = new double[length];
        foreach (float[] row in rows)
        {
            for (int j = 0; j < length; j++)
            {
                sum[j] += row[j];
            }
        }

        var mean = new float[length];
        for (int j = 0; j < length; j++)
        {
            mean[j] = (float)(sum[j] / rows.Count);
        }

        return mean;
    }

    /// <summary>The Euclidean norm of <paramref name="vector"/>, in double.</summary>
    /// <param name="vector">A vector.</param>
    public static double Norm(ReadOnlySpan<float> vector)
    {
        double sum = 0;
        foreach (float v in vector)
        {
            sum += (double)v * v;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Deep copy of <paramref name="rows"/>.</summary>
    /// <param name="rows">The rows.</param>
    internal static float[][] Copy(IReadOnlyList<float[]> rows) => rows.Select(r => (float[])r.Clone()).ToArray();

    internal static void RequireLength(float[] vector, int length, string name, string expectedFrom)
    {
        ArgumentNullException.ThrowIfNull(vector, name);
        if (vector.Length != length)
        {
            throw new ArgumentException($"'{name}' has length {vector.Length} but {expectedFrom} has length {length}.", name);
        }
    }
}

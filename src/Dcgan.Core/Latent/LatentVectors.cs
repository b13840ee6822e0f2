// LatentVectors: the managed form of latent vectors (float[] rows) and the few vector operations the latent
// tools share. Arithmetic is accumulated in double so that identities such as A - A + B = B hold exactly.
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Latent;

/// <summary>
/// Helpers for latent vectors held as managed <c>float[]</c> rows (one row per z). Public latent APIs take and
/// return these rows; tensors appear only at the boundary with a generator.
/// </summary>
public static class LatentVectors
{
    /// <summary>
    /// Checks that every row is non-null and has the same length, and returns that length.
    /// </summary>
    /// <param name="rows">The vectors; at least one.</param>
    /// <param name="what">How the rows are named in error messages (e.g. "exemplar", "point").</param>
    /// <exception cref="ArgumentException">No rows, a null row, or rows of different lengths; the message names the lengths.</exception>
    internal static int RequireSameLength(IReadOnlyList<float[]> rows, string what = "vector")
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException($"Expected at least one {what}; got 0.", nameof(rows));
        }

        int length = -1;
        for (int i = 0; i < rows.Count; i++)
        {
            float[] row = rows[i] ?? throw new ArgumentException($"{Capitalised(what)} {i} is null.", nameof(rows));
            if (row.Length == 0)
            {
                throw new ArgumentException($"{Capitalised(what)} {i} has length 0.", nameof(rows));
            }

            if (length < 0)
            {
                length = row.Length;
            }
            else if (row.Length != length)
            {
                throw new ArgumentException(
                    $"{Capitalised(what)} {i} has length {row.Length} but {what} 0 has length {length}; all must have the same length.", nameof(rows));
            }
        }

        return length;
    }

    /// <summary>The element-wise mean of <paramref name="rows"/> (accumulated in double).</summary>
    /// <param name="rows">Vectors of equal length; at least one.</param>
    /// <exception cref="ArgumentException">No rows or rows of different lengths.</exception>
    public static float[] Mean(IReadOnlyList<float[]> rows)
    {
        int length = RequireSameLength(rows);
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

    /// <summary>
    /// Copies rows into a new tensor [rows, length] of float32 on <paramref name="device"/> (null means CPU). The
    /// caller owns the returned tensor (or its current dispose scope does).
    /// </summary>
    /// <param name="rows">Vectors of equal length; at least one.</param>
    /// <param name="device">Where the tensor should live; null means CPU.</param>
    /// <exception cref="ArgumentException">No rows or rows of different lengths.</exception>
    public static Tensor ToTensor(IReadOnlyList<float[]> rows, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        int length = RequireSameLength(rows);
        var flat = new float[rows.Count * length];
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(flat, i * length);
        }

        Tensor cpu = tensor(flat, [rows.Count, length]);                  // [N, Z] on the CPU
        if (device is null || device.type == DeviceType.CPU)
        {
            return cpu;
        }

        using (cpu)
        {
            return cpu.to(device);                                        // [N, Z] on the device
        }
    }

    /// <summary>Copies a [N, Z] tensor (any device) into managed rows. The tensor stays the caller's.</summary>
    /// <param name="latent">Latent vectors [N, Z].</param>
    /// <exception cref="ArgumentException">The tensor is not two-dimensional.</exception>
    public static float[][] FromTensor(Tensor latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        if (latent.dim() != 2)
        {
            throw new ArgumentException($"Expected latent vectors [N, Z], got a tensor of shape [{string.Join(", ", latent.shape)}].", nameof(latent));
        }

        using Tensor cpu = latent.detach().to(float32).cpu().contiguous(); // [N, Z]
        float[] flat = cpu.data<float>().ToArray();
        int n = (int)latent.shape[0];
        int z = (int)latent.shape[1];
        var rows = new float[n][];
        for (int i = 0; i < n; i++)
        {
            rows[i] = flat.AsSpan(i * z, z).ToArray();
        }

        return rows;
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

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

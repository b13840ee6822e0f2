// FeatureMatrix: a managed, row-major matrix of feature vectors (one row per image), the currency of every metric.
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>
/// <see cref="Rows"/> feature vectors of length <see cref="Columns"/>, row-major in <see cref="Values"/>: the managed
/// value that the metrics (<see cref="FrechetDistance"/>, <see cref="PrecisionRecall"/>, <see cref="Memorization"/>)
/// consume. Rows can be classifier features or flattened pixels.
/// </summary>
public sealed class FeatureMatrix
{
    /// <summary>Wraps <paramref name="values"/> (not copied) as a <paramref name="rows"/> x <paramref name="columns"/> matrix.</summary>
    /// <param name="rows">Number of vectors, at least 0.</param>
    /// <param name="columns">Length of each vector, at least 1.</param>
    /// <param name="values">Exactly rows * columns floats, row-major.</param>
    /// <exception cref="ArgumentException">The lengths do not match.</exception>
    public FeatureMatrix(int rows, int columns, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A {rows} x {columns} matrix needs {(long)rows * columns} values; got {values.Length}."),
                nameof(values));
        }

        Rows = rows;
        Columns = columns;
        Values = values;
    }

    /// <summary>Number of vectors.</summary>
    public int Rows { get; }

    /// <summary>Length of each vector.</summary>
    public int Columns { get; }

    /// <summary>The values, row-major (row i is Values[i * Columns .. (i + 1) * Columns]).</summary>
    public float[] Values { get; }

    /// <summary>Row <paramref name="index"/>.</summary>
    /// <param name="index">0 to <see cref="Rows"/> - 1.</param>
    public ReadOnlySpan<float> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Rows);
        return Values.AsSpan(index * Columns, Columns);
    }

    /// <summary>A matrix of the given rows of this one, in the given order (copied).</summary>
    /// <param name="indices">Row indices, each in [0, <see cref="Rows"/>).</param>
    public FeatureMatrix SelectRows(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var values = new float[(long)indices.Count * Columns];
        for (int i = 0; i < indices.Count; i++)
        {
            Row(indices[i]).CopyTo(values.AsSpan(i * Columns, Columns));
        }

        return new FeatureMatrix(indices.Count, Columns, values);
    }

    /// <summary>Copies a [N, D] tensor (any device, any floating type) into a managed matrix. The tensor stays the caller's.</summary>
    /// <param name="tensor">A 2-dimensional tensor.</param>
    /// <exception cref="ArgumentException">The tensor is not 2-dimensional.</exception>
    public static FeatureMatrix FromTensor(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() != 2)
        {
            throw new ArgumentException($"Expected a [N, D] tensor, got shape [{string.Join(", ", tensor.shape)}].", nameof(tensor));
        }

        using Tensor cpu = tensor.detach().to(float32).cpu().contiguous();
        return new FeatureMatrix((int)tensor.shape[0], (int)tensor.shape[1], cpu.data<float>().ToArray());
    }

    /// <summary>The matrix as a new [Rows, Columns] tensor of <paramref name="type"/> on <paramref name="device"/>; the caller owns it.</summary>
    internal Tensor ToTensor(ScalarType type, Device? device = null)
    {
        using Tensor cpu = torch.tensor(Values, [Rows, Columns]);           // [N, D] float32, CPU
        return cpu.to(type, device ?? CPU);
    }

    /// <summary>Throws unless <paramref name="a"/> and <paramref name="b"/> have the same number of columns and enough rows.</summary>
    internal static void RequireCompatible(FeatureMatrix a, FeatureMatrix b, int minimumRows, string nameA, string nameB)
    {
        ArgumentNullException.ThrowIfNull(a, nameA);
        ArgumentNullException.ThrowIfNull(b, nameB);
        if (a.Columns != b.Columns)
        {
            throw new ArgumentException($"{nameA} has {a.Columns} columns but {nameB} has {b.Columns}: both must come from the same feature space.", nameB);
        }

        if (a.Rows < minimumRows)
        {
            throw new ArgumentException($"{nameA} has {a.Rows} rows; at least {minimumRows} are needed.", nameA);
        }

        if (b.Rows < minimumRows)
        {
            throw new ArgumentException($"{nameB} has {b.Rows} rows; at least {minimumRows} are needed.", nameB);
        }
    }
}

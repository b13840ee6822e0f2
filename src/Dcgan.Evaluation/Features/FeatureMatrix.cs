// FeatureMatrix: a dense managed matrix of features, one example per row (row-major float[]).

namespace Dcgan.Features;

/// <summary>
/// A dense matrix of features held in managed memory: <see cref="Rows"/> examples of <see cref="Columns"/>
/// values each, stored row-major in <see cref="Values"/>. No native memory is involved, so nothing needs to be
/// disposed. 70,000 x 3,072 floats (860 MB) fits; larger matrices are limited by <see cref="Array.MaxLength"/>.
/// </summary>
public sealed class FeatureMatrix
{
    /// <summary>Wraps <paramref name="values"/> (not copied) as a <paramref name="rows"/> x <paramref name="columns"/> matrix.</summary>
    /// <param name="values">Row-major values; exactly <c>rows * columns</c> of them. The matrix takes ownership.</param>
    /// <param name="rows">Number of examples (0 or more).</param>
    /// <param name="columns">Number of features per example (1 or more).</param>
    /// <exception cref="ArgumentException">The lengths do not agree; the message gives them.</exception>
    public FeatureMatrix(float[] values, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if ((long)rows * columns != values.LongLength)
        {
            throw new ArgumentException(
                $"A {rows} x {columns} matrix needs {(long)rows * columns} values, got {values.LongLength}.", nameof(values));
        }

        Values = values;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Number of examples.</summary>
    public int Rows { get; }

    /// <summary>Number of features per example.</summary>
    public int Columns { get; }

    /// <summary>The values, row-major (<c>Values[r * Columns + c]</c>). Shared with the matrix, not a copy.</summary>
    public float[] Values { get; }

    /// <summary>Creates an all-zero matrix.</summary>
    /// <param name="rows">Number of examples.</param>
    /// <param name="columns">Number of features per example.</param>
    /// <exception cref="ArgumentException">The matrix would exceed <see cref="Array.MaxLength"/> values.</exception>
    public static FeatureMatrix Zeros(int rows, int columns)
    {
        long length = (long)rows * columns;
        if (length > Array.MaxLength)
        {
            throw new ArgumentException(
                $"A {rows} x {columns} feature matrix has {length} values, more than one managed array holds ({Array.MaxLength}).");
        }

        return new FeatureMatrix(new float[length], rows, columns);
    }

    /// <summary>Row <paramref name="row"/> as a span over <see cref="Values"/>.</summary>
    /// <param name="row">0 to <see cref="Rows"/> - 1.</param>
    public Span<float> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return Values.AsSpan(row * Columns, Columns);
    }

    /// <summary>A new matrix made of the given rows, in the given order (copied).</summary>
    /// <param name="rows">Row indices; repeats are allowed.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the matrix.</exception>
    public FeatureMatrix SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        FeatureMatrix result = Zeros(rows.Count, Columns);
        for (int i = 0; i < rows.Count; i++)
        {
            Row(rows[i]).CopyTo(result.Row(i));
        }

        return result;
    }

    /// <summary>A new matrix of rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 (copied).</summary>
    /// <param name="start">First row.</param>
    /// <param name="count">Number of rows.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the matrix.</exception>
    public FeatureMatrix Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)start + count, Rows, nameof(count));
        FeatureMatrix result = Zeros(count, Columns);
        Values.AsSpan(start * Columns, count * Columns).CopyTo(result.Values);
        return result;
    }

    /// <summary>Stacks <paramref name="top"/> above <paramref name="bottom"/> (copied).</summary>
    /// <param name="top">The first rows.</param>
    /// <param name="bottom">The following rows; same column count.</param>
    /// <exception cref="ArgumentException">The column counts differ; the message gives both.</exception>
    public static FeatureMatrix Concatenate(FeatureMatrix top, FeatureMatrix bottom)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(bottom);
        if (top.Columns != bottom.Columns)
        {
            throw new ArgumentException(
                $"Cannot stack a matrix with {bottom.Columns} columns under one with {top.Columns} columns.", nameof(bottom));
        }

        FeatureMatrix result = Zeros(top.Rows + bottom.Rows, top.Columns);
        top.Values.CopyTo(result.Values, 0);
        bottom.Values.CopyTo(result.Values, top.Values.LongLength);
        return result;
    }

    /// <inheritdoc />
    public override string ToString() => $"FeatureMatrix {Rows} x {Columns}";
}

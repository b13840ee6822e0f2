// FeatureStandardizer: per-column z-scoring, fitted on one matrix (the training features) and applied to others.

namespace Dcgan.Features;

/// <summary>
/// Per-column standardization <c>(x - mean) / std</c> with the mean and population standard deviation
/// (divide by n, like scikit-learn's StandardScaler) of the matrix it was fitted on. A column with zero
/// standard deviation is only centred (its scale is 1).
/// </summary>
public sealed class FeatureStandardizer
{
    private readonly double[] _mean;
    private readonly double[] _scale;

    private FeatureStandardizer(double[] mean, double[] scale)
    {
        _mean = mean;
        _scale = scale;
    }

    /// <summary>Per-column means of the fitted matrix.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Per-column scales: the standard deviation, or 1 where it is 0.</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <summary>Number of columns the standardizer applies to.</summary>
    public int Columns => _mean.Length;

    /// <summary>Fits the per-column mean and standard deviation of <paramref name="features"/> (in float64).</summary>
    /// <param name="features">At least one row.</param>
    /// <exception cref="ArgumentException">The matrix has no rows.</exception>
    public static FeatureStandardizer Fit(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Rows == 0)
        {
            throw new ArgumentException("Cannot fit a standardizer on a matrix with no rows.", nameof(features));
        }

        int d = features.Columns;
        var mean = new double[d];
        var m2 = new double[d];
        for (int r = 0; r < features.Rows; r++)
        {
            ReadOnlySpan<float> row = features.Row(r);
            for (int c = 0; c < d; c++)
            {
                mean[c] += row[c];
            }
        }

        for (int c = 0; c < d; c++)
        {
            mean[c] /= features.Rows;
        }

        for (int r = 0; r < features.Rows; r++)
        {
            ReadOnlySpan<float> row = features.Row(r);
            for (int c = 0; c < d; c++)
            {
                double delta = row[c] - mean[c];
                m2[c] += delta * delta;
            }
        }

        var scale = new double[d];
        for (int c = 0; c < d; c++)
        {
            double std = Math.Sqrt(m2[c] / features.Rows);
            scale[c] = std > 0 ? std : 1.0;
        }

        return new FeatureStandardizer(mean, scale);
    }

    /// <summary>A standardized copy of <paramref name="features"/>.</summary>
    /// <param name="features">A matrix with <see cref="Columns"/> columns.</param>
    /// <returns>A new matrix; the input is unchanged.</returns>
    /// <exception cref="ArgumentException">The column count differs; the message gives both.</exception>
    public FeatureMatrix Transform(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Columns != Columns)
        {
            throw new ArgumentException(
                $"The standardizer was fitted on {Columns} columns but the matrix has {features.Columns}.", nameof(features));
        }

        FeatureMatrix result = FeatureMatrix.Zeros(features.Rows, Columns);
        for (int r = 0; r < features.Rows; r++)
        {
            ReadOnlySpan<float> source = features.Row(r);
            Span<float> target = result.Row(r);
            for (int c = 0; c < Columns; c++)
            {
                target[c] = (float)((source[c] - _mean[c]) / _scale[c]);
            }
        }

        return result;
    }
}

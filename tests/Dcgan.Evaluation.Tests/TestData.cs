using Dcgan.Features;
using Dcgan.Evaluation;

namespace Dcgan.Evaluation.Tests;

/// <summary>Seeded synthetic feature sets (managed, no TorchSharp RNG).</summary>
internal static class TestData
{
    /// <summary>Rows drawn from N(mean, diag(std^2)).</summary>
    public static FeatureMatrix Gaussian(int rows, double[] mean, double[] std, int seed)
    {
        var random = new Random(seed);
        int d = mean.Length;
        var values = new float[rows * d];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < d; j++)
            {
                values[i * d + j] = (float)(mean[j] + std[j] * Normal(random));
            }
        }

        return new FeatureMatrix(values, rows, d);
    }

    /// <summary>Rows spread evenly over clusters centred at 100 * e_c (c in <paramref name="clusters"/>), spread 1.</summary>
    public static FeatureMatrix Clusters(int rowsPerCluster, IReadOnlyList<int> clusters, int dimension, int seed)
    {
        var random = new Random(seed);
        var values = new float[rowsPerCluster * clusters.Count * dimension];
        int row = 0;
        foreach (int c in clusters)
        {
            for (int i = 0; i < rowsPerCluster; i++, row++)
            {
                for (int j = 0; j < dimension; j++)
                {
                    values[row * dimension + j] = (float)((j == c ? 100.0 : 0.0) + Normal(random));
                }
            }
        }

        return new FeatureMatrix(values, row, dimension);
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}

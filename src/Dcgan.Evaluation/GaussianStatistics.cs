// GaussianStatistics: mean and covariance of a feature set in double precision, the input of the Frechet distance.
using Dcgan.Features;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>
/// The mean and the unbiased (N - 1) covariance of a set of feature vectors, in double precision, so that a
/// reference set (for example the test images) is summarised once and compared with many generated sets.
/// </summary>
public sealed class GaussianStatistics
{
    private GaussianStatistics(int count, double[] mean, double[] covariance)
    {
        Count = count;
        Mean = mean;
        Covariance = covariance;
    }

    /// <summary>Number of vectors summarised.</summary>
    public int Count { get; }

    /// <summary>Length of the vectors.</summary>
    public int Dimension => Mean.Length;

    /// <summary>The mean vector (length <see cref="Dimension"/>).</summary>
    public double[] Mean { get; }

    /// <summary>The covariance, row-major <see cref="Dimension"/> x <see cref="Dimension"/>, divided by N - 1.</summary>
    public double[] Covariance { get; }

    /// <summary>Builds statistics from explicit values (for example a closed-form Gaussian). The arrays are not copied.</summary>
    /// <param name="count">Number of vectors the statistics stand for (informational).</param>
    /// <param name="mean">The mean, length D.</param>
    /// <param name="covariance">The covariance, D x D row-major; should be symmetric positive semi-definite.</param>
    /// <exception cref="ArgumentException">The covariance is not D x D.</exception>
    public static GaussianStatistics FromMoments(int count, double[] mean, double[] covariance)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentOutOfRangeException.ThrowIfLessThan(mean.Length, 1, nameof(mean));
        if (covariance.Length != mean.Length * mean.Length)
        {
            throw new ArgumentException($"The covariance has {covariance.Length} values; a {mean.Length}-dimensional mean needs {mean.Length * mean.Length}.", nameof(covariance));
        }

        return new GaussianStatistics(count, mean, covariance);
    }

    /// <summary>Mean and unbiased covariance of the rows of <paramref name="features"/>.</summary>
    /// <param name="features">At least 2 rows.</param>
    /// <exception cref="ArgumentException">Fewer than 2 rows.</exception>
    public static GaussianStatistics FromFeatures(FeatureMatrix features)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(features);
        if (features.Rows < 2)
        {
            throw new ArgumentException($"A covariance needs at least 2 vectors; got {features.Rows}.", nameof(features));
        }

        using var scope = torch.NewDisposeScope();
        Tensor x = features.ToTensor(float64);                               // [N, D] double
        Tensor mean = x.mean([0L]);                                           // [D]
        Tensor centred = x - mean;                                            // [N, D]
        Tensor covariance = centred.t().matmul(centred).div(Scalars.Constant((long)(features.Rows - 1))); // [D, D]
        return new GaussianStatistics(features.Rows, mean.data<double>().ToArray(), covariance.contiguous().data<double>().ToArray());
    }

    /// <summary>The statistics as new CPU double tensors ([D], [D, D]); the caller owns them.</summary>
    internal (Tensor Mean, Tensor Covariance) ToTensors() =>
        (torch.tensor(Mean, float64), torch.tensor(Covariance, [Dimension, Dimension], float64));
}

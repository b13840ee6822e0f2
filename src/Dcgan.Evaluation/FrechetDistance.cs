// FrechetDistance: the Frechet (2-Wasserstein) distance between two Gaussians fitted to feature sets, as in FID.
using Dcgan.Features;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>
/// The Frechet distance between Gaussians fitted to two feature sets (Heusel et al. 2017's FID, here on the
/// evaluation classifier's features):
/// <c>||mu1 - mu2||^2 + tr(C1) + tr(C2) - 2 tr((C1^1/2 C2 C1^1/2)^1/2)</c>.
/// </summary>
/// <remarks>
/// The matrix square-root trace is computed with two symmetric eigen-decompositions in double precision
/// (<c>C1^1/2 = V diag(sqrt(l)) V^T</c> from <c>eigh(C1)</c>, then the eigenvalues of the symmetric
/// <c>C1^1/2 C2 C1^1/2</c>), with negative round-off eigenvalues clamped to 0. This avoids the complex-valued
/// <c>sqrtm(C1 C2)</c> of the usual implementation and gives the same value for positive semi-definite inputs.
/// </remarks>
public static class FrechetDistance
{
    /// <summary>The Frechet distance between the Gaussians fitted to the rows of <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <param name="a">The first set (for example generated features), at least 2 rows.</param>
    /// <param name="b">The second set (for example test features), at least 2 rows, same columns.</param>
    /// <returns>The distance (0 for identical sets, up to round-off), never negative.</returns>
    /// <exception cref="ArgumentException">Different column counts or fewer than 2 rows.</exception>
    public static double Compute(FeatureMatrix a, FeatureMatrix b)
    {
        TorchRuntime.EnsureLoaded();
        FeatureMatrices.RequireCompatible(a, b, 2, nameof(a), nameof(b));
        return Compute(GaussianStatistics.FromFeatures(a), GaussianStatistics.FromFeatures(b));
    }

    /// <summary>The Frechet distance between two Gaussians given by their moments.</summary>
    /// <param name="a">The first Gaussian.</param>
    /// <param name="b">The second Gaussian, of the same dimension.</param>
    /// <returns>The distance, never negative.</returns>
    /// <exception cref="ArgumentException">The dimensions differ.</exception>
    public static double Compute(GaussianStatistics a, GaussianStatistics b)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Dimension != b.Dimension)
        {
            throw new ArgumentException($"The Gaussians have dimensions {a.Dimension} and {b.Dimension}; they must be equal.", nameof(b));
        }

        using var scope = torch.NewDisposeScope();
        (Tensor mean1, Tensor cov1) = a.ToTensors();                          // [D], [D, D] double
        (Tensor mean2, Tensor cov2) = b.ToTensors();                          // [D], [D, D] double
        Tensor sqrt1 = SymmetricSquareRoot(cov1);                             // [D, D] C1^1/2
        Tensor middle = sqrt1.matmul(cov2).matmul(sqrt1);                     // [D, D] C1^1/2 C2 C1^1/2
        middle = middle.Plus(middle.t()).div(Scalars.Constant(2L));                                 // [D, D] exactly symmetric
        Tensor eigenvalues = torch.linalg.eigvalsh(middle).clamp_min(Scalars.Constant(0.0));    // [D]
        double traceSqrt = eigenvalues.sqrt().sum().item<double>();
        double meanTerm = (mean1 - mean2).square().sum().item<double>();
        double traces = cov1.trace().item<double>() + cov2.trace().item<double>();
        return Math.Max(0.0, meanTerm + traces - 2.0 * traceSqrt);
    }

    /// <summary>The principal square root of a symmetric positive semi-definite matrix (negative eigenvalues clamped to 0).</summary>
    private static Tensor SymmetricSquareRoot(Tensor matrix)
    {
        Tensor symmetric = matrix.Plus(matrix.t()).div(Scalars.Constant(2L));                      // [D, D]
        (Tensor values, Tensor vectors) = torch.linalg.eigh(symmetric);       // [D], [D, D] columns are eigenvectors
        Tensor roots = values.clamp_min(Scalars.Constant(0.0)).sqrt();                          // [D]
        return (vectors * roots.unsqueeze(0)).matmul(vectors.t());            // [D, D] V diag(sqrt l) V^T
    }
}

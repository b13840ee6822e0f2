// KernelDistance: KID (Binkowski et al., ICLR 2018) as StyleGAN2-ADA and clean-fid compute it: the unbiased MMD^2 with
// the cubic polynomial kernel k(x, y) = (x.y / d + 1)^3, averaged over random subset pairs of equal size.
using Dcgan.Features;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>
/// The kernel distance (KID when the features are Inception's): for each of S subset pairs of m generated rows X and
/// m real rows Y, the unbiased estimate
/// <c>MMD^2 = sum_{i != j} [k(x_i, x_j) + k(y_i, y_j)] / (m (m - 1)) - 2 sum_{i, j} k(x_i, y_j) / m^2</c> with
/// <c>k(a, b) = (a.b / d + 1)^3</c> (d the feature dimension); the result is their mean, sample standard deviation and
/// standard error. This is term for term StyleGAN2-ADA's <c>metrics/kernel_inception_distance.py</c> and clean-fid's
/// <c>kernel_distance</c> (which report the mean only), computed in double precision.
/// </summary>
public static class KernelDistance
{
    /// <summary>
    /// KID with seeded subsets: m = min(real rows, generated rows, <see cref="KernelDistanceOptions.MaxSubsetSize"/>);
    /// for each subset, m generated rows then m real rows are drawn without replacement (a partial Fisher-Yates shuffle on
    /// one <see cref="Random"/> stream seeded from <see cref="KernelDistanceOptions.Seed"/>). The reference
    /// implementations draw with NumPy's global generator, so their numbers differ from these by the subset noise that
    /// <see cref="KernelDistanceResult.StandardError"/> measures.
    /// </summary>
    /// <param name="real">Real features, at least 2 rows.</param>
    /// <param name="generated">Generated features, at least 2 rows, same columns.</param>
    /// <param name="options">Subset settings; <see langword="null"/> uses the defaults (100 subsets of at most 1000 rows, seed 0).</param>
    /// <param name="cancellationToken">Checked before every subset. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">Different column counts or fewer than 2 rows.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    public static KernelDistanceResult Compute(FeatureMatrix real, FeatureMatrix generated, KernelDistanceOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KernelDistanceOptions();
        new KernelDistanceOptionsValidator().ThrowIfInvalid(options);
        return ComputeOnSubsets(real, generated, DrawSubsets(real.Rows, generated.Rows, options), cancellationToken);
    }

    /// <summary>KID over the given subsets (for example the ones another implementation drew, to compare exactly).</summary>
    /// <param name="real">Real features.</param>
    /// <param name="generated">Generated features, same columns.</param>
    /// <param name="subsets">At least 2 subset pairs, all of the same size m (at least 2), with distinct rows in range.</param>
    /// <param name="cancellationToken">Checked before every subset. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">Different column counts, or a subset that is too small, of another size, or has repeated or out-of-range rows.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    public static KernelDistanceResult ComputeOnSubsets(FeatureMatrix real, FeatureMatrix generated, IReadOnlyList<KernelDistanceSubset> subsets, CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        FeatureMatrices.RequireCompatible(real, generated, 2, nameof(real), nameof(generated));
        ArgumentNullException.ThrowIfNull(subsets);
        if (subsets.Count < 2)
        {
            throw new ArgumentException($"KID needs at least 2 subsets for its spread; got {subsets.Count}.", nameof(subsets));
        }

        int m = subsets[0].GeneratedRows.Count;
        var values = new double[subsets.Count];
        for (int s = 0; s < subsets.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RequireRows(subsets[s].GeneratedRows, m, generated.Rows, $"subset {s}'s generated rows");
            RequireRows(subsets[s].RealRows, m, real.Rows, $"subset {s}'s real rows");
            values[s] = UnbiasedMmd2(generated.SelectRows(subsets[s].GeneratedRows), real.SelectRows(subsets[s].RealRows));
        }

        double mean = values.Average();
        double deviation = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return new KernelDistanceResult
        {
            Mean = mean,
            StandardDeviation = deviation,
            StandardError = deviation / Math.Sqrt(values.Length),
            SubsetSize = m,
            SubsetValues = values,
        };
    }

    /// <summary>The seeded subsets that <see cref="Compute(FeatureMatrix, FeatureMatrix, KernelDistanceOptions?, CancellationToken)"/> uses.</summary>
    /// <param name="realRows">Rows of the real features (at least 2).</param>
    /// <param name="generatedRows">Rows of the generated features (at least 2).</param>
    /// <param name="options">Subset settings.</param>
    /// <returns><see cref="KernelDistanceOptions.SubsetCount"/> subset pairs.</returns>
    public static IReadOnlyList<KernelDistanceSubset> DrawSubsets(int realRows, int generatedRows, KernelDistanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(realRows, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(generatedRows, 2);
        int m = Math.Min(Math.Min(realRows, generatedRows), options.MaxSubsetSize);
        var random = new Random(unchecked((int)(options.Seed ^ (options.Seed >>> 32))));
        var subsets = new KernelDistanceSubset[options.SubsetCount];
        for (int s = 0; s < subsets.Length; s++)
        {
            int[] generated = ImageSets.RandomSubset(generatedRows, m, random);
            int[] real = ImageSets.RandomSubset(realRows, m, random);
            subsets[s] = new KernelDistanceSubset { GeneratedRows = generated, RealRows = real };
        }

        return subsets;
    }

    /// <summary>One subset's unbiased MMD^2 with k(a, b) = (a.b / d + 1)^3, in double precision.</summary>
    private static double UnbiasedMmd2(FeatureMatrix x, FeatureMatrix y)
    {
        using var scope = torch.NewDisposeScope();
        double m = x.Rows;
        Scalar dimension = Scalars.Constant((double)x.Columns);
        Tensor xs = x.ToTensor(float64);                                                                  // [m, d]
        Tensor ys = y.ToTensor(float64);                                                                  // [m, d]
        Tensor within = Kernel(xs, xs, dimension).Plus(Kernel(ys, ys, dimension));                       // [m, m]
        double withinSum = within.sum().item<double>() - within.diagonal().sum().item<double>();         // i != j
        double between = Kernel(xs, ys, dimension).sum().item<double>();
        return (withinSum / (m - 1) - between * 2 / m) / m;
    }

    private static Tensor Kernel(Tensor a, Tensor b, Scalar dimension) =>
        a.matmul(b.t()).div(dimension).add(Scalars.One, Scalars.One).pow(Scalars.Constant(3L));                       // [m, m]

    private static void RequireRows(IReadOnlyList<int> rows, int size, int available, string name)
    {
        ArgumentNullException.ThrowIfNull(rows, name);
        if (rows.Count != size || size < 2)
        {
            throw new ArgumentException($"KID subsets must all have the same size m >= 2 ({size} in the first); {name} has {rows.Count}.", nameof(rows));
        }

        if (rows.Any(r => r < 0 || r >= available) || rows.Distinct().Count() != rows.Count)
        {
            throw new ArgumentException($"{name} must be distinct rows in [0, {available}).", nameof(rows));
        }
    }
}

// DualCoordinateDescent: LIBLINEAR's dual coordinate descent for the L2-regularised L2-loss (squared hinge) linear
// SVM, Hsieh, Chang, Lin, Keerthi & Sundararajan (ICML 2008), "A dual coordinate descent method for large-scale
// linear SVM", algorithm 1 with the shrinking of section 3.2, as in LIBLINEAR's solve_l2r_l1l2_svc.
//
// One binary problem (labels y_i = +-1), the bias handled as an extra feature of constant value 1 (LIBLINEAR with
// bias = 1, scikit-learn LinearSVC with intercept_scaling = 1), so the bias IS penalised:
//   primal  min_{w, b}  0.5 (||w||^2 + b^2) + C sum_i max(0, 1 - y_i (w x_i + b))^2
//   dual    min_{a >= 0} 0.5 a' (Q + D) a - e' a,  Q_ij = y_i y_j (x_i x_j + 1),  D = I / (2C)
// with w = sum_i a_i y_i x_i, b = sum_i a_i y_i. Each step minimises the dual exactly along one coordinate:
//   G = y_i (w x_i + b) - 1 + a_i / (2C),  a_i <- max(a_i - G / (||x_i||^2 + 1 + 1 / (2C)), 0)
// and updates w, b incrementally (O(D) per step). The order of the coordinates is a fresh permutation every epoch
// from a seeded Random, so a run is deterministic. It stops when the projected-gradient spread
// max PG - min PG over the whole set is at most eps (LIBLINEAR's criterion; a value tied to the dual's scale,
// not normalised by n or C) or after maxEpochs epochs.
//
// Precision: the features are float32, the running w and b float64 (a float32 running w drifts from
// sum a_i y_i x_i by more than eps over millions of updates when C is large, and the solver then never stops);
// on exit w and b are recomputed from a in float64.

using System.Numerics;
using System.Runtime.InteropServices;

namespace Dcgan.Features;

/// <summary>The outcome of one binary dual coordinate descent run.</summary>
/// <param name="Weights">w [D] (recomputed from the dual variables in float64, then rounded).</param>
/// <param name="Bias">b (penalised, as the coefficient of a constant feature of value 1).</param>
/// <param name="Alpha">The dual variables [n], all non-negative.</param>
/// <param name="Epochs">Epochs (passes over the active set) performed.</param>
/// <param name="Converged">Whether the projected-gradient spread reached eps on the full set.</param>
/// <param name="ProjectedGradientSpread">max PG - min PG of the last full-set epoch (or of the last epoch).</param>
internal sealed record DualCdResult(float[] Weights, double Bias, double[] Alpha, int Epochs, bool Converged, double ProjectedGradientSpread);

/// <summary>Dual coordinate descent for one binary L2-loss linear SVM (see the file header).</summary>
internal static class DualCoordinateDescent
{
    /// <summary>Runs the solver.</summary>
    /// <param name="x">Row-major n x D features.</param>
    /// <param name="n">Rows.</param>
    /// <param name="d">Columns.</param>
    /// <param name="squaredNorms">||x_i||^2 for every row.</param>
    /// <param name="positive">Whether row i is in the positive class (y_i = +1), else y_i = -1.</param>
    /// <param name="c">C of the primal objective.</param>
    /// <param name="eps">Stopping tolerance on max PG - min PG.</param>
    /// <param name="maxEpochs">Epoch cap.</param>
    /// <param name="seed">Seed of the per-epoch permutations.</param>
    /// <param name="alphaStart">Starting dual variables (length at most n, the rest start at 0; negatives are clipped to 0), or null for zero.</param>
    /// <param name="cancellationToken">Checked before every epoch.</param>
    public static DualCdResult Solve(
        float[] x, int n, int d, double[] squaredNorms, Func<int, bool> positive,
        double c, double eps, int maxEpochs, int seed, double[]? alphaStart, CancellationToken cancellationToken = default)
    {
        var y = new sbyte[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = positive(i) ? (sbyte)1 : (sbyte)-1;
        }

        double diag = 0.5 / c;
        var alpha = new double[n];
        if (alphaStart is not null)
        {
            for (int i = 0; i < Math.Min(n, alphaStart.Length); i++)
            {
                alpha[i] = Math.Max(alphaStart[i], 0);
            }
        }

        (double[] w, double b) = Primal(x, n, d, y, alpha);

        var index = new int[n];
        for (int i = 0; i < n; i++)
        {
            index[i] = i;
        }

        var random = new Random(seed);
        int activeSize = n;
        double pgMaxOld = double.PositiveInfinity;
        double pgMinOld = double.NegativeInfinity;
        double spread = double.PositiveInfinity;
        bool converged = false;
        int epoch = 0;
        while (epoch < maxEpochs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double pgMaxNew = double.NegativeInfinity;
            double pgMinNew = double.PositiveInfinity;
            random.Shuffle(index.AsSpan(0, activeSize));
            for (int s = 0; s < activeSize; s++)
            {
                int i = index[s];
                ReadOnlySpan<float> row = x.AsSpan(i * d, d);
                double g = y[i] * (Dot(w, row) + b) - 1 + alpha[i] * diag;
                double pg = 0;
                if (alpha[i] == 0)
                {
                    if (g > pgMaxOld)
                    {
                        // Shrink: at the bound and unlikely to move; revisited when the active set converges.
                        activeSize--;
                        (index[s], index[activeSize]) = (index[activeSize], index[s]);
                        s--;
                        continue;
                    }

                    if (g < 0)
                    {
                        pg = g;
                    }
                }
                else
                {
                    pg = g;
                }

                pgMaxNew = Math.Max(pgMaxNew, pg);
                pgMinNew = Math.Min(pgMinNew, pg);
                if (Math.Abs(pg) > 1e-12)
                {
                    double old = alpha[i];
                    alpha[i] = Math.Max(old - g / (squaredNorms[i] + 1 + diag), 0);
                    double delta = (alpha[i] - old) * y[i];
                    Axpy(delta, row, w);
                    b += delta;
                }
            }

            epoch++;
            spread = activeSize == 0 ? 0 : pgMaxNew - pgMinNew;
            if (spread <= eps)
            {
                if (activeSize == n)
                {
                    converged = true;
                    break;
                }

                // Converged on the active set: check the whole set again before stopping.
                activeSize = n;
                pgMaxOld = double.PositiveInfinity;
                pgMinOld = double.NegativeInfinity;
                continue;
            }

            pgMaxOld = pgMaxNew <= 0 ? double.PositiveInfinity : pgMaxNew;
            pgMinOld = pgMinNew >= 0 ? double.NegativeInfinity : pgMinNew;
        }

        (w, b) = Primal(x, n, d, y, alpha);
        return new DualCdResult(Array.ConvertAll(w, v => (float)v), b, alpha, epoch, converged, spread);
    }

    /// <summary>w = sum_i a_i y_i x_i and b = sum_i a_i y_i, accumulated in float64.</summary>
    private static (double[] W, double B) Primal(float[] x, int n, int d, sbyte[] y, double[] alpha)
    {
        var w = new double[d];
        double b = 0;
        for (int i = 0; i < n; i++)
        {
            if (alpha[i] == 0)
            {
                continue;
            }

            double coefficient = alpha[i] * y[i];
            ReadOnlySpan<float> row = x.AsSpan(i * d, d);
            for (int j = 0; j < d; j++)
            {
                w[j] += coefficient * row[j];
            }

            b += coefficient;
        }

        return (w, b);
    }

    /// <summary>Dot product of two float spans of equal length (SIMD, float32 accumulation per lane).</summary>
    internal static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        var sum = Vector<float>.Zero;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            ReadOnlySpan<Vector<float>> va = MemoryMarshal.Cast<float, Vector<float>>(a);
            ReadOnlySpan<Vector<float>> vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (int k = 0; k < va.Length; k++)
            {
                sum += va[k] * vb[k];
            }

            i = va.Length * Vector<float>.Count;
        }

        double result = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    /// <summary>Dot product of a float64 vector and a float32 row (SIMD, float64 accumulation).</summary>
    private static double Dot(double[] w, ReadOnlySpan<float> row)
    {
        int i = 0;
        var sum = Vector<double>.Zero;
        if (Vector.IsHardwareAccelerated && row.Length >= Vector<float>.Count)
        {
            ReadOnlySpan<Vector<float>> vr = MemoryMarshal.Cast<float, Vector<float>>(row);
            ReadOnlySpan<Vector<double>> vw = MemoryMarshal.Cast<double, Vector<double>>(w.AsSpan(0, vr.Length * Vector<float>.Count));
            for (int k = 0; k < vr.Length; k++)
            {
                Vector.Widen(vr[k], out Vector<double> low, out Vector<double> high);
                sum += (low * vw[2 * k]) + (high * vw[(2 * k) + 1]);
            }

            i = vr.Length * Vector<float>.Count;
        }

        double result = Vector.Sum(sum);
        for (; i < row.Length; i++)
        {
            result += w[i] * row[i];
        }

        return result;
    }

    /// <summary>target += scale * source, target in float64.</summary>
    private static void Axpy(double scale, ReadOnlySpan<float> source, double[] target)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<float>.Count)
        {
            ReadOnlySpan<Vector<float>> vs = MemoryMarshal.Cast<float, Vector<float>>(source);
            Span<Vector<double>> vt = MemoryMarshal.Cast<double, Vector<double>>(target.AsSpan(0, vs.Length * Vector<float>.Count));
            var vscale = new Vector<double>(scale);
            for (int k = 0; k < vs.Length; k++)
            {
                Vector.Widen(vs[k], out Vector<double> low, out Vector<double> high);
                vt[2 * k] += vscale * low;
                vt[(2 * k) + 1] += vscale * high;
            }

            i = vs.Length * Vector<float>.Count;
        }

        for (; i < source.Length; i++)
        {
            target[i] += scale * source[i];
        }
    }
}

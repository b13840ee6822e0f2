// Lbfgs: full-batch limited-memory BFGS (Nocedal & Wright, algorithm 7.4/7.5) with a backtracking Armijo line
// search, on one flat float64 parameter vector. Used instead of torch.optim.LBFGS because TorchSharp's native
// LBFGS has no line search option (a fixed step can diverge) and no convergence report.
// Deterministic: no randomness; the same inputs give the same iterates on the same device.

using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>How an L-BFGS run ended.</summary>
/// <param name="Iterations">Iterations performed.</param>
/// <param name="Evaluations">Objective evaluations performed.</param>
/// <param name="Converged">Whether the gradient's max-abs component reached the tolerance.</param>
/// <param name="Value">Final objective value.</param>
/// <param name="GradientMaxAbs">Final max-abs gradient component.</param>
internal readonly record struct LbfgsResult(int Iterations, int Evaluations, bool Converged, double Value, double GradientMaxAbs);

/// <summary>Full-batch L-BFGS with backtracking line search.</summary>
internal static class Lbfgs
{
    private const double ArmijoC1 = 1e-4;
    private const int MaxBacktracks = 40;

    /// <summary>
    /// Minimises <paramref name="objective"/> starting from <paramref name="theta"/> ([P], float64), which is
    /// updated in place. The objective returns the value and the gradient [P] (owned by the current dispose scope).
    /// </summary>
    public static LbfgsResult Minimize(
        Tensor theta, Func<Tensor, (double Value, Tensor Gradient)> objective,
        double tolerance, int maxIterations, int historySize, CancellationToken cancellationToken = default)
    {
        var s = new List<Tensor>();
        var y = new List<Tensor>();
        var rho = new List<double>();
        Tensor? g = null;
        int evaluations = 0;
        try
        {
            double f;
            using (var scope0 = torch.NewDisposeScope())
            {
                (f, Tensor g0) = objective(theta);                                         // g0: [P]
                g = g0.DetachFromDisposeScope();
                evaluations++;
            }

            double gmax = MaxAbs(g);
            int iteration = 0;
            while (gmax > tolerance && iteration < maxIterations)
            {
                cancellationToken.ThrowIfCancellationRequested();                          // between iterations: the history is freed below
                using var scope = torch.NewDisposeScope();
                Tensor d = -TwoLoop(g, s, y, rho);                                         // [P]
                double gd = Dot(g, d);
                double step = 1.0;
                if (s.Count == 0 || !(gd < 0))
                {
                    Clear(s, y, rho);
                    d = -g;                                                                // [P]
                    gd = -Dot(g, g);
                    step = Math.Min(1.0, 1.0 / Math.Sqrt(-gd));
                }

                Tensor? thetaNew = null;
                Tensor? gNew = null;
                double fNew = double.NaN;
                bool accepted = false;
                for (int k = 0; k < MaxBacktracks; k++)
                {
                    thetaNew = theta.Plus(d.Times(step));                                        // [P]
                    (fNew, gNew) = objective(thetaNew);
                    evaluations++;
                    if (fNew <= f + ArmijoC1 * step * gd)
                    {
                        accepted = true;
                        break;
                    }

                    // Safeguarded quadratic interpolation of the step, within [0.1, 0.5] of the last one.
                    double denominator = 2 * (fNew - f - gd * step);
                    double interpolated = denominator > 0 && double.IsFinite(fNew) ? -gd * step * step / denominator : 0.5 * step;
                    step = Math.Clamp(interpolated, 0.1 * step, 0.5 * step);
                }

                iteration++;
                if (!accepted)
                {
                    break; // No decrease within floating-point precision: as close as this precision allows.
                }

                Tensor sk = thetaNew! - theta;                                             // [P]
                Tensor yk = gNew! - g;                                                     // [P]
                double sy = Dot(sk, yk);
                if (sy > 1e-10 * Dot(yk, yk))
                {
                    s.Add(sk.DetachFromDisposeScope());
                    y.Add(yk.DetachFromDisposeScope());
                    rho.Add(1.0 / sy);
                    if (s.Count > historySize)
                    {
                        s[0].Dispose();
                        y[0].Dispose();
                        s.RemoveAt(0);
                        y.RemoveAt(0);
                        rho.RemoveAt(0);
                    }
                }

                theta.copy_(thetaNew!);
                g.Dispose();
                g = gNew!.DetachFromDisposeScope();
                f = fNew;
                gmax = MaxAbs(g);
            }

            return new LbfgsResult(iteration, evaluations, gmax <= tolerance, f, gmax);
        }
        finally
        {
            g?.Dispose();
            Clear(s, y, rho);
        }
    }

    // H_k * g by the two-loop recursion, with H_0 = (s'y / y'y) I from the newest pair.
    private static Tensor TwoLoop(Tensor g, List<Tensor> s, List<Tensor> y, List<double> rho)
    {
        Tensor q = g.clone();                                                              // [P]
        var alpha = new double[s.Count];
        for (int i = s.Count - 1; i >= 0; i--)
        {
            alpha[i] = rho[i] * Dot(s[i], q);
            q.sub_(y[i].Times(alpha[i]));
        }

        if (s.Count > 0)
        {
            int last = s.Count - 1;
            q.Times_(1.0 / (rho[last] * Dot(y[last], y[last])));
        }

        for (int i = 0; i < s.Count; i++)
        {
            double beta = rho[i] * Dot(y[i], q);
            q.Plus_(s[i].Times(alpha[i] - beta));
        }

        return q;                                                                          // [P]
    }

    private static double Dot(Tensor a, Tensor b)
    {
        using Tensor d = a.dot(b);
        return d.item<double>();
    }

    private static double MaxAbs(Tensor t)
    {
        using var scope = torch.NewDisposeScope();
        return t.abs().max().item<double>();
    }

    private static void Clear(List<Tensor> s, List<Tensor> y, List<double> rho)
    {
        foreach (Tensor t in s)
        {
            t.Dispose();
        }

        foreach (Tensor t in y)
        {
            t.Dispose();
        }

        s.Clear();
        y.Clear();
        rho.Clear();
    }
}

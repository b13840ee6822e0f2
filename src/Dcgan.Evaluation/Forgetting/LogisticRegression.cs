// LogisticRegression: a small L2-regularised binary logistic regression on managed arrays, fitted with Newton's
// method (iteratively reweighted least squares). The forgetting probe has C features (tens to a few hundred
// feature maps) and a few thousand rows, so an exact second-order fit is cheap and needs no tuning.
//   loss(w, b) = mean_i [ log(1 + exp(-s_i (w.x_i + b))) ] + (l2 / 2) * |w|^2,   s_i = +1 / -1, b unpenalised.

namespace Dcgan.Forgetting;

/// <summary>A fitted binary logistic regression: P(y = 1 | x) = sigmoid(w · x + b).</summary>
/// <param name="Weights">One weight per feature.</param>
/// <param name="Bias">The intercept.</param>
/// <param name="Iterations">Newton iterations run.</param>
/// <param name="Converged">Whether the gradient norm fell below the tolerance.</param>
public sealed record LogisticModel(double[] Weights, double Bias, int Iterations, bool Converged)
{
    /// <summary>The decision value w · x + b.</summary>
    /// <param name="features">One row of features.</param>
    public double Score(ReadOnlySpan<double> features)
    {
        if (features.Length != Weights.Length)
        {
            throw new ArgumentException($"Expected {Weights.Length} features, got {features.Length}.", nameof(features));
        }

        double s = Bias;
        for (int j = 0; j < Weights.Length; j++)
        {
            s += Weights[j] * features[j];
        }

        return s;
    }

    /// <summary>The fraction of rows of <paramref name="features"/> [n, d] whose sign of <see cref="Score"/> matches <paramref name="labels"/>.</summary>
    /// <param name="features">[n, d] row-major.</param>
    /// <param name="labels">n labels.</param>
    public double Accuracy(double[] features, bool[] labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        int d = Weights.Length;
        int correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (Score(features.AsSpan(i * d, d)) > 0 == labels[i])
            {
                correct++;
            }
        }

        return labels.Length == 0 ? 0 : (double)correct / labels.Length;
    }
}

/// <summary>Fits <see cref="LogisticModel"/> values with Newton's method.</summary>
public static class LogisticRegression
{
    /// <summary>
    /// Fits an L2-regularised logistic regression (the intercept is not penalised). Deterministic: no randomness.
    /// </summary>
    /// <param name="features">[n, d] row-major feature rows.</param>
    /// <param name="labels">n labels; both classes must occur.</param>
    /// <param name="l2">Penalty strength, &gt; 0 (keeps the fit finite on separable data); the default is 1e-2.</param>
    /// <param name="maxIterations">Newton iterations at most; the default is 50.</param>
    /// <param name="tolerance">Stop when the gradient's largest entry is below this; the default is 1e-8.</param>
    /// <exception cref="ArgumentException">Sizes disagree, a class is missing, or l2 is not positive.</exception>
    public static LogisticModel Fit(double[] features, bool[] labels, double l2 = 1e-2, int maxIterations = 50, double tolerance = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        int n = labels.Length;
        if (n == 0 || features.Length % n != 0)
        {
            throw new ArgumentException($"{features.Length} feature values do not make {n} rows.", nameof(features));
        }

        if (!labels.Contains(true) || !labels.Contains(false))
        {
            throw new ArgumentException("Both positive and negative examples are needed.", nameof(labels));
        }

        if (!(l2 > 0) || double.IsInfinity(l2))
        {
            throw new ArgumentException($"l2 {l2} must be a positive finite number.", nameof(l2));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        int d = features.Length / n;
        int p = d + 1;                       // parameters: d weights, then the bias
        var theta = new double[p];
        double loss = Loss(features, labels, theta, l2);
        bool converged = false;
        int iteration = 0;
        while (iteration < maxIterations)
        {
            iteration++;
            (double[] gradient, double[] hessian) = Derivatives(features, labels, theta, l2);
            if (gradient.Max(Math.Abs) < tolerance)
            {
                converged = true;
                break;
            }

            double[] step = Cholesky.Solve(hessian, gradient, p);
            // Backtracking keeps every step a descent step (Newton alone can overshoot far from the optimum).
            double t = 1;
            double[] candidate = new double[p];
            double candidateLoss;
            do
            {
                for (int j = 0; j < p; j++)
                {
                    candidate[j] = theta[j] - t * step[j];
                }

                candidateLoss = Loss(features, labels, candidate, l2);
                t /= 2;
            }
            while (candidateLoss > loss && t > 1e-10);

            if (candidateLoss > loss)
            {
                converged = true; // no descent possible within floating-point precision: at the optimum
                break;
            }

            theta = candidate;
            loss = candidateLoss;
        }

        return new LogisticModel(theta[..d], theta[d], iteration, converged);
    }

    private static double Loss(double[] x, bool[] y, double[] theta, double l2)
    {
        int n = y.Length;
        int d = theta.Length - 1;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double margin = (y[i] ? 1 : -1) * Linear(x, i, d, theta);
            sum += margin > 0 ? Math.Log(1 + Math.Exp(-margin)) : -margin + Math.Log(1 + Math.Exp(margin)); // log(1+e^-m), stable
        }

        double penalty = 0;
        for (int j = 0; j < d; j++)
        {
            penalty += theta[j] * theta[j];
        }

        return sum / n + 0.5 * l2 * penalty;
    }

    private static (double[] Gradient, double[] Hessian) Derivatives(double[] x, bool[] y, double[] theta, double l2)
    {
        int n = y.Length;
        int d = theta.Length - 1;
        int p = d + 1;
        var g = new double[p];
        var h = new double[p * p];
        var row = new double[p];
        row[d] = 1;
        for (int i = 0; i < n; i++)
        {
            x.AsSpan(i * d, d).CopyTo(row);
            double prob = 1 / (1 + Math.Exp(-Linear(x, i, d, theta)));
            double residual = prob - (y[i] ? 1 : 0);
            double weight = prob * (1 - prob);
            for (int a = 0; a < p; a++)
            {
                g[a] += residual * row[a];
                double wa = weight * row[a];
                for (int b = a; b < p; b++)
                {
                    h[a * p + b] += wa * row[b];
                }
            }
        }

        for (int a = 0; a < p; a++)
        {
            g[a] /= n;
            for (int b = a; b < p; b++)
            {
                h[a * p + b] /= n;
                h[b * p + a] = h[a * p + b];
            }
        }

        for (int j = 0; j < d; j++)
        {
            g[j] += l2 * theta[j];
            h[j * p + j] += l2;
        }

        h[d * p + d] += 1e-10; // the unpenalised intercept: keep the system positive definite
        return (g, h);
    }

    private static double Linear(double[] x, int i, int d, double[] theta)
    {
        double s = theta[d];
        ReadOnlySpan<double> r = x.AsSpan(i * d, d);
        for (int j = 0; j < d; j++)
        {
            s += theta[j] * r[j];
        }

        return s;
    }

    private static class Cholesky
    {
        // Solves A s = g for a symmetric positive definite p x p matrix A (row-major), by A = L L^T.
        public static double[] Solve(double[] a, double[] g, int p)
        {
            var l = new double[p * p];
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    double s = a[i * p + j];
                    for (int k = 0; k < j; k++)
                    {
                        s -= l[i * p + k] * l[j * p + k];
                    }

                    l[i * p + j] = i == j ? Math.Sqrt(Math.Max(s, 1e-300)) : s / l[j * p + j];
                }
            }

            var z = new double[p];
            for (int i = 0; i < p; i++)
            {
                double s = g[i];
                for (int k = 0; k < i; k++)
                {
                    s -= l[i * p + k] * z[k];
                }

                z[i] = s / l[i * p + i];
            }

            var result = new double[p];
            for (int i = p - 1; i >= 0; i--)
            {
                double s = z[i];
                for (int k = i + 1; k < p; k++)
                {
                    s -= l[k * p + i] * result[k];
                }

                result[i] = s / l[i * p + i];
            }

            return result;
        }
    }
}

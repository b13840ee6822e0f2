// LinearSvm: one-vs-rest L2-regularised squared-hinge linear SVM, scikit-learn LinearSVC's objective
// (loss="squared_hinge", penalty="l2", multi_class="ovr", fit_intercept=True, intercept_scaling=1), the classifier
// of the paper's section 5. For every class k, with y_ik = +1 for the class and -1 for the rest:
//   minimise over w_k [D], b_k:  0.5 (||w_k||^2 + b_k^2) + C * sum_i max(0, 1 - y_ik (x_i w_k + b_k))^2
// The intercept IS penalised, exactly as in LinearSVC / LIBLINEAR (the bias is the weight of an extra constant
// feature of value 1); results therefore differ slightly from an unpenalised intercept when C is small.
//
// Solvers (LinearClassifierOptions.SvmSolver):
// - DualCoordinateDescent (default): LIBLINEAR's dual coordinate descent with shrinking (DualCoordinateDescent.cs),
//   the solver LinearSVC uses with dual=True; managed float arrays, the K binary problems in parallel.
//   DualTolerance is LIBLINEAR's eps on the dual projected-gradient spread (default 0.1, LIBLINEAR's default),
//   MaxIterations caps the epochs of each binary problem.
// - Lbfgs: the shared full-batch L-BFGS on the same (penalised-intercept) objective. Slow to converge on large
//   problems: the squared hinge is only once differentiable, and in float32 the gradient stalls above the
//   tolerance; kept for small problems and as a cross-check of the dual solver.

using Dcgan.Native;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>
/// One-vs-rest linear SVM with squared hinge loss and L2 penalty, equivalent to scikit-learn's
/// <c>LinearSVC(loss="squared_hinge", penalty="l2", intercept_scaling=1)</c>: the intercept is penalised like a
/// weight. Trained by default with LIBLINEAR's dual coordinate descent (<see cref="LinearClassifierOptions.SvmSolver"/>).
/// The predicted class has the largest decision value.
/// </summary>
public sealed class LinearSvm : LinearClassifier
{
    private double[][]? _alpha;

    /// <summary>Creates an unfitted SVM.</summary>
    /// <param name="options">Regularization and optimizer settings; <see langword="null"/> uses the defaults. Copied.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    public LinearSvm(LinearClassifierOptions? options = null)
        : base(options)
    {
        TorchRuntime.EnsureLoaded();
    }

    /// <summary>
    /// The largest dual projected-gradient spread (max PG - min PG, LIBLINEAR's stopping measure) over the
    /// one-vs-rest problems at the end of the last dual fit; <see cref="double.NaN"/> after an L-BFGS fit.
    /// </summary>
    public double FinalProjectedGradientSpread { get; private set; } = double.NaN;

    /// <inheritdoc />
    private protected override bool PenalizesIntercept => true;

    /// <inheritdoc />
    private protected override FitOutcome FitCore(FeatureMatrix features, IReadOnlyList<int> labels, int classCount, LinearClassifier? warmStart)
    {
        LinearClassifierOptions options = Options;
        if (options.SvmSolver == SvmSolver.Lbfgs)
        {
            _alpha = null;
            FinalProjectedGradientSpread = double.NaN;
            return FitLbfgs(features, labels, classCount, warmStart);
        }

        int n = features.Rows;
        int d = features.Columns;
        float[] x = features.Values;
        var squaredNorms = new double[n];
        for (int i = 0; i < n; i++)
        {
            squaredNorms[i] = DualCoordinateDescent.Dot(features.Row(i), features.Row(i));
        }

        // Warm start from the dual variables of a previous dual fit (any start with a >= 0 is valid: w is
        // recomputed from a; on a C path the previous a is close, and for a refit on train + validation the
        // training rows come first).
        double[][]? start = (warmStart as LinearSvm)?._alpha;
        var results = new DualCdResult[classCount];
        Parallel.For(
            0, classCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = FitCancellation },
            k => results[k] = DualCoordinateDescent.Solve(
                x, n, d, squaredNorms, i => labels[i] == k, options.C, options.DualTolerance, options.MaxIterations,
                unchecked((SeededRandom.ToInt32(options.Seed) * 1_000_003) + k), start?[k], FitCancellation)); // Parallel rethrows its token's cancellation unwrapped

        var weights = new float[d * classCount];
        var bias = new float[classCount];
        for (int k = 0; k < classCount; k++)
        {
            for (int j = 0; j < d; j++)
            {
                weights[j * classCount + k] = results[k].Weights[j];
            }

            bias[k] = (float)results[k].Bias;
        }

        _alpha = results.Select(r => r.Alpha).ToArray();
        FinalProjectedGradientSpread = results.Max(r => r.ProjectedGradientSpread);
        (double objective, double gradientMaxAbs) = ScaledPrimal(features, labels, weights, bias, classCount, options.C);
        return new FitOutcome(
            weights, bias, results.Max(r => r.Epochs), 0, results.All(r => r.Converged), gradientMaxAbs, objective);
    }

    /// <inheritdoc />
    private protected override (Tensor LossSum, Tensor Gradient) LossAndGradient(Tensor decisions, Tensor oneHot)
    {
        Tensor signs = oneHot.mul(Scalars.Constant(2L)).sub(Scalars.Constant(1L));                                // [n, K] +1 for the class, -1 for the rest
        Tensor slack = signs.mul(decisions).negative().add(Scalars.One, Scalars.One).clamp_min(Scalars.Constant(0L));          // [n, K]
        Tensor loss = slack.square().sum();                              // []
        Tensor gradient = signs.mul(Scalars.Constant(-2L)).mul(slack);                         // [n, K]
        return (loss, gradient);
    }

    /// <summary>
    /// The scaled primal objective <c>(0.5 (||W||^2 + ||b||^2) + C sum sqhinge) / (C n)</c> summed over the classes,
    /// and the max-abs component of its gradient (the L-BFGS solver's measure), in float64.
    /// </summary>
    private static (double Objective, double GradientMaxAbs) ScaledPrimal(
        FeatureMatrix features, IReadOnlyList<int> labels, float[] weights, float[] bias, int classCount, double c)
    {
        int n = features.Rows;
        int d = features.Columns;
        double scale = 1.0 / (c * n);
        var objective = new double[classCount];
        var gradientMax = new double[classCount];
        Parallel.For(0, classCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            var w = new float[d];
            for (int j = 0; j < d; j++)
            {
                w[j] = weights[j * classCount + k];
            }

            var gradient = new double[d];
            double gradientBias = 0;
            double lossSum = 0;
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<float> row = features.Row(i);
                int y = labels[i] == k ? 1 : -1;
                double slack = Math.Max(0, 1 - y * (DualCoordinateDescent.Dot(w, row) + bias[k]));
                if (slack > 0)
                {
                    lossSum += slack * slack;
                    double coefficient = -2.0 * y * slack / n;
                    for (int j = 0; j < d; j++)
                    {
                        gradient[j] += coefficient * row[j];
                    }

                    gradientBias += coefficient;
                }
            }

            double norm = (double)bias[k] * bias[k];
            double max = Math.Abs(gradientBias + scale * bias[k]);
            for (int j = 0; j < d; j++)
            {
                norm += (double)w[j] * w[j];
                max = Math.Max(max, Math.Abs(gradient[j] + scale * w[j]));
            }

            objective[k] = 0.5 * scale * norm + lossSum / n;
            gradientMax[k] = max;
        });
        return (objective.Sum(), gradientMax.Max());
    }
}

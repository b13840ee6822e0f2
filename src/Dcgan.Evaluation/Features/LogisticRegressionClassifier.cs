// LogisticRegressionClassifier: the one logistic regression of the research package. Multinomial (softmax) logistic
// regression with an L2 penalty, scikit-learn's LogisticRegression(multi_class="multinomial", penalty="l2",
// solver="lbfgs") objective:
//   minimise over W [D, K], b [K]:  0.5 ||W||^2 + C * sum_i -log softmax(x_i W + b)_{y_i}
// The intercept is not penalised (as in scikit-learn's lbfgs solver).
//
// The binary case (forgetting's concept probe) is the same model with K = 2 (FitBinary): only the differences
// w = W[:, 1] - W[:, 0] and b = b_1 - b_0 are identified, P(y = 1 | x) = sigmoid(w . x + b), and at the optimum
// W[:, 0] = -W[:, 1], so the penalty 0.5 ||W||^2 = 0.25 ||w||^2. With C = 1 / (2 n l2) the fit therefore minimises
//   mean_i log(1 + exp(-s_i (w . x_i + b))) + (l2 / 2) ||w||^2,   s_i = +1 / -1,
// the binary L2-regularised logistic regression with an unpenalised intercept.

using Dcgan.Native;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>
/// Multinomial logistic regression with L2 penalty (scikit-learn-like C, unpenalised intercept), trained with
/// full-batch L-BFGS. Two classes give binary logistic regression.
/// </summary>
public sealed class LogisticRegressionClassifier : LinearClassifier
{
    /// <summary>Creates an unfitted classifier.</summary>
    /// <param name="options">Regularization and optimizer settings; <see langword="null"/> uses the defaults. Copied.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    public LogisticRegressionClassifier(LinearClassifierOptions? options = null)
        : base(options)
    {
        TorchRuntime.EnsureLoaded();
    }

    /// <summary>
    /// Fits the binary regression <c>P(y = 1 | x) = sigmoid(w . x + b)</c> minimising the mean log-loss plus
    /// <c>(l2 / 2) ||w||^2</c> (intercept unpenalised) as the two-class model with <c>C = 1 / (2 n l2)</c>, in
    /// double precision, to a gradient max-abs of <paramref name="tolerance"/>.
    /// </summary>
    /// <param name="features">n x D rows (standardise them first).</param>
    /// <param name="labels">n labels; both values must occur.</param>
    /// <param name="l2">Penalty strength, positive and finite.</param>
    /// <param name="tolerance">Stop when every gradient component is at most this in absolute value.</param>
    /// <param name="cancellationToken">Checked before every L-BFGS iteration.</param>
    internal static BinaryLogisticFit FitBinary(FeatureMatrix features, IReadOnlyList<bool> labels, double l2, double tolerance = 1e-8,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        double c = 1.0 / (2.0 * features.Rows * l2);
        if (!(l2 > 0) || !double.IsFinite(c))
        {
            throw new ArgumentException($"l2 = {l2} with {features.Rows} rows gives C = {c}; l2 must be positive and not so small that C overflows.", nameof(l2));
        }

        int[] y = labels.Select(l => l ? 1 : 0).ToArray();
        var classifier = new LogisticRegressionClassifier(new LinearClassifierOptions { C = c, Tolerance = tolerance, DoublePrecision = true });
        classifier.Fit(features, y, classCount: 2, cancellationToken);
        float[] w = classifier.Weights;                                      // [D, 2] row-major
        float[] b = classifier.Bias;                                         // [2]
        double[] weights = Enumerable.Range(0, features.Columns).Select(j => (double)w[(j * 2) + 1] - w[j * 2]).ToArray();
        return new BinaryLogisticFit(weights, (double)b[1] - b[0], classifier.Iterations, classifier.Converged, classifier.Score(features, y));
    }

    /// <inheritdoc />
    private protected override (Tensor LossSum, Tensor Gradient) LossAndGradient(Tensor decisions, Tensor oneHot)
    {
        Tensor logProbabilities = decisions.log_softmax(1);              // [n, K]
        Tensor loss = -(oneHot * logProbabilities).sum();                // []
        Tensor gradient = logProbabilities.exp() - oneHot;               // [n, K]
        return (loss, gradient);
    }
}

// LogisticRegressionClassifier: multinomial (softmax) logistic regression with an L2 penalty, scikit-learn's
// LogisticRegression(multi_class="multinomial", penalty="l2", solver="lbfgs") objective:
//   minimise over W [D, K], b [K]:  0.5 ||W||^2 + C * sum_i -log softmax(x_i W + b)_{y_i}
// The intercept is not penalised (as in scikit-learn's lbfgs solver).

using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>
/// Multinomial logistic regression with L2 penalty (scikit-learn-like C, unpenalised intercept), trained with
/// full-batch L-BFGS.
/// </summary>
public sealed class LogisticRegressionClassifier : LinearClassifier
{
    /// <summary>Creates an unfitted classifier.</summary>
    /// <param name="options">Regularization and optimizer settings; <see langword="null"/> uses the defaults. Copied.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public LogisticRegressionClassifier(LinearClassifierOptions? options = null)
        : base(options)
    {
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

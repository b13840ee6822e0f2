// LinearSvm: one-vs-rest L2-regularised squared-hinge linear SVM (scikit-learn LinearSVC's primal objective,
// loss="squared_hinge", penalty="l2"), the classifier of the paper's section 5. All K binary problems are
// solved together (their objectives are independent sums, so the joint minimiser is each one's minimiser):
//   minimise over W [D, K], b [K]:  0.5 ||W||^2 + C * sum_i sum_k max(0, 1 - y_ik (x_i W_k + b_k))^2,  y_ik = +-1
// Difference from LinearSVC: the intercept is NOT penalised (LinearSVC penalises it as an extra feature of
// value intercept_scaling = 1), so results differ slightly when C is small.

using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>
/// One-vs-rest linear SVM with squared hinge loss and L2 penalty (LinearSVC-equivalent objective with an
/// unpenalised intercept), trained with full-batch L-BFGS. The predicted class has the largest decision value.
/// </summary>
public sealed class LinearSvm : LinearClassifier
{
    /// <summary>Creates an unfitted SVM.</summary>
    /// <param name="options">Regularization and optimizer settings; <see langword="null"/> uses the defaults. Copied.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public LinearSvm(LinearClassifierOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc />
    private protected override (Tensor LossSum, Tensor Gradient) LossAndGradient(Tensor decisions, Tensor oneHot)
    {
        Tensor signs = oneHot * 2 - 1;                                   // [n, K] +1 for the class, -1 for the rest
        Tensor slack = (1 - signs * decisions).clamp_min(0);             // [n, K]
        Tensor loss = slack.square().sum();                              // []
        Tensor gradient = -2 * signs * slack;                            // [n, K]
        return (loss, gradient);
    }
}

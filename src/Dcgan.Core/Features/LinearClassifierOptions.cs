using TorchSharp;

namespace Dcgan.Features;

/// <summary>Regularization and optimizer settings of <see cref="LinearSvm"/> and <see cref="LogisticRegressionClassifier"/>.</summary>
public sealed class LinearClassifierOptions
{
    /// <summary>
    /// Inverse regularization strength, as in scikit-learn: the objective is
    /// <c>0.5 * ||W||^2 + C * sum of per-example losses</c>. Larger C fits the training data more closely.
    /// </summary>
    /// <value>The default value is 1.0.</value>
    public double C { get; set; } = 1.0;

    /// <summary>
    /// Convergence tolerance: the fit stops when every component of the gradient of the objective divided by
    /// <c>C * n</c> (that is, of the mean loss plus <c>||W||^2 / (2 C n)</c>) is at most this in absolute value
    /// (scikit-learn's lbfgs criterion on the same scaled objective).
    /// </summary>
    /// <value>The default value is 1e-4.</value>
    public double Tolerance { get; set; } = 1e-4;

    /// <summary>Maximum number of L-BFGS iterations.</summary>
    /// <value>The default value is 1000.</value>
    public int MaxIterations { get; set; } = 1000;

    /// <summary>Number of curvature pairs L-BFGS keeps.</summary>
    /// <value>The default value is 10.</value>
    public int HistorySize { get; set; } = 10;

    /// <summary>
    /// Whether the features are held and multiplied in float64 rather than float32 (twice the memory; for small
    /// problems that need a very precise optimum). The objective is always accumulated in float64.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool DoublePrecision { get; set; }

    /// <summary>Device the fit runs on; <see langword="null"/> means the CPU.</summary>
    /// <value>The default value is <see langword="null"/> (CPU).</value>
    public torch.Device? Device { get; set; }

    /// <summary>A copy of these options.</summary>
    public LinearClassifierOptions Clone() => (LinearClassifierOptions)MemberwiseClone();

    internal void Validate()
    {
        if (!(C > 0) || double.IsInfinity(C))
        {
            throw new ArgumentException($"C must be a positive finite number, got {C}.", nameof(C));
        }

        if (!(Tolerance > 0))
        {
            throw new ArgumentException($"Tolerance must be positive, got {Tolerance}.", nameof(Tolerance));
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentException($"MaxIterations must be at least 1, got {MaxIterations}.", nameof(MaxIterations));
        }

        if (HistorySize < 1)
        {
            throw new ArgumentException($"HistorySize must be at least 1, got {HistorySize}.", nameof(HistorySize));
        }
    }
}

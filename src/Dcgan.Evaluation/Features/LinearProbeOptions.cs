using TorchSharp;

namespace Dcgan.Features;

/// <summary>Which linear classifier <see cref="LinearProbe"/> trains.</summary>
public enum ProbeClassifier
{
    /// <summary>One-vs-rest squared-hinge L2-SVM (<see cref="LinearSvm"/>), the paper's classifier.</summary>
    LinearSvm,

    /// <summary>Multinomial logistic regression (<see cref="LogisticRegressionClassifier"/>).</summary>
    LogisticRegression,
}

/// <summary>Settings of <see cref="LinearProbe"/>.</summary>
public sealed class LinearProbeOptions
{
    /// <summary>The classifier to train.</summary>
    /// <value>The default value is <see cref="ProbeClassifier.LinearSvm"/>.</value>
    public ProbeClassifier Classifier { get; set; } = ProbeClassifier.LinearSvm;

    /// <summary>Candidate values of C; the one with the best validation accuracy wins (ties: the smaller C).</summary>
    /// <value>The default value is { 0.001, 0.01, 0.1, 1, 10 }.</value>
    public IReadOnlyList<double> CGrid { get; set; } = [0.001, 0.01, 0.1, 1, 10];

    /// <summary>
    /// Share of the training rows held out for choosing C when no explicit validation set is given
    /// (a seeded random split).
    /// </summary>
    /// <value>The default value is 0.2.</value>
    public double ValidationFraction { get; set; } = 0.2;

    /// <summary>Seed of the train/validation split (only used when no validation set is given).</summary>
    /// <value>The default value is 0.</value>
    public int Seed { get; set; }

    /// <summary>Convergence tolerance of every fit (see <see cref="LinearClassifierOptions.Tolerance"/>).</summary>
    /// <value>The default value is 1e-4.</value>
    public double Tolerance { get; set; } = 1e-4;

    /// <summary>Tolerance of the dual SVM solver (see <see cref="LinearClassifierOptions.DualTolerance"/>).</summary>
    /// <value>The default value is 0.1.</value>
    public double DualTolerance { get; set; } = 0.1;

    /// <summary>
    /// Whether the chosen C is refitted on training and validation rows together (full-label probe), or the
    /// classifier fitted on the training rows is kept (low-label probe: validation labels only choose C).
    /// </summary>
    /// <value>The default value is true.</value>
    public bool RefitOnTrainAndValidation { get; set; } = true;

    /// <summary>Maximum L-BFGS iterations (or dual SVM epochs, see <see cref="LinearClassifierOptions.MaxIterations"/>) of every fit.</summary>
    /// <value>The default value is 1000.</value>
    public int MaxIterations { get; set; } = 1000;

    /// <summary>Device the fits run on; <see langword="null"/> means the CPU.</summary>
    /// <value>The default value is <see langword="null"/> (CPU).</value>
    public torch.Device? Device { get; set; }
}

// LinearClassifierOptions: regularization and solver settings of the linear classifiers (LinearSvm,
// LogisticRegressionClassifier); limits are the DataAnnotations, checked by LinearClassifierOptionsValidator.
using System.ComponentModel.DataAnnotations;
using Dcgan.Native;

namespace Dcgan.Features;

/// <summary>Regularization and optimizer settings of <see cref="LinearSvm"/> and <see cref="LogisticRegressionClassifier"/>.</summary>
public sealed class LinearClassifierOptions
{
    /// <summary>
    /// Inverse regularization strength, as in scikit-learn: the objective is
    /// <c>0.5 * ||W||^2 + C * sum of per-example losses</c>. Larger C fits the training data more closely.
    /// </summary>
    /// <value>The default value is 1.0.</value>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double C { get; set; } = 1.0;

    /// <summary>
    /// Convergence tolerance. L-BFGS (logistic regression, or <see cref="SvmSolver.Lbfgs"/>): the fit stops when
    /// every component of the gradient of the objective divided by <c>C * n</c> (that is, of the mean loss plus
    /// <c>||W||^2 / (2 C n)</c>) is at most this in absolute value (scikit-learn's lbfgs criterion on the same
    /// scaled objective). Not used by <see cref="SvmSolver.DualCoordinateDescent"/> (see <see cref="DualTolerance"/>).
    /// </summary>
    /// <value>The default value is 1e-4.</value>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double Tolerance { get; set; } = 1e-4;

    /// <summary>
    /// Maximum number of L-BFGS iterations, or of epochs (passes over the examples) of each one-vs-rest problem
    /// for <see cref="SvmSolver.DualCoordinateDescent"/> (scikit-learn LinearSVC's max_iter). Reaching it leaves
    /// <see cref="LinearClassifier.Converged"/> false.
    /// </summary>
    /// <value>The default value is 1000.</value>
    [Range(1, int.MaxValue)]
    public int MaxIterations { get; set; } = 1000;

    /// <summary>
    /// Stopping tolerance of <see cref="SvmSolver.DualCoordinateDescent"/>: LIBLINEAR's <c>eps</c>; each
    /// one-vs-rest problem stops when the spread of the dual projected gradient (max - min over all examples) is
    /// at most this. 0.1 is LIBLINEAR's default for its dual solvers; scikit-learn's LinearSVC passes its
    /// <c>tol=1e-4</c> here instead, which on raw-pixel problems with C of 0.01 or more does not converge within
    /// 1000 epochs (measured: Fashion-MNIST, 8k x 784) while test accuracy does not improve.
    /// </summary>
    /// <value>The default value is 0.1.</value>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double DualTolerance { get; set; } = 0.1;

    /// <summary>The solver <see cref="LinearSvm"/> uses (ignored by logistic regression).</summary>
    /// <value>The default value is <see cref="SvmSolver.DualCoordinateDescent"/>.</value>
    [EnumDataType(typeof(SvmSolver))]
    public SvmSolver SvmSolver { get; set; } = SvmSolver.DualCoordinateDescent;

    /// <summary>
    /// Seed of the random coordinate order of <see cref="SvmSolver.DualCoordinateDescent"/> (one seeded
    /// <see cref="Random"/> per one-vs-rest problem, so results do not depend on thread scheduling). Seeds in int range draw exactly as the int seeds of earlier versions; a seed outside it is folded to 32 bits (low half XOR high half).
    /// </summary>
    /// <value>The default value is 0.</value>
    public long Seed { get; set; }

    /// <summary>Number of curvature pairs L-BFGS keeps.</summary>
    /// <value>The default value is 10.</value>
    [Range(1, int.MaxValue)]
    public int HistorySize { get; set; } = 10;

    /// <summary>
    /// Whether the features are held and multiplied in float64 rather than float32 (twice the memory; for small
    /// problems that need a very precise optimum). The objective is always accumulated in float64.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool DoublePrecision { get; set; }

    /// <summary>Device the fit runs on: "auto", "cpu", "cuda" or "cuda:N" (resolved with <see cref="Dcgan.Native.DeviceSelection.Resolve"/>).</summary>
    /// <value>The default value is "cpu".</value>
    [Required]
    [AvailableDevice]
    public string Device { get; set; } = "cpu";

    /// <summary>A copy of these options.</summary>
    public LinearClassifierOptions Clone() => (LinearClassifierOptions)MemberwiseClone();
}

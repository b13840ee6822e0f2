// LinearProbeOptions: settings of the linear probe (classifier kind, C grid, validation split, solver limits,
// device); limits are the DataAnnotations, checked with the C grid's entries by LinearProbeOptionsValidator.
using System.ComponentModel.DataAnnotations;
using Dcgan.Native;

namespace Dcgan.Features;

/// <summary>Settings of <see cref="LinearProbe"/>.</summary>
public sealed class LinearProbeOptions
{
    /// <summary>The classifier to train.</summary>
    /// <value>The default value is <see cref="ProbeClassifier.LinearSvm"/>.</value>
    [EnumDataType(typeof(ProbeClassifier))]
    public ProbeClassifier Classifier { get; set; } = ProbeClassifier.LinearSvm;

    /// <summary>Candidate values of C; the one with the best validation accuracy wins (ties: the smaller C).</summary>
    /// <value>The default value is { 0.001, 0.01, 0.1, 1, 10 }. At least one value, each positive and finite.</value>
    [Required]
    [MinLength(1)]
    public IReadOnlyList<double> CGrid { get; set; } = [0.001, 0.01, 0.1, 1, 10];

    /// <summary>
    /// Share of the training rows held out for choosing C when no explicit validation set is given
    /// (a seeded random split).
    /// </summary>
    /// <value>The default value is 0.2.</value>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double ValidationFraction { get; set; } = 0.2;

    /// <summary>Seed of the train/validation split (only used when no validation set is given). Seeds in int range draw exactly as the int seeds of earlier versions; a seed outside it is folded to 32 bits (low half XOR high half).</summary>
    /// <value>The default value is 0.</value>
    public long Seed { get; set; }

    /// <summary>Convergence tolerance of every fit (see <see cref="LinearClassifierOptions.Tolerance"/>).</summary>
    /// <value>The default value is 1e-4.</value>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double Tolerance { get; set; } = 1e-4;

    /// <summary>Tolerance of the dual SVM solver (see <see cref="LinearClassifierOptions.DualTolerance"/>).</summary>
    /// <value>The default value is 0.1.</value>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double DualTolerance { get; set; } = 0.1;

    /// <summary>
    /// Whether the chosen C is refitted on training and validation rows together (full-label probe), or the
    /// classifier fitted on the training rows is kept (low-label probe: validation labels only choose C).
    /// </summary>
    /// <value>The default value is true.</value>
    public bool RefitOnTrainAndValidation { get; set; } = true;

    /// <summary>Maximum L-BFGS iterations (or dual SVM epochs, see <see cref="LinearClassifierOptions.MaxIterations"/>) of every fit.</summary>
    /// <value>The default value is 1000.</value>
    [Range(1, int.MaxValue)]
    public int MaxIterations { get; set; } = 1000;

    /// <summary>Device the fits run on: "auto", "cpu", "cuda" or "cuda:N".</summary>
    /// <value>The default value is "cpu".</value>
    [Required]
    [AvailableDevice]
    public string Device { get; set; } = "cpu";
}

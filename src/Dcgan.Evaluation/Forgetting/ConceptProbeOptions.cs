// ConceptProbeOptions: the knobs of the paper's window probe (section 6.3.2). The paper gives no values for the
// regularisation or the negative sampling ratio; the defaults below are this library's choices.
using System.ComponentModel.DataAnnotations;
using Dcgan.Models;

namespace Dcgan.Forgetting;

/// <summary>Options of <see cref="ConceptMapSelector"/>.</summary>
public sealed class ConceptProbeOptions
{
    /// <summary>The generator block to probe (<c>block0</c> ..).</summary>
    /// <value>The default value is null: the second-highest layer, as in the paper.</value>
    public string? Layer { get; set; }

    /// <summary>L2 penalty of the logistic regression on standardised activations (mean loss + l2/2 |w|^2), in [1e-12, 1e12].</summary>
    /// <value>The default value is 0.01.</value>
    [Range(1e-12, 1e12)]
    public double L2 { get; set; } = 1e-2;

    /// <summary>Negatives drawn per positive location, from the same image, outside every box.</summary>
    /// <value>The default value is 1 (balanced classes).</value>
    [Range(1, int.MaxValue)]
    public int NegativesPerPositive { get; set; } = 1;

    /// <summary>Seed of the negative sampling. Seeds in int range draw exactly as the int seeds of earlier versions; a seed outside it is folded to 32 bits (low half XOR high half).</summary>
    /// <value>The default value is 0.</value>
    public long Seed { get; set; }

    /// <summary>Keep at most this many of the positively weighted maps (the largest weights).</summary>
    /// <value>The default value is null: every map with weight &gt; 0 (the paper's rule).</value>
    [Range(1, int.MaxValue)]
    public int? TopK { get; set; }

    /// <summary>Batch-norm statistics used when capturing activations from a generator.</summary>
    /// <value>The default value is <see cref="BatchNormMode.RunningStatistics"/>.</value>
    [EnumDataType(typeof(BatchNormMode))]
    public BatchNormMode BatchNorm { get; set; } = BatchNormMode.RunningStatistics;
}

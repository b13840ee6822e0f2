// ConceptProbeOptions: the knobs of the paper's window probe (section 6.3.2). The paper gives no values for the
// regularisation or the negative sampling ratio; the defaults below are this library's choices.
using Dcgan.Models;

namespace Dcgan.Forgetting;

/// <summary>Options of <see cref="ConceptMapSelector"/>.</summary>
public sealed class ConceptProbeOptions
{
    /// <summary>The generator block to probe (<c>block0</c> ..).</summary>
    /// <value>The default value is null: the second-highest layer, as in the paper.</value>
    public string? Layer { get; set; }

    /// <summary>L2 penalty of the logistic regression on standardised activations (mean loss + l2/2 |w|^2).</summary>
    /// <value>The default value is 0.01.</value>
    public double L2 { get; set; } = 1e-2;

    /// <summary>Negatives drawn per positive location, from the same image, outside every box.</summary>
    /// <value>The default value is 1 (balanced classes).</value>
    public int NegativesPerPositive { get; set; } = 1;

    /// <summary>Seed of the negative sampling.</summary>
    /// <value>The default value is 0.</value>
    public int Seed { get; set; }

    /// <summary>Keep at most this many of the positively weighted maps (the largest weights).</summary>
    /// <value>The default value is null: every map with weight &gt; 0 (the paper's rule).</value>
    public int? TopK { get; set; }

    /// <summary>Batch-norm statistics used when capturing activations from a generator.</summary>
    /// <value>The default value is <see cref="BatchNormMode.RunningStatistics"/>.</value>
    public BatchNormMode BatchNorm { get; set; } = BatchNormMode.RunningStatistics;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!(L2 > 0) || double.IsInfinity(L2))
        {
            throw new ArgumentException($"L2 {L2} must be a positive finite number.");
        }

        if (NegativesPerPositive < 1)
        {
            throw new ArgumentException($"NegativesPerPositive {NegativesPerPositive} must be at least 1.");
        }

        if (TopK is < 1)
        {
            throw new ArgumentException($"TopK {TopK} must be at least 1 (or null for every positive map).");
        }

        if (!Enum.IsDefined(BatchNorm))
        {
            throw new ArgumentException($"BatchNorm {BatchNorm} is not a defined BatchNormMode.");
        }
    }
}

// ConceptProbeResult: what the window probe found: a weight per feature map and the maps to drop.
using Dcgan.Interventions;
using Dcgan.Latent;

namespace Dcgan.Forgetting;

/// <summary>The result of <see cref="ConceptMapSelector"/>: the fitted weights and the maps to drop.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class ConceptProbeResult
{
    /// <summary>The probed block.</summary>
    public required GeneratorLayer Layer { get; init; }

    /// <summary>One logistic-regression weight per feature map, on standardised activations (per standard deviation of the map over the training locations), so weights of different maps are comparable; the sign equals the sign of the weight on raw activations. Maps that never vary get weight 0. Fitted by the research package's one logistic regression (<see cref="Dcgan.Features.LogisticRegressionClassifier"/>, two classes) to a gradient of 1e-8 and stored in single precision (about 7 significant digits).</summary>
    public required IReadOnlyList<double> Weights { get; init; }

    /// <summary>The intercept (standardised space).</summary>
    public required double Bias { get; init; }

    /// <summary>Maps with weight &gt; 0 (the paper's rule), largest weight first, cut to <see cref="ConceptProbeOptions.TopK"/>.</summary>
    public required IReadOnlyList<int> SelectedMaps { get; init; }

    /// <summary>Training locations inside the boxes.</summary>
    public required int Positives { get; init; }

    /// <summary>Training locations sampled outside the boxes.</summary>
    public required int Negatives { get; init; }

    /// <summary>Accuracy of the fitted regression on its own training locations.</summary>
    public required double TrainingAccuracy { get; init; }

    /// <summary>Every map ordered by weight, largest first (ties by index).</summary>
    public IReadOnlyList<int> MapsByWeight =>
        Enumerable.Range(0, Weights.Count).OrderByDescending(m => Weights[m]).ThenBy(m => m).ToArray();
}

// ConceptProbeResult: what the window probe found: a weight per feature map and the maps to drop.
using Dcgan.Interventions;
using Dcgan.Latent;

namespace Dcgan.Forgetting;

/// <summary>The result of <see cref="ConceptMapSelector"/>: the fitted weights and the maps to drop.</summary>
/// <param name="Layer">The probed block.</param>
/// <param name="Weights">
/// One logistic-regression weight per feature map, on standardised activations (per standard deviation of the
/// map over the training locations), so weights of different maps are comparable; the sign equals the sign of
/// the weight on raw activations. Maps that never vary get weight 0. Fitted by the research package's one logistic
/// regression (<see cref="Dcgan.Features.LogisticRegressionClassifier"/>, two classes) to a gradient of 1e-8 and
/// stored in single precision (about 7 significant digits).
/// </param>
/// <param name="Bias">The intercept (standardised space).</param>
/// <param name="SelectedMaps">
/// Maps with weight &gt; 0 (the paper's rule), largest weight first, cut to <see cref="ConceptProbeOptions.TopK"/>.
/// </param>
/// <param name="Positives">Training locations inside the boxes.</param>
/// <param name="Negatives">Training locations sampled outside the boxes.</param>
/// <param name="TrainingAccuracy">Accuracy of the fitted regression on its own training locations.</param>
public sealed record ConceptProbeResult(
    GeneratorLayer Layer,
    IReadOnlyList<double> Weights,
    double Bias,
    IReadOnlyList<int> SelectedMaps,
    int Positives,
    int Negatives,
    double TrainingAccuracy)
{
    /// <summary>Every map ordered by weight, largest first (ties by index).</summary>
    public IReadOnlyList<int> MapsByWeight =>
        Enumerable.Range(0, Weights.Count).OrderByDescending(m => Weights[m]).ThenBy(m => m).ToArray();
}

// ConceptMapSelector: finds the feature maps that fire on a concept, the paper's way (section 6.3.2).
//  1. Capture the chosen block's activations [N, C, h, h] for the samples the boxes were drawn on.
//  2. Map each activation location (row i, column j) to its cell of the image: pixels
//     [j*s, (j+1)*s) x [i*s, (i+1)*s) with s = imageSize / h. A location is POSITIVE when the centre pixel of its
//     cell (j*s + s/2, i*s + s/2) lies inside a box of that sample (or a mask pixel); for boxes, the cell that
//     holds the box's centre pixel is positive too, so a box smaller than a cell still counts.
//  3. NEGATIVES: random locations (seeded) of the same images outside every box, NegativesPerPositive per positive.
//  4. Fit an L2-regularised binary logistic regression (LogisticRegressionClassifier.FitBinary, the research
//     package's one logistic regression) on the C-dimensional activation vectors of those locations, standardised
//     per map (FeatureStandardizer), and keep the maps with weight > 0, largest first.
using Dcgan.Features;
using Dcgan.Interventions;
using Dcgan.Latent;
using Dcgan.Models;
using static TorchSharp.torch;

namespace Dcgan.Forgetting;

/// <summary>
/// Chooses feature maps to drop for a concept from hand-drawn boxes (or masks) on generated samples, with the
/// paper's logistic-regression probe. Feed the result's <see cref="ConceptProbeResult.SelectedMaps"/> to
/// <see cref="FeatureMapDropout"/>.
/// </summary>
public static class ConceptMapSelector
{
    /// <summary>Generates the samples of <paramref name="latent"/>, captures the probed block and fits the probe.</summary>
    /// <param name="generator">The generator, any <see cref="ILayeredGenerator"/> (not changed).</param>
    /// <param name="latent">The latent vectors [N, Z] the boxes were drawn on (row n = sample n); stays the caller's.</param>
    /// <param name="boxes">Boxes in image pixel coordinates; at least one.</param>
    /// <param name="options">Probe options; null means the defaults.</param>
    /// <param name="cancellationToken">Checked before and after capturing the activations and before every solver iteration of the probe. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    /// <exception cref="ArgumentException">Unknown layer, a box outside the image or naming a missing sample (the message names the box and the image size), or no negative locations left.</exception>
    public static ConceptProbeResult Select(ILayeredGenerator generator, Tensor latent, IReadOnlyList<ConceptBox> boxes,
        ConceptProbeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(latent);
        options ??= new ConceptProbeOptions();
        new ConceptProbeOptionsValidator().ThrowIfInvalid(options);
        GeneratorLayer layer = GeneratorLayer.Resolve(generator, options.Layer);
        ValidateBoxes(boxes, layer.ImageSize, (int)latent.shape[0]);
        cancellationToken.ThrowIfCancellationRequested();
        LayerActivations activations = FeatureMapDropout.Capture(generator, latent, layer.Name, options.BatchNorm);
        return Fit(layer, activations, boxes, options, cancellationToken);
    }

    /// <summary>Fits the probe on activations already captured from <paramref name="layer"/> (box labels).</summary>
    /// <param name="layer">The block the activations come from (gives the image size and the scale).</param>
    /// <param name="activations">[N, C, h, h] activations; C and h must match <paramref name="layer"/>.</param>
    /// <param name="boxes">Boxes in image pixel coordinates; at least one.</param>
    /// <param name="options">Probe options; null means the defaults (<see cref="ConceptProbeOptions.Layer"/> is ignored).</param>
    /// <param name="cancellationToken">Checked before every solver iteration of the probe. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    /// <exception cref="ArgumentException">Shapes disagree, a box is outside the image, or no negatives are left.</exception>
    public static ConceptProbeResult Fit(GeneratorLayer layer, LayerActivations activations, IReadOnlyList<ConceptBox> boxes,
        ConceptProbeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(activations);
        CheckShape(layer, activations);
        ValidateBoxes(boxes, layer.ImageSize, activations.Count);
        int h = layer.Size;
        int s = layer.Scale;
        var positive = new bool[activations.Count * h * h]; // [N, h, h]
        for (int n = 0; n < activations.Count; n++)
        {
            ConceptBox[] mine = boxes.Where(b => b.Sample == n).ToArray();
            for (int i = 0; i < h; i++)
            {
                for (int j = 0; j < h; j++)
                {
                    positive[(n * h + i) * h + j] = mine.Any(b => b.Contains(j * s + s / 2, i * s + s / 2));
                }
            }

            foreach (ConceptBox b in mine)
            {
                int cx = (b.X + b.Width / 2) / s; // the cell holding the box's centre pixel
                int cy = (b.Y + b.Height / 2) / s;
                positive[(n * h + cy) * h + cx] = true;
            }
        }

        return FitLabels(layer, activations, positive, options, cancellationToken);
    }

    /// <summary>Fits the probe with pixel masks instead of boxes.</summary>
    /// <param name="layer">The block the activations come from.</param>
    /// <param name="activations">[N, C, h, h] activations matching <paramref name="layer"/>.</param>
    /// <param name="masks">[N, S, S] row-major, S = image size: true where the concept is.</param>
    /// <param name="options">Probe options; null means the defaults.</param>
    /// <param name="cancellationToken">Checked before every solver iteration of the probe. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    /// <exception cref="ArgumentException">Sizes disagree, no mask pixel hits a cell centre, or no negatives are left.</exception>
    public static ConceptProbeResult FitMasks(GeneratorLayer layer, LayerActivations activations, bool[] masks,
        ConceptProbeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(masks);
        CheckShape(layer, activations);
        int size = layer.ImageSize;
        if (masks.Length != activations.Count * size * size)
        {
            throw new ArgumentException(
                $"Expected {activations.Count} masks of {size}x{size} ({activations.Count * size * size} values), got {masks.Length} values.",
                nameof(masks));
        }

        int h = layer.Size;
        int s = layer.Scale;
        var positive = new bool[activations.Count * h * h]; // [N, h, h]
        for (int n = 0; n < activations.Count; n++)
        {
            for (int i = 0; i < h; i++)
            {
                for (int j = 0; j < h; j++)
                {
                    positive[(n * h + i) * h + j] = masks[(n * size + i * s + s / 2) * size + j * s + s / 2];
                }
            }
        }

        return FitLabels(layer, activations, positive, options, cancellationToken);
    }

    private static ConceptProbeResult FitLabels(GeneratorLayer layer, LayerActivations activations, bool[] positive,
        ConceptProbeOptions? options, CancellationToken cancellationToken)
    {
        options ??= new ConceptProbeOptions();
        new ConceptProbeOptionsValidator().ThrowIfInvalid(options);
        int h = layer.Size;
        int area = h * h;
        var rows = new List<(int Sample, int Location, bool Label)>();
        var random = SeededRandom.Create(options.Seed);
        for (int n = 0; n < activations.Count; n++)
        {
            int[] inside = Enumerable.Range(0, area).Where(l => positive[n * area + l]).ToArray();
            if (inside.Length == 0)
            {
                continue; // negatives come only from images that show the concept, as in the paper
            }

            int[] outside = Enumerable.Range(0, area).Where(l => !positive[n * area + l]).ToArray();
            int take = Math.Min(outside.Length, inside.Length * options.NegativesPerPositive);
            for (int k = 0; k < take; k++) // partial Fisher-Yates: the first `take` entries become a random subset
            {
                int pick = random.Next(k, outside.Length);
                (outside[k], outside[pick]) = (outside[pick], outside[k]);
            }

            rows.AddRange(inside.Select(l => (n, l, true)));
            rows.AddRange(outside.Take(take).Select(l => (n, l, false)));
        }

        int positives = rows.Count(r => r.Label);
        int negatives = rows.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException(
                $"The probe needs locations inside and outside the boxes at layer {layer}; got {positives} inside and {negatives} outside.");
        }

        int c = layer.Channels;
        FeatureMatrix x = FeatureMatrix.Zeros(rows.Count, c); // [rows, C]: the activation vector at each chosen location
        for (int r = 0; r < rows.Count; r++)
        {
            (int n, int l, _) = rows[r];
            Span<float> row = x.Row(r);
            for (int ch = 0; ch < c; ch++)
            {
                row[ch] = activations.Values[(n * c + ch) * area + l];
            }
        }

        bool[] y = rows.Select(r => r.Label).ToArray();
        FeatureMatrix standardized = FeatureStandardizer.Fit(x).Transform(x);
        BinaryLogisticFit model = LogisticRegressionClassifier.FitBinary(standardized, y, options.L2, cancellationToken: cancellationToken);
        int[] selected = Enumerable.Range(0, c).Where(m => model.Weights[m] > 0)
            .OrderByDescending(m => model.Weights[m]).ThenBy(m => m)
            .Take(options.TopK ?? c).ToArray();
        return new ConceptProbeResult
        {
            Layer = layer,
            Weights = model.Weights,
            Bias = model.Bias,
            SelectedMaps = selected,
            Positives = positives,
            Negatives = negatives,
            TrainingAccuracy = model.TrainingAccuracy,
        };
    }

    private static void CheckShape(GeneratorLayer layer, LayerActivations activations)
    {
        if (activations.Channels != layer.Channels || activations.Size != layer.Size)
        {
            throw new ArgumentException(
                $"Activations of {activations.Channels} maps of {activations.Size}x{activations.Size} do not come from layer {layer}.",
                nameof(activations));
        }
    }

    private static void ValidateBoxes(IReadOnlyList<ConceptBox> boxes, int imageSize, int sampleCount)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        if (boxes.Count == 0)
        {
            throw new ArgumentException("At least one box is needed.", nameof(boxes));
        }

        foreach (ConceptBox box in boxes)
        {
            ArgumentNullException.ThrowIfNull(box, nameof(boxes));
            box.Validate(imageSize, sampleCount);
        }
    }
}

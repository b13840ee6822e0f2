// LatentWalkStatistics: evaluation protocol section E, first bullet. Random pairs of latent vectors, walks of S steps
// between them in lerp and slerp, and along each walk: the norm of z, the classifier's confidence, the Frechet
// distance of the images at each position to the real images, and the jump statistic (max step / median step in
// the classifier's feature space; sharp jumps would suggest memorization, the paper's concern).
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using TorchSharp;

namespace Dcgan.Evaluation;

/// <summary>Statistics of latent walks between random pairs of latent vectors.</summary>
/// <remarks>
/// <para>Pairs: one draw of <c>2 * Pairs</c> vectors from the generator's prior (<see cref="LatentNoise.SampleRows"/>
/// from a CPU generator seeded with <see cref="LatentWalkOptions.Seed"/>); pair i is rows 2i and 2i + 1. Both modes walk the same pairs, so
/// their end positions (t = 0 and t = 1) hold the same images and the same numbers.</para>
/// <para>Images are generated with batch-norm running statistics (eval mode), like the rest of the evaluation, and
/// brought to the classifier's input size (<see cref="ImageClassifierExtensions.FitInput"/>). Work proceeds in batches
/// of <see cref="LatentWalkOptions.PairsPerBatch"/> pairs; only the classifier features (one row per image) are kept.</para>
/// </remarks>
public static class LatentWalkStatistics
{
    /// <summary>Computes the walk statistics for linear and spherical interpolation.</summary>
    /// <param name="generator">The generator; left unchanged.</param>
    /// <param name="classifier">The classifier whose features and confidences are measured (normally the <see cref="EvaluationClassifier"/>).</param>
    /// <param name="reference">Gaussian statistics of the classifier's features of the real reference images (normally the 10k test images).</param>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults (1,000 pairs, 9 steps, seed 1).</param>
    /// <param name="progress">
    /// Receives a report after every batch of pairs: stage "linear walks", then "spherical walks"; or <see langword="null"/>.
    /// The default value is <see langword="null"/>.
    /// </param>
    /// <param name="cancellationToken">Checked before every batch. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>The statistics, as managed values.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    /// <exception cref="ArgumentException">Images the classifier cannot take, or a reference of another feature dimension.</exception>
    public static LatentWalkResult Compute(IGenerator generator, IImageClassifier classifier, GaussianStatistics reference, LatentWalkOptions? options = null,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(reference);
        options ??= new LatentWalkOptions();
        new LatentWalkOptionsValidator().ThrowIfInvalid(options);

        float[][] latents;
        using (var rng = new torch.Generator(unchecked((ulong)options.Seed), torch.CPU))
        {
            latents = LatentNoise.SampleRows(2 * options.Pairs, generator.LatentDimension, generator.LatentDistribution, rng);
        }

        double endpointNorm = latents.Average(z => LatentVectors.Norm(z));
        double[] positions = Enumerable.Range(0, options.Steps + 1).Select(i => (double)i / options.Steps).ToArray();
        LatentWalkModeResult linear = Walk(generator, classifier, reference, latents, LatentInterpolationMode.Linear, options, progress, cancellationToken);
        LatentWalkModeResult spherical = Walk(generator, classifier, reference, latents, LatentInterpolationMode.Spherical, options, progress, cancellationToken);
        return new LatentWalkResult
        {
            Pairs = options.Pairs,
            Steps = options.Steps,
            Positions = positions,
            EndpointNorm = endpointNorm,
            Linear = linear,
            Spherical = spherical,
            Options = options,
        };
    }

    private static LatentWalkModeResult Walk(IGenerator generator, IImageClassifier classifier, GaussianStatistics reference,
        float[][] latents, LatentInterpolationMode mode, LatentWalkOptions options,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        string stage = mode == LatentInterpolationMode.Linear ? "linear walks" : "spherical walks";
        int batches = (options.Pairs + options.PairsPerBatch - 1) / options.PairsPerBatch;
        int pairs = options.Pairs;
        int points = options.Steps + 1;
        var norms = new double[points];
        var confidence = new double[points];
        var jumps = new double[pairs];
        double midpointNorm = 0;
        PositionFeatures? features = null;
        for (int start = 0; start < pairs; start += options.PairsPerBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(options.PairsPerBatch, pairs - start);
            var walks = new float[count * points][];                          // pair-major: row k * points + i is point i of pair start + k
            for (int k = 0; k < count; k++)
            {
                float[] from = latents[2 * (start + k)];
                float[] to = latents[2 * (start + k) + 1];
                try
                {
                    LatentInterpolation.Path(from, to, options.Steps, mode).CopyTo(walks, k * points);
                    midpointNorm += LatentVectors.Norm(LatentInterpolation.Interpolate(from, to, 0.5, mode));
                }
                catch (ArgumentException e)
                {
                    // Only slerp can fail here (antipodal endpoints: in practice only for 1-d latents).
                    throw new ArgumentException($"Latent walk pair {start + k} ({mode}): {e.Message}", e);
                }
            }

            ImageBatch images = classifier.FitInput(generator.Render(walks, BatchNormMode.RunningStatistics));
            FeatureMatrix batchFeatures = classifier.Features(images);
            ClassDecision[] decisions = classifier.Decide(images);
            features ??= new PositionFeatures(points, pairs, batchFeatures.Columns);
            for (int k = 0; k < count; k++)
            {
                jumps[start + k] = JumpStatistic.Of(batchFeatures.Slice(k * points, points));
                for (int i = 0; i < points; i++)
                {
                    int row = k * points + i;
                    norms[i] += LatentVectors.Norm(walks[row]);
                    confidence[i] += decisions[row].Confidence;
                    features.Set(i, start + k, batchFeatures.Row(row));
                }
            }

            progress?.Report(new EvaluationProgress { Stage = stage, Completed = start / options.PairsPerBatch + 1, Total = batches });
        }

        double[] distances = Enumerable.Range(0, points)
            .Select(i => FrechetDistance.Compute(GaussianStatistics.FromFeatures(features!.At(i)), reference))
            .ToArray();
        return new LatentWalkModeResult
        {
            Mode = mode,
            MidpointNorm = midpointNorm / pairs,
            MeanNorms = norms.Select(s => s / pairs).ToArray(),
            MeanConfidence = confidence.Select(s => s / pairs).ToArray(),
            FrechetDistances = distances,
            Jumps = jumps,
            JumpSummary = JumpStatistic.Summarize(jumps, options.JumpThreshold),
        };
    }

    /// <summary>The classifier features of every pair's image at every path position: one [pairs, D] matrix per position.</summary>
    private sealed class PositionFeatures(int positions, int pairs, int dimension)
    {
        private readonly FeatureMatrix[] _matrices = Enumerable.Range(0, positions).Select(_ => FeatureMatrix.Zeros(pairs, dimension)).ToArray();

        public void Set(int position, int pair, ReadOnlySpan<float> row) => row.CopyTo(_matrices[position].Row(pair));

        public FeatureMatrix At(int position) => _matrices[position];
    }
}

// Deduplicator: the one entry point that finds duplicate groups in a data source by the exact, perceptual or semantic test.
using System.Diagnostics;
using Dcgan.Data;

namespace Dcgan.Deduplication;

/// <summary>
/// Finds groups of (near) duplicate images in any <see cref="IImageDataSource"/>. Images are streamed: memory holds one
/// code per image (16 bytes) and a few images, never the whole set. Pass the result's groups to
/// <see cref="DeduplicatedDataSource"/> to train on one image of each group.
/// </summary>
public static class Deduplicator
{
    /// <summary>Computes every image's code, groups the codes and measures each group's pixel distances.</summary>
    /// <param name="source">The images, at least one (1 or 3 channels for the semantic method).</param>
    /// <param name="options">The method and thresholds; <see langword="null"/> uses the defaults. The default value is <see langword="null"/>.</param>
    /// <param name="progress">Receives the autoencoder's epochs (semantic method only), or <see langword="null"/>. The default value is <see langword="null"/>.</param>
    /// <param name="cancellationToken">
    /// Checked between the phases (hashing, grouping) and, for the semantic method, before every training and encoding
    /// batch. The default value is <see cref="CancellationToken.None"/>.
    /// </param>
    /// <returns>The groups, thresholds and timings.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    /// <exception cref="ArgumentException">The source is empty (or has a channel count the semantic hash does not take).</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    public static DeduplicationReport Find(IImageDataSource source, DeduplicationOptions? options = null, IProgress<SemanticHashEpoch>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new DeduplicationOptions();
        new DeduplicationOptionsValidator().ThrowIfInvalid(options);
        ArgumentNullException.ThrowIfNull(source);
        if (source.Count < 1)
        {
            throw new ArgumentException($"The data source '{source.Description}' has no images; there is nothing to de-duplicate.", nameof(source));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        double trainingSeconds = 0;
        IReadOnlyList<double> losses = [];
        UInt128[] codes;
        int bits;
        int maxDistance;
        switch (options.Method)
        {
            case DeduplicationMethod.Exact:
                (codes, bits, maxDistance) = (ExactImageHash.ComputeAll(source), ExactImageHash.Bits, 0);
                break;
            case DeduplicationMethod.Perceptual:
                (codes, bits, maxDistance) = (PerceptualImageHash.ComputeAll(source), PerceptualImageHash.Bits, options.PerceptualMaxDistance);
                break;
            default:
                using (SemanticHashModel model = SemanticHashModel.Train(source, options.Semantic, progress, cancellationToken))
                {
                    trainingSeconds = clock.Elapsed.TotalSeconds;
                    clock.Restart();
                    losses = model.EpochLosses;
                    (codes, bits, maxDistance) = (model.Encode(source, cancellationToken), model.CodeBits, options.SemanticMaxDistance);
                }

                break;
        }

        cancellationToken.ThrowIfCancellationRequested();
        double hashSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        IReadOnlyList<DuplicateGroup> groups = DuplicateGroups.FromCodes(source, codes, bits, maxDistance);
        return new DeduplicationReport
        {
            Method = options.Method,
            Source = source.Description,
            ImageCount = source.Count,
            CodeBits = bits,
            MaxDistance = maxDistance,
            Groups = groups,
            TrainingSeconds = trainingSeconds,
            HashSeconds = hashSeconds,
            GroupingSeconds = clock.Elapsed.TotalSeconds,
            TrainingLosses = losses,
        };
    }
}

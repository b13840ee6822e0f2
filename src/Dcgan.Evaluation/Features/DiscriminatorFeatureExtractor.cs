// DiscriminatorFeatureExtractor: the paper's section-5 features. Every conv block's activation (after its
// LeakyReLU) is adaptive-max-pooled to g x g, flattened and concatenated:
//   block i: [N, w_i, H_i, W_i] -> pool [N, w_i, g, g] -> flatten [N, w_i*g*g];  concat -> [N, g*g*sum(w_i)]
// with the discriminator in eval mode and its BN layers using exact population statistics of a training set,
// so an image's features never depend on its batch-mates.
//
// The caller's model is not altered: the statistics are computed once (constructor) into managed arrays; each
// call puts them into the BN buffers, runs, and restores the original buffers and train/eval flags in a
// finally block. Not thread-safe with other users of the same model during a call.

using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>
/// Extracts the paper's linear-probe features from any <see cref="IDiscriminator"/>: each selected
/// convolution block's activation adaptive-max-pooled to <c>g x g</c>, flattened, concatenated
/// (<see cref="FeatureDimension"/> = <c>g * g * sum(widths)</c>), computed in eval mode with batch-norm
/// population statistics recomputed over a training set.
/// </summary>
/// <remarks>
/// <para>The discriminator is borrowed, never moved, and left exactly as it was: during
/// <see cref="Extract(IImageDataSource)"/> its BN running buffers temporarily hold the population statistics
/// and it is in eval mode; both are restored before the call returns (also on error). Do not use the model
/// from another thread during a call.</para>
/// <para>The extractor holds no native memory (statistics are managed arrays), so it is not disposable.</para>
/// </remarks>
public sealed class DiscriminatorFeatureExtractor
{
    private readonly IDiscriminator _discriminator;
    private readonly FeatureExtractionOptions _options;
    private readonly int[] _blocks;
    private readonly Device _device;
    private readonly IReadOnlyList<BatchNormStatistics> _statistics;

    /// <summary>
    /// Validates the options and computes the BN population statistics of <paramref name="discriminator"/>
    /// over every image of <paramref name="statisticsSource"/> (one pass over it per BN layer).
    /// </summary>
    /// <param name="discriminator">The (trained or random) discriminator; borrowed, restored after use.</param>
    /// <param name="statisticsSource">Training images for the BN statistics (the paper's "training batches").</param>
    /// <param name="options">Extraction options; <see langword="null"/> uses the defaults. Copied.</param>
    /// <param name="progress">
    /// Receives a report after each BN layer's pass over the source (stage "batch-norm statistics"), or <see langword="null"/>.
    /// The default value is <see langword="null"/>.
    /// </param>
    /// <param name="cancellationToken">Checked before every batch. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled; the discriminator is restored and no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is out of range; the message lists every failure.</exception>
    /// <exception cref="ArgumentException">
    /// The block list does not fit the discriminator, the source's image shape differs from the discriminator's (the message names both),
    /// the source is empty while the model has BN layers, or the requested device is not the model's.
    /// </exception>
    public DiscriminatorFeatureExtractor(
        IDiscriminator discriminator, IImageDataSource statisticsSource, FeatureExtractionOptions? options = null,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(statisticsSource);
        _discriminator = discriminator;
        _options = (options ?? new FeatureExtractionOptions()).Clone();
        _blocks = ValidateOptions(_options, discriminator.FeatureWidths.Count);
        _device = ModelDevice(discriminator, _options.Device);
        CheckShape(statisticsSource, nameof(statisticsSource));
        FeatureDimension = checked(_options.PooledGridSize * _options.PooledGridSize *
            _blocks.Sum(b => discriminator.FeatureWidths[b]));

        BatchNormState state = BatchNormState.Capture(discriminator.Network);
        try
        {
            _statistics = BatchNormPopulation.Compute(discriminator, statisticsSource, _options.BatchSize, _device, progress, cancellationToken);
        }
        finally
        {
            state.Restore();
        }
    }

    /// <summary>Features per image: <c>PooledGridSize^2 * sum(FeatureWidths[b] for b in Blocks)</c>.</summary>
    public int FeatureDimension { get; }

    /// <summary>The block indices used, input side first unless the options gave another order.</summary>
    public IReadOnlyList<int> Blocks => _blocks;

    /// <summary>The BN population statistics used at extraction, one per BN layer in the order the layers run.</summary>
    internal IReadOnlyList<BatchNormStatistics> BatchNormStatistics => _statistics;

    /// <summary>A copy of the options in use.</summary>
    public FeatureExtractionOptions Options => _options.Clone();

    /// <summary>Features of every image of <paramref name="images"/>, one row per image, in order.</summary>
    /// <param name="images">Images of the discriminator's shape.</param>
    /// <returns>A managed <see cref="FeatureMatrix"/> of <c>images.Count x FeatureDimension</c>.</returns>
    /// <exception cref="ArgumentException">The image shape differs from the discriminator's; the message names both.</exception>
    public FeatureMatrix Extract(IImageDataSource images) => Extract(images, CancellationToken.None);

    /// <summary>Features of every image of <paramref name="images"/>, one row per image, in order; cancellable.</summary>
    /// <param name="images">Images of the discriminator's shape.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <returns>A managed <see cref="FeatureMatrix"/> of <c>images.Count x FeatureDimension</c>.</returns>
    /// <exception cref="ArgumentException">The image shape differs from the discriminator's; the message names both.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the discriminator is restored and no tensor stays live.</exception>
    public FeatureMatrix Extract(IImageDataSource images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        return Extract(images, 0, images.Count, cancellationToken);
    }

    /// <summary>Features of images <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1.</summary>
    /// <param name="images">Images of the discriminator's shape.</param>
    /// <param name="start">First image.</param>
    /// <param name="count">Number of images.</param>
    /// <returns>A managed <see cref="FeatureMatrix"/> of <c>count x FeatureDimension</c>.</returns>
    /// <exception cref="ArgumentException">The image shape differs from the discriminator's; the message names both.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the source.</exception>
    public FeatureMatrix Extract(IImageDataSource images, int start, int count) => Extract(images, start, count, CancellationToken.None);

    /// <summary>Features of images <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1, cancellable.</summary>
    /// <param name="images">Images of the discriminator's shape.</param>
    /// <param name="start">First image.</param>
    /// <param name="count">Number of images.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <returns>A managed <see cref="FeatureMatrix"/> of <c>count x FeatureDimension</c>.</returns>
    /// <exception cref="ArgumentException">The image shape differs from the discriminator's; the message names both.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the source.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the discriminator is restored and no tensor stays live.</exception>
    public FeatureMatrix Extract(IImageDataSource images, int start, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        CheckShape(images, nameof(images));
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)start + count, images.Count, nameof(count));

        FeatureMatrix result = FeatureMatrix.Zeros(count, FeatureDimension);
        BatchNormState state = BatchNormState.Capture(_discriminator.Network);
        try
        {
            IReadOnlyList<(string Name, BatchNorm Layer)> layers = BatchNormState.Layers(_discriminator.Network);
            foreach (BatchNormStatistics s in _statistics)
            {
                BatchNormState.Apply(layers.Single(l => l.Name == s.Name).Layer, s);
            }

            _discriminator.Network.eval();
            int batchSize = _options.BatchSize;
            for (int done = 0; done < count; done += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int n = Math.Min(batchSize, count - done);
                using var scope = torch.NewDisposeScope();
                using var noGrad = torch.no_grad();
                Tensor batch = ImageBatchTensors.ToTensor(images.ReadRange(start + done, n), _device); // [B, C, H, W]
                Tensor features = Pool(batch);                                                // [B, F]
                features.data<float>().CopyTo(result.Values.AsSpan(done * FeatureDimension, n * FeatureDimension));
            }
        }
        finally
        {
            state.Restore();
        }

        return result;
    }

    // Images [B, C, H, W] -> features [B, F] (float32, CPU, contiguous).
    private Tensor Pool(Tensor batch)
    {
        int g = _options.PooledGridSize;
        (_, IReadOnlyList<Tensor> activations) = _discriminator.ForwardWithFeatures(batch); // block i: [B, w_i, H_i, W_i]
        var parts = new Tensor[_blocks.Length];
        for (int i = 0; i < _blocks.Length; i++)
        {
            Tensor a = activations[_blocks[i]];                                            // [B, w, H_i, W_i]
            Tensor pooled = nn.functional.adaptive_max_pool2d(a, [g, g]);                  // [B, w, g, g]
            parts[i] = pooled.flatten(1);                                                  // [B, w*g*g]
        }

        Tensor all = torch.cat(parts, dim: 1);                                             // [B, F]
        if (all.shape[1] != FeatureDimension)
        {
            throw new InvalidOperationException(
                $"The pooled features have {all.shape[1]} columns, expected FeatureDimension = {FeatureDimension}; " +
                "the discriminator's activations do not match its FeatureWidths.");
        }

        return all.to(ScalarType.Float32).cpu().contiguous();                              // [B, F]
    }

    private void CheckShape(IImageDataSource source, string parameter)
    {
        if (source.Shape != _discriminator.ImageShape)
        {
            throw new ArgumentException(
                $"The images of '{source.Description}' have shape {source.Shape} (C x H x W) but the discriminator " +
                $"expects {_discriminator.ImageShape}.", parameter);
        }
    }

    private static int[] ValidateOptions(FeatureExtractionOptions o, int blockCount)
    {
        new FeatureExtractionOptionsValidator().ThrowIfInvalid(o);
        int[] blocks = o.Blocks?.ToArray() ?? Enumerable.Range(0, blockCount).ToArray();
        if (blocks.Length == 0 || blocks.Any(b => b < 0 || b >= blockCount) || blocks.Distinct().Count() != blocks.Length)
        {
            throw new ArgumentException(
                $"Blocks must be distinct indices in 0..{blockCount - 1} (the discriminator has {blockCount} blocks), " +
                $"got [{string.Join(", ", blocks)}].", nameof(o.Blocks));
        }

        return blocks;
    }

    private static Device ModelDevice(IDiscriminator discriminator, string? requestedName)
    {
        Parameter? first = discriminator.Network.parameters().FirstOrDefault();
        Device model = first?.device ?? torch.CPU;
        if (requestedName is null)
        {
            return model;
        }

        Device requested = DeviceSelection.Resolve(requestedName);
        if (requested.type != model.type || (requested.index >= 0 && requested.index != model.index))
        {
            throw new ArgumentException(
                $"FeatureExtractionOptions.Device is \"{requestedName}\" ({requested}) but the discriminator is on {model}; the extractor " +
                "does not move the caller's model. Move it first or leave Device null.", nameof(requestedName));
        }

        return model;
    }
}

// GeneratorPool, the operations: images by seed, for given latent vectors, along an interpolation and for latent
// arithmetic. Each validates its arguments (naming the parameter and value), computes latent rows on the caller's
// thread and queues them for the worker.
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Latent;

namespace Dcgan.Serving;

public sealed partial class GeneratorPool
{
    /// <summary>The most exemplars one term of <see cref="IGeneratorPool.ArithmeticAsync"/> may average.</summary>
    /// <value>The default value is 16 (the paper averages 3).</value>
    public const int MaxExemplarsPerTerm = 16;

    /// <inheritdoc />
    public Task<ImageBatch> GenerateAsync(long seed, int count, int firstIndex = 0, CancellationToken cancellationToken = default)
    {
        CheckCount(count, nameof(count), count);
        if (firstIndex < 0 || firstIndex > int.MaxValue - count)
        {
            throw new ArgumentOutOfRangeException(nameof(firstIndex), firstIndex, $"firstIndex = {firstIndex}: expected 0 to {int.MaxValue - count}.");
        }

        return EnqueueAsync((dimension, distribution) => Enumerable.Range(firstIndex, count)
            .Select(i => LatentSeeds.Row(seed, i, dimension, distribution)).ToArray(), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImageBatch> GenerateFromLatentsAsync(IReadOnlyList<float[]> latents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(latents);
        CheckCount(latents.Count, nameof(latents), latents.Count);
        GeneratorModelInfo model = CurrentModel();
        for (int i = 0; i < latents.Count; i++)
        {
            int length = latents[i]?.Length ?? throw new ArgumentException($"Latent vector {i} is null.", nameof(latents));
            if (length != model.LatentDimension)
            {
                throw new ArgumentException(
                    $"Latent dimension mismatch: vector {i} has length {length} but the generator of '{model.Checkpoint}' expects {model.LatentDimension}.", nameof(latents));
            }
        }

        float[][] copy = latents.Select(row => (float[])row.Clone()).ToArray();
        return QueueAsync(new GenerationRequest(copy, model.LatentDimension, model.LatentDistribution, recipe: null, cancellationToken));
    }

    /// <inheritdoc />
    public Task<ImageBatch> InterpolateAsync(LatentPoint from, LatentPoint to, int steps, LatentInterpolationMode mode,
        CancellationToken cancellationToken = default)
    {
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps = {steps}: expected at least 1 interval between the endpoints.");
        }

        CheckCount(steps + 1L, nameof(steps), steps);
        CheckIndex(from.Index, nameof(from));
        CheckIndex(to.Index, nameof(to));
        CheckMode(mode);

        return EnqueueAsync((dimension, distribution) => LatentInterpolation.Path(
            LatentSeeds.Row(from.Seed, from.Index, dimension, distribution),
            LatentSeeds.Row(to.Seed, to.Index, dimension, distribution), steps, mode), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImageBatch> InterpolateAtAsync(LatentPoint from, LatentPoint to, IReadOnlyList<double> fractions, LatentInterpolationMode mode,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fractions);
        CheckCount(fractions.Count, nameof(fractions), fractions.Count);
        CheckIndex(from.Index, nameof(from));
        CheckIndex(to.Index, nameof(to));
        foreach (double t in fractions)
        {
            if (!double.IsFinite(t))
            {
                throw new ArgumentOutOfRangeException(nameof(fractions), t, $"fractions holds {t}: expected finite numbers (0 is 'from', 1 is 'to').");
            }
        }

        CheckMode(mode);

        double[] ts = [.. fractions];
        return EnqueueAsync((dimension, distribution) =>
        {
            float[] start = LatentSeeds.Row(from.Seed, from.Index, dimension, distribution);
            float[] end = LatentSeeds.Row(to.Seed, to.Index, dimension, distribution);
            return ts.Select(t => LatentInterpolation.Interpolate(start, end, t, mode)).ToArray();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImageBatch> ArithmeticAsync(long seed, int gridSize, IReadOnlyList<int> a, IReadOnlyList<int> b, IReadOnlyList<int> c,
        int neighbours = 0, CancellationToken cancellationToken = default)
    {
        if (gridSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(gridSize), gridSize, $"gridSize = {gridSize}: expected at least 1 tile.");
        }

        CheckExemplars(a, nameof(a), seed, gridSize);
        CheckExemplars(b, nameof(b), seed, gridSize);
        CheckExemplars(c, nameof(c), seed, gridSize);
        if (neighbours < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(neighbours), neighbours, $"neighbours = {neighbours}: expected 0 or more.");
        }

        CheckCount(4L + neighbours, nameof(neighbours), neighbours);
        int[] ia = [.. a], ib = [.. b], ic = [.. c];
        return EnqueueAsync((dimension, distribution) =>
        {
            LatentConcept Concept(int[] indices) => LatentConcept.FromExemplars(
                indices.Select(i => LatentSeeds.Row(seed, i, dimension, distribution)).ToArray(), string.Join(",", indices));
            LatentConcept ca = Concept(ia), cb = Concept(ib), cc = Concept(ic);
            float[] result = LatentExpression.Of(ca).Subtract(cb).Add(cc).Evaluate();
            float[][] around = neighbours == 0 ? [] : LatentNeighbours.Jitter(result, neighbours, seed);
            return [ca.Mean, cb.Mean, cc.Mean, result, .. around];
        }, cancellationToken);
    }

    private Task<ImageBatch> EnqueueAsync(Func<int, LatentDistribution, float[][]> recipe, CancellationToken cancellationToken)
    {
        GeneratorModelInfo model = CurrentModel();
        float[][] rows = recipe(model.LatentDimension, model.LatentDistribution);
        return QueueAsync(new GenerationRequest(rows, model.LatentDimension, model.LatentDistribution, recipe, cancellationToken));
    }

    private async Task<ImageBatch> QueueAsync(GenerationRequest request)
    {
        try
        {
            await _queue.Writer.WriteAsync(request, request.CancellationToken).ConfigureAwait(false);
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(GeneratorPool), "The generator pool has been disposed.");
        }

        return await request.Task.ConfigureAwait(false);
    }

    private GeneratorModelInfo CurrentModel()
    {
        ThrowIfNotStarted();
        return _model ?? throw Unavailable();
    }

    private GeneratorUnavailableException Unavailable() => new(string.IsNullOrWhiteSpace(_options.ModelPath)
        ? $"No generator is loaded: no model is configured (set {ConfigurationPath}:ModelPath to a checkpoint file or run folder, or a model file its loader reads)."
        : $"No generator is loaded yet: '{Path.GetFullPath(_options.ModelPath)}' holds no checkpoint; the pool loads one as soon as it is written.");

    private void CheckCount(long count, string parameter, object actual)
    {
        if (count < 1 || count > _options.MaxImagesPerRequest)
        {
            throw new ArgumentOutOfRangeException(parameter, actual,
                $"{parameter} = {actual} asks for {count} images: expected 1 to {_options.MaxImagesPerRequest} (MaxImagesPerRequest).");
        }
    }

    private static void CheckIndex(int index, string parameter)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(parameter, index, $"{parameter} has index {index}: expected 0 or more.");
        }
    }

    private static void CheckMode(LatentInterpolationMode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode = {mode}: expected Linear or Spherical.");
        }
    }

    private static void CheckExemplars(IReadOnlyList<int> indices, string parameter, long seed, int gridSize)
    {
        ArgumentNullException.ThrowIfNull(indices, parameter);
        if (indices.Count < 1 || indices.Count > MaxExemplarsPerTerm)
        {
            throw new ArgumentException($"{parameter} has {indices.Count} exemplar indices: expected 1 to {MaxExemplarsPerTerm} (the paper averages 3).", parameter);
        }

        foreach (int index in indices)
        {
            if (index < 0 || index >= gridSize)
            {
                throw new ArgumentOutOfRangeException(parameter, index,
                    $"{parameter} holds index {index}, outside the grid of {gridSize} samples (seed {seed}); valid indices are 0 to {gridSize - 1}.");
            }
        }
    }
}

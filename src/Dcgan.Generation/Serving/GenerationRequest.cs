// GenerationRequest: one caller's latent rows waiting for the worker, and the promise it awaits.
using Dcgan.Data;
using Dcgan.Generation;

namespace Dcgan.Serving;

/// <summary>
/// The rows of one request and how to recompute them for another latent space (when the model is swapped for one
/// with a different latent dimension or prior between queueing and running). Completed exactly once.
/// </summary>
internal sealed class GenerationRequest
{
    private readonly Func<int, LatentDistribution, float[][]>? _recipe;
    private readonly CancellationTokenRegistration _cancellation;
    private readonly int _dimension;
    private readonly LatentDistribution _distribution;
    private readonly float[][] _latents;

    /// <param name="latents">Rows computed for (<paramref name="dimension"/>, <paramref name="distribution"/>).</param>
    /// <param name="dimension">The latent dimension the rows were computed for.</param>
    /// <param name="distribution">The prior the rows were computed for.</param>
    /// <param name="recipe">Recomputes the rows for another latent space; null when the rows are the caller's own vectors.</param>
    /// <param name="cancellationToken">Cancels the request while it waits.</param>
    public GenerationRequest(float[][] latents, int dimension, LatentDistribution distribution,
        Func<int, LatentDistribution, float[][]>? recipe, CancellationToken cancellationToken)
    {
        _latents = latents;
        _dimension = dimension;
        _distribution = distribution;
        _recipe = recipe;
        CancellationToken = cancellationToken;
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(static state => ((GenerationRequest)state!).Cancel(), this);
        }
    }

    /// <summary>A request with no rows that only wakes the worker (to swap in a new model while idle).</summary>
    public static GenerationRequest WakeUp() => new([], 0, LatentDistribution.Uniform, null, CancellationToken.None);

    /// <summary>Number of images asked for.</summary>
    public int Count => _latents.Length;

    public CancellationToken CancellationToken { get; }

    /// <summary>Completes when the images are ready; continuations never run on the worker thread.</summary>
    public Task<ImageBatch> Task => Completion.Task;

    /// <summary>True once completed, failed or cancelled.</summary>
    public bool IsDone => Completion.Task.IsCompleted;

    private TaskCompletionSource<ImageBatch> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The rows for a model of <paramref name="model"/>'s latent space.</summary>
    /// <exception cref="ArgumentException">The caller's own vectors do not fit the model's latent dimension.</exception>
    public float[][] LatentsFor(GeneratorModelInfo model)
    {
        if (model.LatentDimension == _dimension && model.LatentDistribution == _distribution)
        {
            return _latents;
        }

        if (_recipe is null)
        {
            throw new ArgumentException(
                $"Latent dimension mismatch: the vectors have length {_dimension} but the generator of '{model.Checkpoint}' expects {model.LatentDimension}.", "latents");
        }

        return _recipe(model.LatentDimension, model.LatentDistribution);
    }

    public void Complete(ImageBatch images)
    {
        if (Completion.TrySetResult(images))
        {
            _cancellation.Dispose();
        }
    }

    public void Fail(Exception error)
    {
        if (Completion.TrySetException(error))
        {
            _cancellation.Dispose();
        }
    }

    private void Cancel() => Completion.TrySetCanceled(CancellationToken);
}

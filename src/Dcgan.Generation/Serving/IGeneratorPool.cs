// IGeneratorPool: everything a caller does with a generator pool (images by seed, for latent vectors, along an
// interpolation, for latent arithmetic; the model served, the counters, reloads), so that a host can fake the pool in
// its tests. GeneratorPool implements it for any IImageGenerator backend.
using Dcgan.Data;
using Dcgan.Latent;

namespace Dcgan.Serving;

/// <summary>
/// A thread-safe source of generated images for concurrent callers (see <see cref="GeneratorPool"/>). Every result is a
/// managed <see cref="ImageBatch"/>, [N, C, H, W] in [-1, 1]; image i of a seed is the image of
/// <c>LatentSeeds.Row(seed, i, ...)</c> on every backend. Inject it (or, for a named model,
/// <c>[FromKeyedServices("name")] IGeneratorPool</c>) rather than the class, so that tests can replace it.
/// </summary>
public interface IGeneratorPool
{
    /// <summary>A copy of the pool's options.</summary>
    GeneratorPoolOptions Options { get; }

    /// <summary>The model being served, or null when none is loaded.</summary>
    GeneratorModelInfo? Model { get; }

    /// <summary>The pool's counters since it was created.</summary>
    GeneratorPoolStatistics Statistics { get; }

    /// <summary>Raised (on a thread-pool thread) after a new model has been swapped in.</summary>
    event EventHandler<GeneratorModelInfo>? ModelChanged;

    /// <summary>
    /// Images <paramref name="firstIndex"/> to <c>firstIndex + count - 1</c> of the indexed grid of
    /// <paramref name="seed"/>: image i is generated from <c>LatentSeeds.Row(seed, i, ...)</c>, so it does not
    /// depend on <paramref name="count"/> (the first image of a 64-grid is the image of (seed, 0) alone).
    /// </summary>
    /// <param name="seed">The grid's seed.</param>
    /// <param name="count">Number of images, 1 to <see cref="GeneratorPoolOptions.MaxImagesPerRequest"/>.</param>
    /// <param name="firstIndex">Index of the first image, at least 0; the default is 0.</param>
    /// <param name="cancellationToken">Cancels the request while it waits.</param>
    /// <returns>The images, [count, C, H, W] in [-1, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">count or firstIndex out of range.</exception>
    /// <exception cref="GeneratorUnavailableException">No model is loaded.</exception>
    Task<ImageBatch> GenerateAsync(long seed, int count, int firstIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>The image of each latent vector, in order.</summary>
    /// <param name="latents">1 to <see cref="GeneratorPoolOptions.MaxImagesPerRequest"/> vectors of the model's latent dimension (copied).</param>
    /// <param name="cancellationToken">Cancels the request while it waits.</param>
    /// <returns>The images, [latents.Count, C, H, W] in [-1, 1].</returns>
    /// <exception cref="ArgumentException">No vectors, too many, or a length other than the model's latent dimension.</exception>
    /// <exception cref="GeneratorUnavailableException">No model is loaded.</exception>
    Task<ImageBatch> GenerateFromLatentsAsync(IReadOnlyList<float[]> latents, CancellationToken cancellationToken = default);

    /// <summary>
    /// The path from <paramref name="from"/> to <paramref name="to"/> in <paramref name="steps"/> equal steps:
    /// <c>steps + 1</c> images, the first and last being the endpoints' own images.
    /// </summary>
    /// <param name="from">The start point.</param>
    /// <param name="to">The end point.</param>
    /// <param name="steps">Intervals between the endpoints, 1 to MaxImagesPerRequest - 1.</param>
    /// <param name="mode">Linear or spherical interpolation.</param>
    /// <param name="cancellationToken">Cancels the request while it waits.</param>
    /// <exception cref="ArgumentOutOfRangeException">steps, a point's index, or the mode is out of range.</exception>
    /// <exception cref="ArgumentException">Spherical interpolation between antipodal points.</exception>
    /// <exception cref="GeneratorUnavailableException">No model is loaded.</exception>
    Task<ImageBatch> InterpolateAsync(LatentPoint from, LatentPoint to, int steps, LatentInterpolationMode mode, CancellationToken cancellationToken = default);

    /// <summary>
    /// The images at the given fractions of the way from <paramref name="from"/> to <paramref name="to"/> (0 is
    /// <paramref name="from"/>'s image, 1 is <paramref name="to"/>'s): a slider's positions along a walk.
    /// </summary>
    /// <param name="from">The start point.</param>
    /// <param name="to">The end point.</param>
    /// <param name="fractions">1 to MaxImagesPerRequest finite fractions, usually in [0, 1].</param>
    /// <param name="mode">Linear or spherical interpolation.</param>
    /// <param name="cancellationToken">Cancels the request while it waits.</param>
    /// <exception cref="ArgumentException">No fractions, too many, or one that is not finite; a point's index is negative.</exception>
    /// <exception cref="GeneratorUnavailableException">No model is loaded.</exception>
    Task<ImageBatch> InterpolateAtAsync(LatentPoint from, LatentPoint to, IReadOnlyList<double> fractions, LatentInterpolationMode mode, CancellationToken cancellationToken = default);

    /// <summary>
    /// The paper's vector arithmetic on averaged exemplars of the indexed grid of <paramref name="seed"/>: returns the
    /// images of mean(a), mean(b), mean(c), mean(a) - mean(b) + mean(c), then <paramref name="neighbours"/> jittered
    /// neighbours of the result (uniform noise of radius 0.25, seeded with <paramref name="seed"/>).
    /// </summary>
    /// <param name="seed">The grid's seed.</param>
    /// <param name="gridSize">Tiles in the grid the indices refer to (what the user picked from), at least 1.</param>
    /// <param name="a">1 to <see cref="GeneratorPool.MaxExemplarsPerTerm"/> tile indices, each below <paramref name="gridSize"/>.</param>
    /// <param name="b">The exemplars subtracted.</param>
    /// <param name="c">The exemplars added.</param>
    /// <param name="neighbours">Jittered neighbours of the result, at least 0; the default is 0.</param>
    /// <param name="cancellationToken">Cancels the request while it waits.</param>
    /// <returns><c>4 + neighbours</c> images in the order above.</returns>
    /// <exception cref="ArgumentException">An index list is empty, too long or holds an index outside the grid (the message names it).</exception>
    /// <exception cref="GeneratorUnavailableException">No model is loaded.</exception>
    Task<ImageBatch> ArithmeticAsync(long seed, int gridSize, IReadOnlyList<int> a, IReadOnlyList<int> b, IReadOnlyList<int> c, int neighbours = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads the configured model again now (for a folder: the model its loader picks there, e.g. the newest checkpoint)
    /// and swaps it in, unless the file is the one being served and unchanged. A failure is logged and the current model kept.
    /// </summary>
    /// <returns>True when a new model was loaded.</returns>
    bool Reload();

    /// <summary>Loads <paramref name="path"/> (a model file or folder) and swaps it in for the model being served.</summary>
    /// <param name="path">A model file (a checkpoint, say) or folder (a run folder).</param>
    /// <exception cref="Exception">The loader's exception (for TorchSharp checkpoints a <c>CheckpointException</c>): the file cannot be used; the model being served is kept.</exception>
    void Load(string path);
}

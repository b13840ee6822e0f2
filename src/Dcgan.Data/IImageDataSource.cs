// IImageDataSource: the data extension point, a finite indexable set of same-shaped images in [-1, 1] as managed floats.
namespace Dcgan.Data;

/// <summary>
/// A finite, indexable set of images, already scaled to the generator's output range [-1, 1].
/// </summary>
/// <remarks>
/// <para>Implementations must be safe to read from one background thread while the trainer runs on another
/// (the trainer's prefetcher calls <see cref="CopyImage"/> off the training thread), and must not hold
/// tensors: they hand out managed floats only. Every image has the same <see cref="Shape"/>.</para>
/// <para>Ownership: whoever opens or creates a source disposes it, after the last read (an
/// <see cref="LmdbImageDataSource"/> closes its database; sources that hold their images in memory or read files
/// by path per call have nothing to release, and the default <see cref="IDisposable.Dispose"/> does nothing).
/// Components that are given a source (the trainer, wrappers such as
/// <see cref="DeduplicatedDataSource"/>, the evaluation tools) read it and never dispose it.</para>
/// </remarks>
public interface IImageDataSource : IDisposable
{
    /// <summary>Releases what the source holds open (nothing, unless an implementation overrides it).</summary>
    void IDisposable.Dispose()
    {
    }

    /// <summary>Number of images.</summary>
    int Count { get; }

    /// <summary>Shape of every image ([C, H, W]).</summary>
    ImageShape Shape { get; }

    /// <summary>A short human-readable description (path, format), used in logs and error messages.</summary>
    string Description { get; }

    /// <summary>
    /// Writes image <paramref name="index"/> into <paramref name="destination"/> in channel-first order
    /// ([C, H, W], row-major), each value in [-1, 1].
    /// </summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <param name="destination">Exactly <see cref="ImageShape.ElementCount"/> floats.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the set, or the span has the wrong length.</exception>
    void CopyImage(int index, Span<float> destination);
}

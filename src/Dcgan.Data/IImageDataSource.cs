// IImageDataSource: the data extension point, a finite indexable set of same-shaped images in [-1, 1] as managed floats.
namespace Dcgan.Data;

/// <summary>
/// A finite, indexable set of images, already scaled to the generator's output range [-1, 1].
/// </summary>
/// <remarks>
/// Implementations must be safe to read from one background thread while the trainer runs on another
/// (the trainer's prefetcher calls <see cref="CopyImage"/> off the training thread), and must not hold
/// tensors: they hand out managed floats only. Every image has the same <see cref="Shape"/>.
/// </remarks>
public interface IImageDataSource
{
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

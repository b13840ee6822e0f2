// ImageResizing: resizes managed images (ImageBatch) with the same triangle filter the IDX reader uses, for
// example 32x32 generator samples down to the 28x28 the evaluation classifier takes.

namespace Dcgan.Data;

/// <summary>Resizes an <see cref="ImageBatch"/> channel by channel.</summary>
public static class ImageResizing
{
    /// <summary>
    /// Every image of <paramref name="images"/> resized to <paramref name="height"/> x <paramref name="width"/>, each
    /// channel with the separable triangle (bilinear) filter of <see cref="IdxImageDataSource"/>: it widens when
    /// shrinking (area-like, no aliasing) and interpolates linearly when enlarging, like Pillow's BILINEAR. Each output
    /// pixel is a weighted mean of input pixels, so values in [-1, 1] stay in [-1, 1].
    /// </summary>
    /// <param name="images">The images; not modified.</param>
    /// <param name="height">Target height, 1 to 4096.</param>
    /// <param name="width">Target width, 1 to 4096.</param>
    /// <returns>A new batch of the target size; <paramref name="images"/> itself when it already has that size.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A target size is outside [1, 4096].</exception>
    public static ImageBatch Resize(ImageBatch images, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 4096);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 4096);
        ImageShape source = images.Shape;
        if (source.Height == height && source.Width == width)
        {
            return images;
        }

        var target = new ImageShape(source.Channels, height, width);
        var resampler = new Resampler(source.Height, source.Width, height, width);
        int sourcePlane = source.Height * source.Width;
        int targetPlane = height * width;
        int planes = images.Count * source.Channels;
        var pixels = new float[(long)planes * targetPlane];
        Parallel.For(0, planes, new ParallelOptions { MaxDegreeOfParallelism = 2 }, p =>
            resampler.Resample(images.Pixels.AsSpan(p * sourcePlane, sourcePlane), pixels.AsSpan(p * targetPlane, targetPlane)));
        return new ImageBatch(images.Count, target, pixels);
    }

    /// <summary>
    /// <paramref name="images"/> resized to the height and width of <paramref name="shape"/> (see
    /// <see cref="Resize(ImageBatch, int, int)"/>), after checking that the channel counts agree.
    /// </summary>
    /// <param name="images">The images; not modified.</param>
    /// <param name="shape">The shape the images must have afterwards.</param>
    /// <returns>A new batch of <paramref name="shape"/>; <paramref name="images"/> itself when it already has that shape.</returns>
    /// <exception cref="ArgumentException">The channel counts differ (resizing does not convert colour); the message names both shapes.</exception>
    public static ImageBatch Resize(ImageBatch images, ImageShape shape)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Shape.Channels != shape.Channels)
        {
            throw new ArgumentException(
                $"Cannot resize {images.Shape} images to {shape}: they have {images.Shape.Channels} channels, {shape.Channels} are needed (resizing does not convert colour).",
                nameof(images));
        }

        return Resize(images, shape.Height, shape.Width);
    }
}

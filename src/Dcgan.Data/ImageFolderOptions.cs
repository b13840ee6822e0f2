// ImageFolderOptions: how an image folder is turned into square, fixed-size training images.
namespace Dcgan.Data;

/// <summary>Options for <see cref="ImageFolderDataSource"/>.</summary>
public sealed class ImageFolderOptions
{
    /// <summary>Side of the square output images in pixels, 1 to 4096.</summary>
    /// <value>The default value is 64, the image size of the original DCGAN paper.</value>
    public int ImageSize { get; set; } = 64;

    /// <summary>Whether images become 1-channel grayscale or 3-channel RGB.</summary>
    /// <value>The default value is <see cref="Data.ColorMode.Rgb"/>, since folders of photos are usually colour.</value>
    public ColorMode ColorMode { get; set; } = ColorMode.Rgb;

    /// <summary>The colour that transparent and semi-transparent pixels are composited over.</summary>
    /// <value>
    /// The default value is <see cref="RgbColor.White"/>: transparent areas of icons, sprites and logos are
    /// usually meant to be read as blank paper. Use <see cref="RgbColor.Black"/> for MNIST-like data.
    /// </value>
    public RgbColor Background { get; set; } = RgbColor.White;

    /// <summary>
    /// Whether every image is decoded once at construction into a compact byte cache
    /// (<c>Count * Channels * ImageSize^2</c> bytes), instead of being decoded lazily on each
    /// <see cref="ImageFolderDataSource.CopyImage"/> call.
    /// </summary>
    /// <value>
    /// The default value is <see langword="false"/>: lazy decoding keeps memory flat for large folders.
    /// Preloading costs memory (12 KiB per 64x64 RGB image) but makes epochs after the first much faster
    /// and surfaces any undecodable file before training starts.
    /// </value>
    public bool Preload { get; set; }

    /// <summary>Checks every value and throws with the offending value in the message.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (ImageSize is < 1 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(ImageSize), ImageSize, "ImageSize must be between 1 and 4096 pixels.");
        }

        if (!Enum.IsDefined(ColorMode))
        {
            throw new ArgumentOutOfRangeException(nameof(ColorMode), ColorMode, "ColorMode must be Grayscale or Rgb.");
        }
    }
}

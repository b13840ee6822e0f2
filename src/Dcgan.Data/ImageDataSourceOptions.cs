// ImageDataSourceOptions: what ImageDataSources.Open needs to turn any supported path into a data source.
namespace Dcgan.Data;

/// <summary>Options for <see cref="ImageDataSources.Open"/>, applied to whichever kind of source the path turns out to be.</summary>
public sealed class ImageDataSourceOptions
{
    /// <summary>Side of the square output images, or <see langword="null"/> for the kind's default.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: IDX data keeps its native size (28x28 for MNIST), image
    /// folders use <see cref="ImageFolderOptions.ImageSize"/>'s default of 64.
    /// </value>
    public int? ImageSize { get; set; }

    /// <summary>The colour mode, or <see langword="null"/> for the kind's default.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: IDX data is grayscale (asking for <see cref="Data.ColorMode.Rgb"/>
    /// with IDX data is an error), image folders are RGB.
    /// </value>
    public ColorMode? ColorMode { get; set; }

    /// <summary>Background for transparent pixels in image folders (ignored for IDX data).</summary>
    /// <value>The default value is <see cref="RgbColor.White"/>, as in <see cref="ImageFolderOptions.Background"/>.</value>
    public RgbColor Background { get; set; } = RgbColor.White;

    /// <summary>Whether image folders are decoded into memory at construction (IDX data is always in memory).</summary>
    /// <value>The default value is <see langword="false"/>, as in <see cref="ImageFolderOptions.Preload"/>.</value>
    public bool Preload { get; set; }
}

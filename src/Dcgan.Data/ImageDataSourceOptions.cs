// ImageDataSourceOptions: the one options class of the image data sources (ImageDataSources.Open and
// ImageFolderDataSource): size, colour mode, background, preloading and decode threads, bindable from IConfiguration.
using System.ComponentModel.DataAnnotations;

namespace Dcgan.Data;

/// <summary>
/// Options for <see cref="ImageDataSources.Open"/> and <see cref="ImageFolderDataSource"/>, applied to whichever
/// kind of source a path turns out to be. Validated by <see cref="ImageDataSourceOptionsValidator"/>.
/// </summary>
/// <remarks>
/// Every property is a plain settable value, so the options bind from configuration, for example
/// <c>{ "ImageSize": 64, "ColorMode": "Grayscale", "Fit": "CenterCrop", "Background": "#000000", "Preload": true }</c>.
/// </remarks>
public sealed class ImageDataSourceOptions
{
    /// <summary>Largest supported image side, in pixels.</summary>
    internal const int MaxImageSize = 4096;

    /// <summary>The side image folders are resized to when <see cref="ImageSize"/> is not set.</summary>
    internal const int DefaultFolderImageSize = 64;

    /// <summary>The default of <see cref="MaxSourcePixels"/>: 8192 x 8192 pixels.</summary>
    public const long DefaultMaxSourcePixels = 8192L * 8192;

    /// <summary>Largest value <see cref="MaxSourcePixels"/> accepts: 2^28 pixels (1 GiB as RGBA).</summary>
    internal const long MaxSourcePixelsLimit = 1L << 28;

    /// <summary>Largest value <see cref="DecodeThreads"/> accepts.</summary>
    internal const int MaxDecodeThreads = 256;

    /// <summary>
    /// Height of the output images in pixels (1 to 4096), and their width too unless <see cref="ImageWidth"/> is set;
    /// <see langword="null"/> for the kind's default.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: IDX data keeps its native size (28x28 for MNIST), image
    /// folders are resized to 64x64 (the image size of the original DCGAN paper).
    /// </value>
    [Range(1, MaxImageSize)]
    public int? ImageSize { get; set; }

    /// <summary>
    /// Width of the output images in pixels (1 to 4096) when it differs from their height (<see cref="ImageSize"/>):
    /// image folders and LMDB fit each image to the rectangle with <see cref="Fit"/>. IDX and CIFAR data refuse it
    /// (their images are square).
    /// </summary>
    /// <value>The default value is <see langword="null"/> (square images).</value>
    [Range(1, MaxImageSize)]
    public int? ImageWidth { get; set; }

    /// <summary>Whether images become 1-channel grayscale or 3-channel RGB, or <see langword="null"/> for the kind's default.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: IDX data is grayscale (asking for <see cref="Data.ColorMode.Rgb"/>
    /// with IDX data is an error), image folders are RGB, since folders of photos are usually colour.
    /// </value>
    [EnumDataType(typeof(ColorMode), ErrorMessage = "expected Grayscale or Rgb.")]
    public ColorMode? ColorMode { get; set; }

    /// <summary>
    /// How an image file whose sides differ becomes the <see cref="ImageSize"/> square (ignored for IDX and CIFAR data,
    /// which are square or stretched by design).
    /// </summary>
    /// <value>
    /// The default value is <see cref="ImageFit.CenterCrop"/>: crop the largest centred square, then resize it, which is
    /// what pytorch/examples' DCGAN (<c>Resize</c> + <c>CenterCrop</c>) and dcgan.torch do for faces and LSUN, and what
    /// the image-folder reader has always done. <see cref="ImageFit.Stretch"/> squashes the whole image;
    /// <see cref="ImageFit.Pad"/> letterboxes it on <see cref="Background"/>.
    /// </value>
    [EnumDataType(typeof(ImageFit), ErrorMessage = "expected CenterCrop, Stretch or Pad.")]
    public ImageFit Fit { get; set; } = ImageFit.CenterCrop;

    /// <summary>
    /// The colour that transparent and semi-transparent pixels of image files are composited over (ignored for
    /// IDX data). Binds from a string such as <c>"white"</c>, <c>"black"</c> or <c>"#RRGGBB"</c>.
    /// </summary>
    /// <value>
    /// The default value is <see cref="RgbColor.White"/>: transparent areas of icons, sprites and logos are
    /// usually meant to be read as blank paper. Use <see cref="RgbColor.Black"/> for MNIST-like data.
    /// </value>
    public RgbColor Background { get; set; } = RgbColor.White;

    /// <summary>
    /// Whether an image folder is decoded once at construction into a compact byte cache
    /// (<c>Count * Channels * ImageSize^2</c> bytes), instead of decoding each file lazily on every
    /// <see cref="ImageFolderDataSource.CopyImage"/> call. IDX data is always in memory; CIFAR data keeps its pixel bytes
    /// in memory instead of reading them from the file per image; LMDB data refuses it (it streams).
    /// </summary>
    /// <value>
    /// The default value is <see langword="false"/>: lazy decoding keeps memory flat for large folders.
    /// Preloading costs memory (12 KiB per 64x64 RGB image) but makes epochs after the first much faster
    /// and surfaces any undecodable file before training starts.
    /// </value>
    public bool Preload { get; set; }

    /// <summary>
    /// The largest image file a folder source decodes, in pixels (width x height as the file's header claims it,
    /// 1 to 2^28). The claim is read from the header before any pixel memory is allocated; a larger image is refused
    /// with an error naming the file and its claimed size, so a small hostile file (a PNG header claiming
    /// 60000x60000) cannot make the reader allocate gigabytes. Ignored for IDX data.
    /// </summary>
    /// <value>
    /// The default value is <see cref="DefaultMaxSourcePixels"/> (67,108,864 = 8192 x 8192): larger than the photos of
    /// common GAN data sets, and its RGBA decoding buffer (256 MiB) still fits comfortably in memory.
    /// </value>
    [Range(1L, MaxSourcePixelsLimit)]
    public long MaxSourcePixels { get; set; } = DefaultMaxSourcePixels;

    /// <summary>
    /// How many threads an image folder source decodes one batch's files on (1 to 256): the trainer's prefetcher, and
    /// <see cref="ImageDataSourceExtensions"/>' reads, hand a whole batch to the source, which decodes its files in
    /// parallel on background threads (the thread pool) and writes each image to its fixed place, so the batch is
    /// identical, byte for byte, to decoding the files one after another. 1 decodes on the calling thread only.
    /// Ignored for IDX, CIFAR and LMDB data and for a preloaded folder (nothing is decoded while reading).
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>, meaning <see cref="DefaultDecodeThreads"/>: half the logical cores
    /// (at least 1), because during training the other cores run the training step's own threads. Measured on 2 cores
    /// (benchmarks/Dcgan.PipelineBench, 64x64 JPEGs): two threads decoded 1.5x faster alone, but training was not faster
    /// with them; with one, the trainer waited for batches under 0.4 % of its time.
    /// </value>
    [Range(1, MaxDecodeThreads)]
    public int? DecodeThreads { get; set; }

    /// <summary>The decode threads used when <see cref="DecodeThreads"/> is not set: <c>max(1, ProcessorCount / 2)</c>.</summary>
    /// <param name="processorCount">The logical cores, usually <see cref="Environment.ProcessorCount"/>.</param>
    public static int DefaultDecodeThreads(int processorCount) => Math.Max(1, processorCount / 2);
}

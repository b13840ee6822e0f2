// DcganModelOptions: the architecture of a generator/discriminator pair (size, widths, kernel, projection, prior),
// with the paper's and pytorch/examples' presets.
using System.ComponentModel.DataAnnotations;
using Dcgan.Generation;

namespace Dcgan.Models;

/// <summary>
/// The architecture of a DCGAN generator/discriminator pair. Images are <c>ImageSize = bh * 2^k</c> high and
/// <c>ImageWidth = bw * 2^k</c> wide (square unless <see cref="ImageWidth"/> is set), with bases <c>bh</c>, <c>bw</c>
/// in 4..7 and the same <c>k &gt;= 1</c> (sides 8, 14, 28, 32, 48, 56, 64, 96, 128, 256, ...; 64x96 is 4x6 doubled four
/// times): the network depth is derived from the size. Use <see cref="Paper"/> or <see cref="PyTorchExample"/> as
/// starting points.
/// </summary>
/// <remarks>
/// The DataAnnotations on the properties are the limits; <see cref="DcganModelOptionsValidator"/> checks them and
/// the <c>b * 2^k</c> rule, listing every failure at once. Every property is a plain settable value, so the options
/// bind from configuration (enums from their names, e.g. <c>"Projection": "TransposedConvolution"</c>).
/// </remarks>
public sealed class DcganModelOptions
{
    // ngf = ndf of the paper's Figure 1 (4x4x1024 at 64x64) and of the authors' code.
    private const int PaperWidth = 128;

    /// <summary>
    /// Height of the images, and their width too unless <see cref="ImageWidth"/> is set: <c>b * 2^k</c> with b in
    /// 4..7, k &gt;= 1, from 8 to 4096.
    /// </summary>
    /// <value>The default value is 64 (the paper's LSUN/ImageNet size).</value>
    [Range(2 * DcganArchitecture.MinBase, DcganArchitecture.MaxImageSize)]
    public int ImageSize { get; set; } = 64;

    /// <summary>
    /// Width of the images when they are not square: <c>bw * 2^k</c> with bw in 4..7 and the same k as
    /// <see cref="ImageSize"/> (so the width is between 4/7 and 7/4 of the height; 64 high by 96 wide is 4x6 doubled
    /// four times). Null, or equal to <see cref="ImageSize"/>, means square.
    /// </summary>
    /// <value>The default value is null (square images).</value>
    [Range(2 * DcganArchitecture.MinBase, DcganArchitecture.MaxImageSize)]
    public int? ImageWidth { get; set; }

    /// <summary>Image channels: 1 (grayscale) or 3 (RGB).</summary>
    /// <value>The default value is 3.</value>
    [Range(1, 64)]
    public int Channels { get; set; } = 3;

    /// <summary>Length of the latent vector z.</summary>
    /// <value>The default value is 100 (the paper's).</value>
    [Range(1, 65536)]
    public int LatentDimension { get; set; } = 100;

    /// <summary>The prior z is drawn from.</summary>
    /// <value>The default value is <see cref="LatentDistribution.Uniform"/> (the paper's U(-1, 1)).</value>
    [EnumDataType(typeof(LatentDistribution), ErrorMessage = "expected Uniform or Normal.")]
    public LatentDistribution LatentDistribution { get; set; } = LatentDistribution.Uniform;

    /// <summary>
    /// Generator width ("ngf"): channels of the last hidden layer; each layer towards z doubles it.
    /// </summary>
    /// <value>
    /// The default value is 64 (pytorch/examples' ngf; 64x64 images then start from 4x4x512). <see cref="Paper"/>
    /// sets 128 instead (the paper's Figure 1: 4x4x1024).
    /// </value>
    [Range(1, 4096)]
    public int GeneratorWidth { get; set; } = 64;

    /// <summary>
    /// Discriminator width ("ndf"): channels of the first convolution; each later one doubles it.
    /// </summary>
    /// <value>
    /// The default value is 64 (pytorch/examples' ndf). <see cref="Paper"/> sets 128 instead (the authors' code).
    /// </value>
    [Range(1, 4096)]
    public int DiscriminatorWidth { get; set; } = 64;

    /// <summary>Square kernel size of every strided (transposed) convolution: 5 (paper) or 4 (pytorch/examples).</summary>
    /// <value>The default value is 5 (the paper's code).</value>
    [Range(4, 5, ErrorMessage = "expected 5 (the paper's, padding 2) or 4 (pytorch/examples', padding 1).")]
    public int KernelSize { get; set; } = 5;

    /// <summary>How z becomes the first feature map.</summary>
    /// <value>The default value is <see cref="LatentProjection.Dense"/> (the paper's).</value>
    [EnumDataType(typeof(LatentProjection), ErrorMessage = "expected Dense or TransposedConvolution.")]
    public LatentProjection Projection { get; set; } = LatentProjection.Dense;

    /// <summary>
    /// Ablation switch: batch normalization on the generator's output layer too. The paper found this causes
    /// sample oscillation and instability.
    /// </summary>
    /// <value>The default value is false (the paper's guideline).</value>
    public bool BatchNormOnGeneratorOutput { get; set; }

    /// <summary>
    /// Ablation switch: batch normalization on the discriminator's input layer too. The paper found this causes
    /// sample oscillation and instability.
    /// </summary>
    /// <value>The default value is false (the paper's guideline).</value>
    public bool BatchNormOnDiscriminatorInput { get; set; }

    /// <summary>
    /// The paper's architecture: dense projection of U(-1, 1) z, 5x5 kernels, and the paper's widths,
    /// <see cref="GeneratorWidth"/> = <see cref="DiscriminatorWidth"/> = 128.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The widths follow the paper's Figure 1, whose 64x64 generator goes 4x4x1024 -&gt; 8x8x512 -&gt; 16x16x256
    /// -&gt; 32x32x128 -&gt; 64x64x3, and the authors' code (Newmu/dcgan_code, <c>faces/train_uncond_dcgan.py</c>:
    /// <c>ngf = ndf = 128</c>, a discriminator of 128, 256, 512 and 1024 maps). They differ from the properties'
    /// own defaults (64, pytorch/examples' <c>ngf</c> and <c>ndf</c>, which <c>new DcganModelOptions()</c> and
    /// <see cref="PyTorchExample"/> keep); at the same size 128 costs about four times the multiply-adds of 64
    /// (64x64x3: 36.1 million parameters instead of 9.4 million; 28x28x1: 2.9 million instead of 1.0 million).
    /// </para>
    /// <para>
    /// Other sizes keep the last hidden generator layer and the first discriminator layer at 128 maps and double
    /// the maps at each step towards z (see <see cref="DcganArchitecture.GeneratorWidths"/>): 32x32 (the paper's
    /// CIFAR-10 size) is 4x4x512 -&gt; 8x8x256 -&gt; 16x16x128 -&gt; 32x32xC with a discriminator of 128, 256 and
    /// 512 maps; 28x28 is 7x7x256 -&gt; 14x14x128 -&gt; 28x28xC with 128 and 256. To use other widths, set the two
    /// properties on the returned options (every call returns a new instance).
    /// </para>
    /// </remarks>
    /// <param name="imageSize">Side of the square images.</param>
    /// <param name="channels">Image channels.</param>
    public static DcganModelOptions Paper(int imageSize = 64, int channels = 3) => new()
    {
        ImageSize = imageSize,
        Channels = channels,
        LatentDistribution = LatentDistribution.Uniform,
        GeneratorWidth = PaperWidth,
        DiscriminatorWidth = PaperWidth,
        KernelSize = 5,
        Projection = LatentProjection.Dense,
    };

    /// <summary>
    /// pytorch/examples' dcgan: 1x1 transposed-convolution projection of N(0, 1) z, 4x4 kernels, and its widths
    /// <c>ngf = ndf = 64</c> (the properties' defaults).
    /// </summary>
    /// <param name="imageSize">Side of the square images.</param>
    /// <param name="channels">Image channels.</param>
    public static DcganModelOptions PyTorchExample(int imageSize = 64, int channels = 3) => new()
    {
        ImageSize = imageSize,
        Channels = channels,
        LatentDistribution = LatentDistribution.Normal,
        KernelSize = 4,
        Projection = LatentProjection.TransposedConvolution,
    };

    /// <summary>A copy of these options.</summary>
    public DcganModelOptions Clone() => (DcganModelOptions)MemberwiseClone();
}

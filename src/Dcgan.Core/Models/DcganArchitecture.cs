// DcganArchitecture: turns DcganModelOptions into the layer plan both networks are built from.
// Images of h = bh * 2^k by w = bw * 2^k (bases in 4..7, one k >= 1) give k resolution doublings in the generator
// (bh x bw -> 2bh x 2bw -> ... -> h x w) and k stride-2 convolutions in the discriminator (h x w -> ... -> bh x bw).
// The options are validated here, once, by DcganModelOptionsValidator (every failure listed with its value).

using System.Globalization;

namespace Dcgan.Models;

/// <summary>
/// The layer plan of a DCGAN generator/discriminator pair, derived from validated
/// <see cref="DcganModelOptions"/>: the base resolution, the number of doublings and the channel widths.
/// </summary>
public sealed class DcganArchitecture
{
    /// <summary>Smallest allowed base resolution b (the generator's first feature map is b x b).</summary>
    public const int MinBase = 4;

    /// <summary>Largest allowed base resolution b.</summary>
    public const int MaxBase = 7;

    /// <summary>Largest supported image side (the upper limit of the <c>[Range]</c> on <see cref="DcganModelOptions.ImageSize"/>).</summary>
    public const int MaxImageSize = 4096;

    private DcganArchitecture(DcganModelOptions options, int baseHeight, int baseWidth, int doublings)
    {
        Options = options;
        ImageHeight = options.ImageSize;
        ImageWidth = options.ImageWidth ?? options.ImageSize;
        BaseHeight = baseHeight;
        BaseWidth = baseWidth;
        Doublings = doublings;

        // Generator: the hidden map at resolution b * 2^i has GeneratorWidth * 2^(k-1-i) channels, i = 0..k-1,
        // so the last hidden map (next to the image) is GeneratorWidth wide and each step towards z doubles it.
        var g = new int[doublings];
        for (int i = 0; i < doublings; i++)
        {
            g[i] = checked(options.GeneratorWidth * (1 << (doublings - 1 - i)));
        }

        // Discriminator: conv i (i = 0..k-1) outputs DiscriminatorWidth * 2^i channels at resolution s / 2^(i+1).
        var d = new int[doublings];
        for (int i = 0; i < doublings; i++)
        {
            d[i] = checked(options.DiscriminatorWidth * (1 << i));
        }

        GeneratorWidths = Array.AsReadOnly(g);
        DiscriminatorWidths = Array.AsReadOnly(d);
    }

    /// <summary>A private copy of the validated options this plan was made from.</summary>
    internal DcganModelOptions Options { get; }

    /// <summary>Height of the images, <c>BaseHeight * 2^Doublings</c>.</summary>
    public int ImageHeight { get; }

    /// <summary>Width of the images, <c>BaseWidth * 2^Doublings</c> (equal to <see cref="ImageHeight"/> for square images).</summary>
    public int ImageWidth { get; }

    /// <summary>The base height bh (4..7): the generator's first and the discriminator's last map are bh x bw.</summary>
    public int BaseHeight { get; }

    /// <summary>The base width bw (4..7).</summary>
    public int BaseWidth { get; }

    /// <summary>The number k (&gt;= 1) of stride-2 layers in each network.</summary>
    public int Doublings { get; }

    /// <summary>
    /// Channels of the generator's hidden maps, from the b x b projection (index 0) to the map at resolution
    /// <c>s / 2</c> (index k-1): <c>GeneratorWidth * 2^(k-1-i)</c>. The output layer then goes to
    /// <see cref="DcganModelOptions.Channels"/>.
    /// </summary>
    public IReadOnlyList<int> GeneratorWidths { get; }

    /// <summary>
    /// Output channels of the discriminator's convolution blocks, input side first: <c>DiscriminatorWidth * 2^i</c>;
    /// block i produces maps of side <c>s / 2^(i+1)</c>.
    /// </summary>
    public IReadOnlyList<int> DiscriminatorWidths { get; }

    /// <summary>Padding of every stride-2 (transposed) convolution: 2 for 5x5 kernels, 1 for 4x4 kernels.</summary>
    public int StridedPadding => Options.KernelSize == 5 ? 2 : 1;

    /// <summary>
    /// Output padding of every stride-2 transposed convolution: 1 for 5x5 kernels (so that each one exactly
    /// doubles the side), 0 for 4x4 kernels.
    /// </summary>
    public int OutputPadding => Options.KernelSize == 5 ? 1 : 0;

    /// <summary>
    /// Validates <paramref name="options"/> with <see cref="DcganModelOptionsValidator"/> and derives the layer plan.
    /// </summary>
    /// <param name="options">The model options; copied, so later changes to them do not affect the plan.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">
    /// An option is invalid; the message lists every failure with the option's name and value.
    /// </exception>
    public static DcganArchitecture For(DcganModelOptions options)
    {
        new DcganModelOptionsValidator().ThrowIfInvalid(options);
        DcganModelOptions copy = options.Clone();
        if (copy.ImageWidth == copy.ImageSize)
        {
            copy.ImageWidth = null; // one way to say "square", so checkpoints compare equal
        }

        (int baseHeight, int doublings) = Decompose(copy.ImageSize);
        int baseWidth = copy.ImageWidth is int width ? Decompose(width).Base : baseHeight;
        return new DcganArchitecture(copy, baseHeight, baseWidth, doublings);
    }

    /// <summary>Whether <paramref name="imageSize"/> is <c>b * 2^k</c> with b in 4..7, k &gt;= 1, and at most 4096.</summary>
    /// <param name="imageSize">A candidate image side.</param>
    public static bool IsValidImageSize(int imageSize) => TryDecompose(imageSize, out _, out _);

    /// <summary>
    /// Splits an image side into base and doublings: 28 → (7, 2), 32 → (4, 3), 48 → (6, 3), 56 → (7, 3),
    /// 64 → (4, 4).
    /// </summary>
    /// <param name="imageSize">The image side.</param>
    /// <returns>The base b (4..7) and the number of doublings k (&gt;= 1).</returns>
    /// <exception cref="ArgumentException">
    /// The size is not of that form; the message names it and lists the valid sizes next to it.
    /// </exception>
    public static (int Base, int Doublings) Decompose(int imageSize)
    {
        if (TryDecompose(imageSize, out int b, out int k))
        {
            return (b, k);
        }

        string nearby = string.Join(", ", NearbyValidSizes(imageSize).Select(v => v.ToString(CultureInfo.InvariantCulture)));
        string reason = imageSize > MaxImageSize
            ? $"ImageSize {imageSize} is larger than the supported maximum {MaxImageSize}"
            : $"ImageSize {imageSize} is not of the form b * 2^k with b in {MinBase}..{MaxBase} and k >= 1";
        throw new ArgumentException($"{reason}; nearby valid sizes: {nearby}.", nameof(imageSize));
    }

    /// <summary>
    /// The largest valid size below <paramref name="imageSize"/> and the smallest valid size above it (one of
    /// them when the other does not exist); the size itself when it is valid.
    /// </summary>
    /// <param name="imageSize">Any integer.</param>
    public static IReadOnlyList<int> NearbyValidSizes(int imageSize)
    {
        if (IsValidImageSize(imageSize))
        {
            return [imageSize];
        }

        var result = new List<int>(2);
        for (int v = Math.Min(imageSize - 1, MaxImageSize); v >= 2 * MinBase; v--)
        {
            if (IsValidImageSize(v))
            {
                result.Add(v);
                break;
            }
        }

        for (int v = Math.Max(imageSize + 1, 2 * MinBase); v <= MaxImageSize; v++)
        {
            if (IsValidImageSize(v))
            {
                result.Add(v);
                break;
            }
        }

        return result;
    }

    private static bool TryDecompose(int imageSize, out int baseSize, out int doublings)
    {
        baseSize = 0;
        doublings = 0;
        if (imageSize < 2 * MinBase || imageSize > MaxImageSize)
        {
            return false;
        }

        int b = imageSize;
        int k = 0;
        while (b > MaxBase && b % 2 == 0)
        {
            b /= 2;
            k++;
        }

        if (b < MinBase || b > MaxBase || k < 1)
        {
            return false;
        }

        baseSize = b;
        doublings = k;
        return true;
    }
}

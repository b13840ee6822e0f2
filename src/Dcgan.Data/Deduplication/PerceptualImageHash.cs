// PerceptualImageHash: a 63-bit DCT hash (pHash) of an image's grey 32x32 rendition, robust to noise, shifts and brightness.
namespace Dcgan.Data;

/// <summary>
/// The perceptual duplicate test, a DCT hash: the image is averaged over its channels to grey, moved so that its
/// centre of mass (weights: each pixel minus the image's darkest) lies at the image's centre (bilinear, the uncovered
/// border takes the darkest value), resized to 32x32 with
/// the triangle filter of <see cref="ImageResizing"/>, transformed with a 2-D DCT-II, and the 8x8 lowest frequencies
/// without the constant term (63 coefficients) are compared with their median: bit k is set when coefficient k is
/// above it. Adding a constant to every pixel changes only the constant term, and scaling the contrast scales every
/// coefficient and the median alike, so brightness and contrast changes (short of clipping) keep the hash; centring
/// the mass undoes shifts (without it a one-pixel shift of a 28x28 item flips 4 to 30 of the 63 bits); small noise
/// moves the low frequencies only slightly, flipping a few bits.
/// </summary>
/// <remarks>An instance keeps scratch buffers for one image shape: use one per thread.</remarks>
public sealed class PerceptualImageHash
{
    /// <summary>Bits of the hash (8x8 coefficients minus the constant term).</summary>
    public const int Bits = 63;

    /// <summary>
    /// The Hamming distance up to which two hashes count as near duplicates by default: 0, colliding hashes (the hashes
    /// always have about 31 bits set, so distances are even). On Fashion-MNIST, distance 2 or 4 mostly adds look-alike
    /// products rather than copies (docs/deduplication.md); a planted noisy or shifted copy lies up to 6 bits away.
    /// </summary>
    public const int DefaultMaxDistance = 0;

    private const int Side = 32;       // the grey rendition is Side x Side
    private const int Frequencies = 8; // the hash keeps Frequencies x Frequencies low frequencies
    private static readonly float[] Cosines = BuildCosines(); // [Frequencies, Side]: cos(pi (2x + 1) u / (2 Side))

    private readonly ImageShape _shape;
    private readonly Resampler _resampler;
    private readonly float[] _grey;
    private readonly float[] _centred;
    private readonly float[] _small = new float[Side * Side];
    private readonly float[] _rows = new float[Frequencies * Side];
    private readonly float[] _coefficients = new float[Bits];
    private readonly float[] _sorted = new float[Bits];

    /// <summary>A hasher for images of <paramref name="shape"/>.</summary>
    /// <param name="shape">The shape of every image it will hash.</param>
    public PerceptualImageHash(ImageShape shape)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Channels, 1, nameof(shape));
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Height, 1, nameof(shape));
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Width, 1, nameof(shape));
        _shape = shape;
        _resampler = new Resampler(shape.Height, shape.Width, Side, Side);
        _grey = new float[shape.Height * shape.Width];
        _centred = new float[shape.Height * shape.Width];
    }

    /// <summary>The hash of every image of <paramref name="source"/>, in index order (2 threads, one image in memory per thread).</summary>
    /// <param name="source">The images; at least one.</param>
    /// <returns>One hash per image, in the low 63 bits.</returns>
    /// <exception cref="ArgumentException">The source has no images.</exception>
    public static UInt128[] ComputeAll(IImageDataSource source) =>
        ImageCodes.ComputeAll(source, shape =>
        {
            var hasher = new PerceptualImageHash(shape);
            return image => hasher.Compute(image);
        });

    /// <summary>The hash of one image.</summary>
    /// <param name="image">[C, H, W] pixels of the shape given to the constructor.</param>
    /// <returns>The hash, in the low 63 bits.</returns>
    /// <exception cref="ArgumentException">The span does not hold one image of the shape.</exception>
    public ulong Compute(ReadOnlySpan<float> image)
    {
        if (image.Length != _shape.ElementCount)
        {
            throw new ArgumentException($"Expected one {_shape} image ({_shape.ElementCount} values); got {image.Length} values.", nameof(image));
        }

        int plane = _grey.Length;
        for (int p = 0; p < plane; p++)
        {
            float sum = 0f;
            for (int c = 0; c < _shape.Channels; c++)
            {
                sum += image[c * plane + p];
            }

            _grey[p] = sum / _shape.Channels;                            // [H, W] grey
        }

        (double dy, double dx, float darkest) = MassCentring.Offset(_grey, _shape.Height, _shape.Width);
        MassCentring.Move(_grey, _centred, _shape.Height, _shape.Width, dy, dx, darkest); // [H, W], centre of mass at the centre
        _resampler.Resample(_centred, _small);                            // [32, 32]
        for (int v = 0; v < Frequencies; v++)                             // vertical DCT: [8, 32]
        {
            for (int x = 0; x < Side; x++)
            {
                float sum = 0f;
                for (int y = 0; y < Side; y++)
                {
                    sum += Cosines[v * Side + y] * _small[y * Side + x];
                }

                _rows[v * Side + x] = sum;
            }
        }

        int k = 0;
        for (int v = 0; v < Frequencies; v++)                             // horizontal DCT: [8, 8], minus [0, 0]
        {
            for (int u = 0; u < Frequencies; u++)
            {
                if (u == 0 && v == 0)
                {
                    continue;
                }

                float sum = 0f;
                for (int x = 0; x < Side; x++)
                {
                    sum += Cosines[u * Side + x] * _rows[v * Side + x];
                }

                _coefficients[k++] = sum;
            }
        }

        _coefficients.CopyTo(_sorted, 0);
        Array.Sort(_sorted);
        float median = _sorted[Bits / 2];
        ulong hash = 0;
        for (int i = 0; i < Bits; i++)
        {
            if (_coefficients[i] > median)
            {
                hash |= 1UL << i;
            }
        }

        return hash;
    }

    private static float[] BuildCosines()
    {
        var table = new float[Frequencies * Side];
        for (int u = 0; u < Frequencies; u++)
        {
            for (int x = 0; x < Side; x++)
            {
                table[u * Side + x] = (float)Math.Cos(Math.PI * (2 * x + 1) * u / (2 * Side));
            }
        }

        return table;
    }
}

// Resampler: a small managed, separable bilinear (triangle-filter) resizer for one image plane (8-bit or float).
namespace Dcgan.Data;

/// <summary>
/// Resizes one plane (8-bit or float) to another size with a separable triangle (bilinear) filter whose support widens
/// when shrinking, so downscaling averages every source pixel (area-like, no aliasing) and upscaling
/// interpolates linearly between pixel centres. This matches Pillow's <c>Image.resize(..., BILINEAR)</c>.
/// </summary>
/// <remarks>
/// Weights are computed once per axis in the constructor; the Resample methods keep no state between
/// calls, so one instance may be used from several threads at once.
/// </remarks>
internal sealed class Resampler
{
    private readonly Axis _horizontal;
    private readonly Axis _vertical;

    public Resampler(int sourceHeight, int sourceWidth, int targetHeight, int targetWidth)
    {
        SourceHeight = sourceHeight;
        SourceWidth = sourceWidth;
        TargetHeight = targetHeight;
        TargetWidth = targetWidth;
        _horizontal = new Axis(sourceWidth, targetWidth);
        _vertical = new Axis(sourceHeight, targetHeight);
    }

    public int SourceHeight { get; }

    public int SourceWidth { get; }

    public int TargetHeight { get; }

    public int TargetWidth { get; }

    /// <summary>Resamples <paramref name="source"/> ([H, W] bytes) into <paramref name="destination"/> ([H', W'], scaled to [-1, 1]).</summary>
    public void Resample(ReadOnlySpan<byte> source, Span<float> destination)
    {
        float[] plane = new float[SourceHeight * SourceWidth];
        for (int i = 0; i < plane.Length; i++)
        {
            plane[i] = source[i];
        }

        Resample(plane, destination);                                   // [dstH, dstW] in [0, 255]
        for (int i = 0; i < TargetHeight * TargetWidth; i++)
        {
            destination[i] = Math.Clamp(destination[i] / 127.5f - 1f, -1f, 1f);
        }
    }

    /// <summary>
    /// Resamples <paramref name="source"/> ([H, W] floats) into <paramref name="destination"/> ([H', W'] floats) on the
    /// same value scale: every output is a weighted mean of inputs, so values stay within the input's range.
    /// </summary>
    public void Resample(ReadOnlySpan<float> source, Span<float> destination)
    {
        // Pass 1, horizontal: [srcH, srcW] -> [srcH, dstW].
        float[] temp = new float[SourceHeight * TargetWidth];
        for (int y = 0; y < SourceHeight; y++)
        {
            ReadOnlySpan<float> row = source.Slice(y * SourceWidth, SourceWidth);
            for (int x = 0; x < TargetWidth; x++)
            {
                int start = _horizontal.Starts[x];
                ReadOnlySpan<float> weights = _horizontal.WeightsFor(x);
                float sum = 0f;
                for (int k = 0; k < weights.Length; k++)
                {
                    sum += weights[k] * row[start + k];
                }

                temp[y * TargetWidth + x] = sum;
            }
        }

        // Pass 2, vertical: [srcH, dstW] -> [dstH, dstW].
        for (int y = 0; y < TargetHeight; y++)
        {
            int start = _vertical.Starts[y];
            ReadOnlySpan<float> weights = _vertical.WeightsFor(y);
            for (int x = 0; x < TargetWidth; x++)
            {
                float sum = 0f;
                for (int k = 0; k < weights.Length; k++)
                {
                    sum += weights[k] * temp[(start + k) * TargetWidth + x];
                }

                destination[y * TargetWidth + x] = sum;
            }
        }
    }

    /// <summary>Per-output-pixel source ranges and normalised triangle weights for one axis.</summary>
    private sealed class Axis
    {
        private readonly float[] _weights;
        private readonly int _stride;
        private readonly int[] _counts;

        public Axis(int sourceLength, int targetLength)
        {
            double scale = (double)sourceLength / targetLength;
            double filterScale = Math.Max(scale, 1.0);   // widen the kernel when shrinking: antialiasing
            double support = filterScale;                 // triangle radius is 1 source pixel, scaled
            _stride = (int)Math.Ceiling(support) * 2 + 1;
            Starts = new int[targetLength];
            _counts = new int[targetLength];
            _weights = new float[targetLength * _stride];
            for (int i = 0; i < targetLength; i++)
            {
                double centre = (i + 0.5) * scale;
                int lo = Math.Max(0, (int)Math.Floor(centre - support));
                int hi = Math.Min(sourceLength, (int)Math.Ceiling(centre + support));
                double total = 0;
                int count = 0;
                for (int j = lo; j < hi && count < _stride; j++, count++)
                {
                    double w = Math.Max(0.0, 1.0 - Math.Abs((j + 0.5 - centre) / filterScale));
                    _weights[i * _stride + count] = (float)w;
                    total += w;
                }

                if (total <= 0)
                {
                    // Cannot happen for positive sizes; fall back to the nearest pixel rather than output zeros.
                    _weights[i * _stride] = 1f;
                    lo = Math.Clamp((int)centre, 0, sourceLength - 1);
                    count = 1;
                    total = 1;
                }

                for (int k = 0; k < count; k++)
                {
                    _weights[i * _stride + k] = (float)(_weights[i * _stride + k] / total);
                }

                Starts[i] = lo;
                _counts[i] = count;
            }
        }

        public int[] Starts { get; }

        public ReadOnlySpan<float> WeightsFor(int index) => _weights.AsSpan(index * _stride, _counts[index]);
    }
}

// PlantedDuplicates: image sets with known duplicates (exact copies, small noise, one-pixel shifts, brightness changes)
// and sets built to be distinct, shared by the data and evaluation de-duplication tests.
using Dcgan.Data;

namespace Dcgan.Data.Tests.Deduplication;

/// <summary>An <see cref="IImageDataSource"/> over managed pixels.</summary>
internal sealed class MemoryImageSource(ImageShape shape, float[] pixels) : IImageDataSource
{
    public int Count => pixels.Length / shape.ElementCount;

    public ImageShape Shape => shape;

    public string Description => $"memory ({Count} images {shape})";

    public float[] Pixels => pixels;

    public void CopyImage(int index, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        pixels.AsSpan(index * shape.ElementCount, shape.ElementCount).CopyTo(destination);
    }
}

/// <summary>How a planted copy differs from its original.</summary>
internal enum Plant
{
    Exact,
    Noise,
    Shift,
    Brightness,
}

/// <summary>A set of images with planted copies: <see cref="Pairs"/> lists (original, copy, kind).</summary>
internal sealed record PlantedSet(MemoryImageSource Source, IReadOnlyList<(int Original, int Copy, Plant Kind)> Pairs);

internal static class PlantedDuplicates
{
    /// <summary>
    /// The perceptual distance at which the planted copies are looked for: 4 bits (the default, 0, is tuned for
    /// precision on real data and misses copies whose noise flips a bit pair).
    /// </summary>
    public const int PerceptualTolerance = 4;

    /// <summary>The first <paramref name="count"/> images of the shipped Fashion-MNIST test split.</summary>
    public static MemoryImageSource FashionTestImages(int count)
    {
        IImageDataSource split = ImageDataSources.Open(FashionMnistTestImages());
        var pixels = new float[count * split.Shape.ElementCount];
        for (int i = 0; i < count; i++)
        {
            split.CopyImage(i, pixels.AsSpan(i * split.Shape.ElementCount, split.Shape.ElementCount));
        }

        return new MemoryImageSource(split.Shape, pixels);
    }

    /// <summary>
    /// <paramref name="baseCount"/> Fashion-MNIST test images followed by copies of images 0, 1, 2, ... of
    /// <paramref name="copiesPerKind"/> per kind: exact copies, copies with Gaussian noise (std 0.02, pixels in
    /// [-1, 1]), copies shifted right by one pixel (the vacated column takes the background, -1) and copies 0.1
    /// brighter (clipped at 1).
    /// </summary>
    public static PlantedSet Build(int baseCount, int copiesPerKind, int seed = 7)
    {
        MemoryImageSource bases = FashionTestImages(baseCount);
        ImageShape shape = bases.Shape;
        int length = shape.ElementCount;
        var random = new Random(seed);
        var pixels = new List<float>(bases.Pixels);
        var pairs = new List<(int, int, Plant)>();
        int original = 0;
        foreach (Plant kind in Enum.GetValues<Plant>())
        {
            for (int c = 0; c < copiesPerKind; c++, original++)
            {
                float[] image = bases.Pixels.AsSpan(original * length, length).ToArray();
                float[] copy = kind switch
                {
                    Plant.Exact => image,
                    Plant.Noise => image.Select(v => Math.Clamp(v + 0.02f * (float)Normal(random), -1f, 1f)).ToArray(),
                    Plant.Shift => ShiftRight(image, shape),
                    _ => image.Select(v => Math.Min(v + 0.1f, 1f)).ToArray(),
                };
                pairs.Add((original, pixels.Count / length, kind));
                pixels.AddRange(copy);
            }
        }

        return new PlantedSet(new MemoryImageSource(shape, pixels.ToArray()), pairs);
    }

    /// <summary>
    /// <paramref name="count"/> images built to be far apart: each is a 7x7 grid of 4x4-pixel blocks whose grey levels
    /// are drawn independently and uniformly from [-1, 1], so any two differ everywhere by unrelated amounts (no image
    /// is a shift, a brightness change or a noisy copy of another).
    /// </summary>
    public static MemoryImageSource Distinct(int count, int seed = 3)
    {
        var random = new Random(seed);
        var shape = new ImageShape(1, 28, 28);
        var pixels = new float[count * shape.ElementCount];
        for (int n = 0; n < count; n++)
        {
            float[] levels = Enumerable.Range(0, 49).Select(_ => (float)(2 * random.NextDouble() - 1)).ToArray();
            for (int y = 0; y < 28; y++)
            {
                for (int x = 0; x < 28; x++)
                {
                    pixels[n * shape.ElementCount + y * 28 + x] = levels[(y / 4) * 7 + x / 4];
                }
            }
        }

        return new MemoryImageSource(shape, pixels);
    }

    /// <summary>The group (members) that contains <paramref name="index"/>, or null.</summary>
    public static int[]? GroupOf(IEnumerable<int[]> groups, int index) => groups.FirstOrDefault(g => g.Contains(index));

    private static float[] ShiftRight(float[] image, ImageShape shape)
    {
        var shifted = new float[image.Length];
        for (int y = 0; y < shape.Height; y++)
        {
            shifted[y * shape.Width] = -1f;
            Array.Copy(image, y * shape.Width, shifted, y * shape.Width + 1, shape.Width - 1);
        }

        return shifted;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    private static string FashionMnistTestImages()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", "fashion-mnist", "t10k-images-idx3-ubyte.gz");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"data/fashion-mnist not found above {AppContext.BaseDirectory}");
    }
}

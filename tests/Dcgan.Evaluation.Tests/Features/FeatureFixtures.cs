using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Models;

namespace Dcgan.Evaluation.Tests.Features;

/// <summary>Tiny in-memory images and synthetic classification data for the Features tests.</summary>
internal static class FeatureFixtures
{
    public static DcganModelOptions TinyOptions(int size = 28, int channels = 1) => new()
    {
        ImageSize = size,
        Channels = channels,
        LatentDimension = 8,
        GeneratorWidth = 4,
        DiscriminatorWidth = 4,
    };

    /// <summary>Random images in [-1, 1] from a seeded System.Random.</summary>
    public static ArrayImageSource RandomImages(int count, ImageShape shape, int seed)
    {
        var rng = new Random(seed);
        var pixels = new float[count * shape.ElementCount];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)(rng.NextDouble() * 2 - 1);
        }

        return new ArrayImageSource(pixels, shape);
    }

    /// <summary>
    /// Two or more Gaussian blobs in <paramref name="dims"/> dimensions, class k centred at <c>separation * e_k</c>
    /// (unit variance), <paramref name="perClass"/> points each, rows interleaved by class.
    /// </summary>
    public static (FeatureMatrix X, int[] Labels) Blobs(int classes, int perClass, int dims, double separation, int seed)
    {
        var rng = new Random(seed);
        int n = classes * perClass;
        FeatureMatrix x = FeatureMatrix.Zeros(n, dims);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int k = i % classes;
            labels[i] = k;
            Span<float> row = x.Row(i);
            for (int j = 0; j < dims; j++)
            {
                row[j] = (float)(Gaussian(rng) + (j == k ? separation : 0));
            }
        }

        return (x, labels);
    }

    public static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

/// <summary>An <see cref="IImageDataSource"/> over a managed array.</summary>
internal sealed class ArrayImageSource(float[] pixels, ImageShape shape) : IImageDataSource
{
    public float[] Pixels => pixels;

    public int Count => pixels.Length / shape.ElementCount;

    public ImageShape Shape => shape;

    public string Description => $"array of {Count} {shape} images";

    public void CopyImage(int index, Span<float> destination) =>
        pixels.AsSpan(index * shape.ElementCount, shape.ElementCount).CopyTo(destination);

    public ArrayImageSource Subset(int start, int count) =>
        new(pixels.AsSpan(start * shape.ElementCount, count * shape.ElementCount).ToArray(), shape);
}

// FakeImageGenerator: an IImageGenerator with no network: pixel p of an image is its z[p % Z] (so images are easy to
// predict), and every RenderBatch call's row count is recorded.
using Dcgan.Data;

namespace Dcgan.Generation.Tests;

internal sealed class FakeImageGenerator(int latentDimension, ImageShape shape, LatentDistribution distribution = LatentDistribution.Uniform)
    : IImageGenerator
{
    public int LatentDimension => latentDimension;

    public LatentDistribution LatentDistribution => distribution;

    public ImageShape ImageShape => shape;

    public List<int> BatchRows { get; } = [];

    /// <summary>When set, RenderBatch returns this many images instead (a broken backend).</summary>
    public int? WrongCount { get; init; }

    public ImageBatch RenderBatch(IReadOnlyList<float[]> latents)
    {
        LatentRows.RequireDimension(latents, LatentDimension);
        BatchRows.Add(latents.Count);
        int count = WrongCount ?? latents.Count;
        var pixels = new float[count * shape.ElementCount];
        for (int i = 0; i < count; i++)
        {
            for (int p = 0; p < shape.ElementCount; p++)
            {
                pixels[i * shape.ElementCount + p] = ExpectedPixel(latents[i % latents.Count], p);
            }
        }

        return new ImageBatch(count, shape, pixels);
    }

    public static float ExpectedPixel(float[] z, int p) => z[p % z.Length];
}

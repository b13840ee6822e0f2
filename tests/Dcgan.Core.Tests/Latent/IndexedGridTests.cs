using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Imaging;
using Dcgan.Latent;
using Dcgan.Models;
using SkiaSharp;
using TorchSharp;

namespace Dcgan.Core.Tests.Latent;

public class IndexedGridTests
{
    private static DcganGenerator TinyGenerator()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(
            new DcganModelOptions { ImageSize = 28, Channels = 1, LatentDimension = 8, GeneratorWidth = 4, DiscriminatorWidth = 4 }, 7);
        d.Dispose();
        return g;
    }

    [Fact]
    public void Same_seed_gives_the_same_vectors_and_row_i_does_not_depend_on_the_count()
    {
        IndexedLatentGrid a = IndexedLatentGrid.Create(11, 12, 8, LatentDistribution.Uniform);
        IndexedLatentGrid b = IndexedLatentGrid.Create(11, 12, 8, LatentDistribution.Uniform);
        IndexedLatentGrid bigger = IndexedLatentGrid.Create(11, 20, 8, LatentDistribution.Uniform);
        b.Vectors.Should().BeEquivalentTo(a.Vectors, o => o.WithStrictOrdering());
        bigger.Vectors.Take(12).Should().BeEquivalentTo(a.Vectors, o => o.WithStrictOrdering());
        LatentSeeds.Row(11, 5, 8, LatentDistribution.Uniform).Should().Equal(a.Vector(5));
        bigger.Vectors.Should().BeEquivalentTo(LatentSeeds.ForSeed(11, 20, 8, LatentDistribution.Uniform), o => o.WithStrictOrdering());
        IndexedLatentGrid.Create(12, 12, 8, LatentDistribution.Uniform).Vector(0).Should().NotEqual(a.Vector(0));
        a.Vectors.SelectMany(v => v).Should().OnlyContain(v => v >= -1 && v <= 1);
    }

    [Fact]
    public void Concept_from_indices_averages_those_tiles_and_out_of_range_indices_name_the_grid_size()
    {
        IndexedLatentGrid grid = IndexedLatentGrid.Create(3, 10, 8, LatentDistribution.Normal);
        LatentConcept c = grid.Concept([1, 4, 9]);
        c.Mean.Should().Equal(LatentConcept.FromExemplars([grid.Vector(1), grid.Vector(4), grid.Vector(9)]).Mean);
        c.Name.Should().Be("1,4,9");
        FluentActions.Invoking(() => grid.Concept([1, 10])).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("Index 10 is outside the indexed grid of 10 samples*0 to 9*");
        FluentActions.Invoking(() => grid.Concept([-1])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("Index -1*");
        FluentActions.Invoking(() => grid.Concept([])).Should().Throw<ArgumentException>().WithMessage("*at least one tile index; got 0*");
    }

    [Fact]
    public void Same_seed_gives_the_same_png_bytes_and_every_tile_has_a_label_drawn()
    {
        using DcganGenerator g = TinyGenerator();
        byte[] Png(long seed) => IndexedGridImage.EncodePng(g.Render(IndexedLatentGrid.For(g, seed, 10).Vectors), scale: 2);
        byte[] first = Png(21);
        Png(21).Should().Equal(first);
        Png(22).Should().NotEqual(first);

        ImageBatch images = g.Render(IndexedLatentGrid.For(g, 21, 10).Vectors);
        IndexedGridLayout layout = IndexedGridImage.Layout(10, images.Shape, scale: 2);
        using SKBitmap bitmap = SKBitmap.Decode(first);
        bitmap.Width.Should().Be(layout.Width);
        bitmap.Height.Should().Be(layout.Height);
        for (int n = 0; n < 10; n++)
        {
            PixelRect band = layout.LabelRect(n);
            int bright = 0;
            for (int y = band.Top; y < band.Bottom; y++)
            {
                for (int x = band.Left; x < band.Right; x++)
                {
                    bright += bitmap.GetPixel(x, y).Red > 128 ? 1 : 0;
                }
            }

            bright.Should().BeGreaterThan(5, $"tile {n}'s label band must contain drawn text");
        }
    }

    [Fact]
    public void Labels_differ_per_tile_and_a_missing_font_fails_loudly()
    {
        var images = new ImageBatch(2, new ImageShape(1, 28, 28), new float[2 * 28 * 28]);
        IndexedGridLayout layout = IndexedGridImage.Layout(2, images.Shape, scale: 2);
        using SKBitmap a = SKBitmap.Decode(IndexedGridImage.EncodePng(images, labels: [1, 1], scale: 2));
        using SKBitmap b = SKBitmap.Decode(IndexedGridImage.EncodePng(images, labels: [1, 7], scale: 2));
        Band(a, layout.LabelRect(1)).Should().Equal(Band(a, layout.LabelRect(0)));
        Band(b, layout.LabelRect(1)).Should().NotEqual(Band(b, layout.LabelRect(0)));
        FluentActions.Invoking(() => IndexedGridImage.EncodePng(images, fontFamily: "No Such Font Family 12345"))
            .Should().Throw<FontUnavailableException>().WithMessage("*No Such Font Family 12345*");
    }

    private static uint[] Band(SKBitmap bitmap, PixelRect rect)
    {
        var pixels = new List<uint>();
        for (int y = rect.Top; y < rect.Bottom; y++)
        {
            for (int x = rect.Left; x < rect.Right; x++)
            {
                pixels.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return [.. pixels];
    }

    [Fact]
    public void Render_names_a_latent_dimension_mismatch_and_gives_one_image_per_row()
    {
        using DcganGenerator g = TinyGenerator();
        FluentActions.Invoking(() => g.Render([new float[100]])).Should().Throw<ArgumentException>().WithMessage("*length 100*expects 8*");
        float[][] z = LatentSeeds.ForSeed(1, 5, 8, LatentDistribution.Uniform);
        ImageBatch all = g.Render(z, batchSize: 2);
        all.Count.Should().Be(5);
        all.Shape.Should().Be(new ImageShape(1, 28, 28));
        // Running statistics: a z gives the same image alone or in a batch (up to kernel rounding across batch sizes).
        float[] alone = g.RenderOne(z[3]).Pixels;
        float[] inBatch = all.Image(3).ToArray();
        alone.Zip(inBatch, (p, q) => Math.Abs(p - q)).Max().Should().BeLessThan(1e-5f);
    }

    [Fact]
    public void Walk_images_strip_and_frames()
    {
        using DcganGenerator g = TinyGenerator();
        float[][] points = IndexedLatentGrid.For(g, 1, 3).Vectors;
        ImageBatch frames = g.Render(LatentInterpolation.Walk(points, 4, LatentInterpolationMode.Spherical));
        frames.Count.Should().Be(9);
        string folder = Path.Combine(Path.GetTempPath(), "dcgan-latent-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(folder).FullName, "frame-9999.png"), "stale");
            ImageRows.SaveFrames(frames, folder).Should().HaveCount(9);
            Directory.GetFiles(folder, "frame-*.png").Select(Path.GetFileName).Should().BeEquivalentTo(Enumerable.Range(0, 9).Select(i => $"frame-{i:D4}.png"));
            string strip = Path.Combine(folder, "strip.png");
            ImageRows.SaveStrip([frames, frames], strip);
            using SKBitmap bitmap = SKBitmap.Decode(strip);
            bitmap.Width.Should().Be(9 * 30 + 2);
            bitmap.Height.Should().Be(2 * 30 + 2);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Rendering_leaves_no_live_tensors()
    {
        using DcganGenerator g = TinyGenerator();
        float[][] z = LatentSeeds.ForSeed(1, 4, 8, LatentDistribution.Uniform);
        g.Render(z);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 3; i++)
        {
            g.Render(z, batchSize: 3);
            IndexedLatentGrid.For(g, i, 4);
            LatentNeighbours.Jitter(z[0], 3, i);
        }

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
    }
}

// `dcgan sample`: one command for a grid file, a folder of images and an indexed grid, with one seed convention:
// image i of --seed s is the generator's image of LatentSeeds.Row(s, i) in every form and for every --count.
using Dcgan.Generation;
using Dcgan.Imaging;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Persistence;
using SkiaSharp;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class SampleCommandTests(TinyRun run)
{
    private const int Count = 5;
    private const long Seed = 7;

    [Fact]
    public void Folder_image_i_is_the_image_of_latent_row_i_of_the_seed()
    {
        string folder = Path.Combine(run.NewFolder(), "each");
        Sample("--output", folder).Should().Be(0);

        Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(Enumerable.Range(0, Count).Select(i => $"sample-{i:D4}.png"));
        (DcganGenerator generator, _) = CheckpointModels.LoadGenerator<DcganGenerator>(CheckpointLocator.Resolve(run.RunFolder));
        using (generator)
        {
            for (int i = 0; i < Count; i++)
            {
                float[] z = LatentSeeds.Row(Seed, i, generator.LatentDimension, generator.LatentDistribution);
                byte[] expected = ImageGrid.EncodePng(generator.RenderOne(z), columns: 1, padding: 0);
                File.ReadAllBytes(Path.Combine(folder, $"sample-{i:D4}.png")).Should().Equal(expected, $"image {i} is z = Row({Seed}, {i})");
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_images_as_a_grid_an_indexed_grid_and_a_folder()
    {
        string root = run.NewFolder();
        string folder = Path.Combine(root, "each");
        Sample("--output", folder).Should().Be(0);
        Sample("--output", Path.Combine(root, "grid.png")).Should().Be(0);
        Sample("--output", Path.Combine(root, "indexed.png"), "--indexed", "--scale", "1").Should().Be(0);

        using SKBitmap grid = SKBitmap.Decode(Path.Combine(root, "grid.png"));
        using SKBitmap indexed = SKBitmap.Decode(Path.Combine(root, "indexed.png"));
        var layout = IndexedGridImage.Layout(Count, new Data.ImageShape(1, 28, 28), scale: 1);
        int columns = (int)Math.Ceiling(Math.Sqrt(Count));
        for (int i = 0; i < Count; i++)
        {
            int[] expected = PngPixels.Image(Path.Combine(folder, $"sample-{i:D4}.png"));
            PngPixels.Gray(grid, 2 + (i % columns) * 30, 2 + (i / columns) * 30).Should().Equal(expected, $"grid tile {i} is folder image {i}");
            PixelRect tile = layout.TileRect(i);
            PngPixels.Gray(indexed, tile.Left, tile.Top).Should().Equal(expected, $"indexed tile {i} is folder image {i}");
        }
    }

    [Fact]
    public void A_smaller_count_gives_the_first_images_of_a_larger_one()
    {
        string small = Path.Combine(run.NewFolder(), "small");
        string large = Path.Combine(run.NewFolder(), "large");
        Sample("--output", small, "--count", "2").Should().Be(0);
        Sample("--output", large).Should().Be(0);

        for (int i = 0; i < 2; i++)
        {
            string name = $"sample-{i:D4}.png";
            File.ReadAllBytes(Path.Combine(small, name)).Should().Equal(File.ReadAllBytes(Path.Combine(large, name)));
        }
    }

    [Fact]
    public void A_folder_keeps_no_images_of_an_earlier_larger_count()
    {
        string folder = Path.Combine(run.NewFolder(), "each");
        Sample("--output", folder).Should().Be(0);
        Sample("--output", folder, "--count", "2").Should().Be(0);

        Directory.GetFiles(folder).Should().HaveCount(2);
    }

    [Fact]
    public void Batch_statistics_change_the_images_and_running_statistics_are_the_default()
    {
        string root = run.NewFolder();
        Sample("--output", Path.Combine(root, "default.png")).Should().Be(0);
        Sample("--output", Path.Combine(root, "running.png"), "--batch-norm", "running").Should().Be(0);
        Sample("--output", Path.Combine(root, "batch.png"), "--batch-norm", "batch").Should().Be(0);

        byte[] running = File.ReadAllBytes(Path.Combine(root, "running.png"));
        File.ReadAllBytes(Path.Combine(root, "default.png")).Should().Equal(running);
        File.ReadAllBytes(Path.Combine(root, "batch.png")).Should().NotEqual(running);
    }

    [Fact]
    public void Indexed_with_a_folder_output_is_refused_before_loading_the_checkpoint()
    {
        string folder = Path.Combine(run.NewFolder(), "each");
        (int exit, string errors) = ToolRunner.Dcgan("sample", "--checkpoint", "/nonexistent", "--indexed", "--output", folder);

        exit.Should().Be(2);
        errors.Should().Contain("--indexed").And.Contain(folder).And.Contain(".png");
        Directory.Exists(folder).Should().BeFalse();
    }

    [Theory]
    [InlineData("--count", "0", "--count 0 is out of range: expected 1 to 4096.")]
    [InlineData("--batch-norm", "mean", "--batch-norm 'mean' is not a batch-norm policy; expected running or batch.")]
    public void Bad_values_are_named_in_the_error(string option, string value, string message)
    {
        (int exit, string errors) = ToolRunner.Dcgan("sample", "--checkpoint", run.RunFolder, option, value, "--output", Path.Combine(run.NewFolder(), "x.png"));

        exit.Should().NotBe(0);
        errors.Should().Contain(message);
    }

    [Fact]
    public void The_grid_command_is_gone()
    {
        ToolRunner.Dcgan("grid", "--checkpoint", run.RunFolder).ExitCode.Should().NotBe(0);
    }

    // --seed Seed, and --count Count unless args give one.
    private int Sample(params string[] args) =>
        ToolRunner.Dcgan(["sample", "--checkpoint", run.RunFolder, "--seed", $"{Seed}", .. args.Contains("--count") ? args : [.. args, "--count", $"{Count}"]]).ExitCode;
}

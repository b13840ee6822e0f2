// The latent commands agree with `dcgan sample` on what a seed means: image i of --seed s is the same z everywhere
// (interpolate --from/--to, forget's originals), and their list options name a bad value and an example.
using SkiaSharp;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class LatentCommandTests(TinyRun run)
{
    private const int Padding = 2;

    [Fact]
    public void Interpolate_starts_at_image_0_of_sample_from_and_ends_at_image_0_of_sample_to()
    {
        string root = run.NewFolder();
        Dcgan("sample", "--seed", "2", "--count", "1", "--output", Path.Combine(root, "from")).Should().Be(0);
        Dcgan("sample", "--seed", "7", "--count", "1", "--output", Path.Combine(root, "to")).Should().Be(0);
        Dcgan("interpolate", "--from", "2", "--to", "7", "--steps", "3", "--output", Path.Combine(root, "walk")).Should().Be(0);

        using SKBitmap strip = SKBitmap.Decode(Path.Combine(root, "walk", "interpolation.png"));
        Tile(strip, 0).Should().Equal(PngPixels.Image(Path.Combine(root, "from", "sample-0000.png")));
        Tile(strip, 3).Should().Equal(PngPixels.Image(Path.Combine(root, "to", "sample-0000.png")));
    }

    [Fact]
    public void Forget_shows_the_images_of_sample_with_the_same_seed_as_its_originals()
    {
        string root = run.NewFolder();
        Dcgan("sample", "--seed", "5", "--count", "4", "--output", Path.Combine(root, "each")).Should().Be(0);
        Dcgan("forget", "--seed", "5", "--count", "4", "--maps", "0", "--output", Path.Combine(root, "forget.png")).Should().Be(0);

        using SKBitmap forget = SKBitmap.Decode(Path.Combine(root, "forget.png"));
        for (int i = 0; i < 4; i++)
        {
            Tile(forget, i).Should().Equal(PngPixels.Image(Path.Combine(root, "each", $"sample-{i:D4}.png")), $"original {i} is sample image {i}");
        }
    }

    [Theory]
    [InlineData("forget", "--maps", "1,x", "--maps '1,x': 'x' is not a valid map index; expected e.g. 3,7,12.")]
    [InlineData("arithmetic", "--add", "3,y", "--add '3,y': 'y' is not a valid tile index; expected e.g. 3,17,42.")]
    public void A_bad_index_is_named_with_an_example(string command, string option, string value, string message)
    {
        (int exit, string errors) = ToolRunner.Dcgan(command, "--checkpoint", run.RunFolder, option, value, "--output", Path.Combine(run.NewFolder(), "x.png"));

        exit.Should().Be(2);
        errors.Should().Contain(message);
    }

    [Fact]
    public void Sample_refuses_an_image_extension_it_does_not_write_instead_of_making_a_folder_of_that_name()
    {
        string output = Path.Combine(run.NewFolder(), "x.jpg");

        (int exit, string errors) = ToolRunner.Dcgan("sample", "--checkpoint", run.RunFolder, "--count", "2", "--output", output);

        exit.Should().Be(2);
        errors.Should().Contain("has the extension .jpg, but sample writes PNG, .npy or .npz only");
        Path.Exists(output).Should().BeFalse("nothing is left behind by a refused start");
    }

    [Fact]
    public void Forget_refuses_top_k_with_explicit_maps()
    {
        (int exit, string errors) = ToolRunner.Dcgan("forget", "--checkpoint", run.RunFolder, "--maps", "1,2", "--top-k", "3",
            "--output", Path.Combine(run.NewFolder(), "f.png"));

        exit.Should().Be(2);
        errors.Should().Contain("--top-k 3 only applies with --boxes");
    }

    private int Dcgan(params string[] args) => ToolRunner.Dcgan([.. args, "--checkpoint", run.RunFolder]).ExitCode;

    // Tile i of the first row of a grid with 2-pixel padding, as gray values.
    private static int[] Tile(SKBitmap grid, int i) => PngPixels.Gray(grid, Padding + i * (PngPixels.Side + Padding), Padding);
}

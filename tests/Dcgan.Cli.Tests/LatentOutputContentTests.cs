// What `forget` and `arithmetic` draw, checked pixel by pixel (not only that a PNG decodes): forget's lower row is the
// upper row's samples with maps dropped, so every forgotten tile differs from its original and depends on which maps;
// arithmetic's result is a new image, none of the grid tiles it was computed from.
using SkiaSharp;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class LatentOutputContentTests(TinyRun run)
{
    private const int Padding = 2;
    private const int Count = 4;

    [Fact]
    public void Forget_changes_every_sample_and_the_change_depends_on_the_maps_dropped()
    {
        string folder = run.NewFolder();
        (int[][] originals, int[][] withoutMap0) = Forget(folder, "0");
        (int[][] originalsAgain, int[][] withoutMap1) = Forget(folder, "1");

        originalsAgain.Should().BeEquivalentTo(originals, o => o.WithStrictOrdering(), "the upper row never depends on --maps");
        for (int i = 0; i < Count; i++)
        {
            withoutMap0[i].Should().NotEqual(originals[i], $"sample {i} with map 0 dropped must differ from the unchanged sample");
            withoutMap1[i].Should().NotEqual(originals[i], $"sample {i} with map 1 dropped must differ from the unchanged sample");
            withoutMap1[i].Should().NotEqual(withoutMap0[i], $"dropping map 1 is not dropping map 0 (sample {i})");
        }
    }

    [Fact]
    public void Arithmetic_draws_a_result_that_is_none_of_its_inputs()
    {
        string folder = run.NewFolder();
        int[] result = ArithmeticResult(folder, "expression", "--add", "1", "--subtract", "4", "--add", "7");

        // A one-term expression renders that tile's latent vector itself: the inputs, drawn the same way as the result.
        foreach (string input in new[] { "1", "4", "7" })
        {
            result.Should().NotEqual(ArithmeticResult(folder, $"input-{input}", "--add", input),
                $"z1 - z4 + z7 is not tile {input} of the grid");
        }

        result.Distinct().Should().HaveCountGreaterThan(1, "the result is an image, not a blank tile");
    }

    private (int[][] Originals, int[][] Forgotten) Forget(string folder, string maps)
    {
        string output = Path.Combine(folder, $"forget-{maps}.png");
        ToolResult result = ToolRunner.Dcgan("forget", "--checkpoint", run.RunFolder, "--seed", "5", "--count", $"{Count}",
            "--maps", maps, "--output", output);
        result.ExitCode.Should().Be(0, result.Errors);
        using SKBitmap image = SKBitmap.Decode(output);

        // Row 0: the originals; row 1: blank; row 2: the forgotten samples, each below its original.
        int[] Tile(int row, int column) =>
            PngPixels.Gray(image, Padding + column * (PngPixels.Side + Padding), Padding + row * (PngPixels.Side + Padding));
        return ([.. Enumerable.Range(0, Count).Select(i => Tile(0, i))], [.. Enumerable.Range(0, Count).Select(i => Tile(2, i))]);
    }

    // The whole result.png of `arithmetic` without neighbours: the result tile and its label.
    private int[] ArithmeticResult(string folder, string name, params string[] terms)
    {
        string output = Path.Combine(folder, name);
        ToolResult result = ToolRunner.Dcgan(["arithmetic", "--checkpoint", run.RunFolder, "--grid-seed", "5", "--grid-count", "16",
            .. terms, "--neighbours", "0", "--scale", "1", "--output", output]);
        result.ExitCode.Should().Be(0, result.Errors);
        using SKBitmap image = SKBitmap.Decode(Path.Combine(output, "result.png"));
        return [.. Enumerable.Range(0, image.Width * image.Height).Select(p => (int)image.GetPixel(p % image.Width, p / image.Width).Red)];
    }
}

// Each `dcgan` command that writes images writes the files it announces, into a folder it creates (interpolate with
// --walk, --rows and --frames; arithmetic; forget from a boxes file; sample as a grid).
using SkiaSharp;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class CommandOutputTests(TinyRun run)
{
    [Fact]
    public void Interpolate_writes_one_row_per_walk_and_a_frame_folder_per_walk()
    {
        string output = Path.Combine(run.NewFolder(), "new", "walks");

        ToolResult result = ToolRunner.Dcgan("interpolate", "--checkpoint", run.RunFolder, "--walk", "3", "--rows", "2", "--steps", "2",
            "--mode", "slerp", "--frames", "--output", output);

        result.ExitCode.Should().Be(0, result.Errors);
        using SKBitmap strip = SKBitmap.Decode(Path.Combine(output, "interpolation.png"));
        strip.Height.Should().Be(2 + 2 * (PngPixels.Side + 2), "two rows of 28-pixel tiles with 2-pixel padding");
        Directory.GetFiles(Path.Combine(output, "frames-00"), "frame-*.png").Should().HaveCount(5, "(3 - 1) * 2 + 1 frames");
        Directory.GetFiles(Path.Combine(output, "frames-01"), "frame-*.png").Should().HaveCount(5);
    }

    [Fact]
    public void Arithmetic_writes_the_overview_and_the_result_with_its_neighbours()
    {
        string output = Path.Combine(run.NewFolder(), "arith");

        ToolResult result = ToolRunner.Dcgan("arithmetic", "--checkpoint", run.RunFolder, "--add", "1,2,3", "--subtract", "4,5,6", "--add", "7,8,9",
            "--neighbours", "3", "--scale", "1", "--output", output);

        result.ExitCode.Should().Be(0, result.Errors);
        result.Output.Should().Contain("Expression:");
        using SKBitmap overview = SKBitmap.Decode(Path.Combine(output, "arithmetic.png"));
        overview.Should().NotBeNull();
        using SKBitmap resultImage = SKBitmap.Decode(Path.Combine(output, "result.png"));
        resultImage.Should().NotBeNull();
    }

    [Fact]
    public void Forget_from_a_boxes_file_writes_the_originals_and_the_forgotten_samples()
    {
        string folder = run.NewFolder();
        string boxes = Path.Combine(folder, "boxes.json");
        File.WriteAllText(boxes, """{ "seed": 5, "count": 4, "boxes": [ { "sample": 0, "x": 4, "y": 4, "width": 12, "height": 12 }, { "sample": 2, "x": 8, "y": 6, "width": 10, "height": 10 } ] }""");
        string output = Path.Combine(folder, "out", "forget.png");

        ToolResult result = ToolRunner.Dcgan("forget", "--checkpoint", run.RunFolder, "--boxes", boxes, "--output", output);

        result.ExitCode.Should().Be(0, result.Errors);
        result.Output.Should().Contain("Probe on 2 boxes").And.Contain("Wrote 4 samples (seed 5");
        using SKBitmap image = SKBitmap.Decode(output);
        image.Height.Should().Be(2 + 3 * (PngPixels.Side + 2), "originals, a blank row, forgotten samples");
    }

    [Fact]
    public void Sample_creates_the_folder_of_a_grid_file()
    {
        string output = Path.Combine(run.NewFolder(), "a", "b", "grid.png");

        ToolRunner.Dcgan("sample", "--checkpoint", run.RunFolder, "--count", "4", "--output", output).ExitCode.Should().Be(0);

        File.Exists(output).Should().BeTrue();
    }
}

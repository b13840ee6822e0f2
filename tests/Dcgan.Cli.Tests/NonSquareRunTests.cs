// A non-square run through the command line: `train --image-size 32x48` on a folder of 60x40 pictures, then `sample`
// from the checkpoint and, after `export`, from ONNX Runtime: both give [N, 3, 32, 48] images, the same ones.
using System.CommandLine;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Interop;
using Dcgan.Persistence;
using SkiaSharp;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class NonSquareRunTests(TinyRun run)
{
    [Theory]
    [InlineData("64x96", 64, 96)]
    [InlineData("48X32", 48, 32)]
    [InlineData("28", 28, 28)]
    public void Sizes_parse_as_height_by_width(string value, int height, int width)
    {
        ParseResult parse = DcganCommands.Create().Parse(["train", "--image-size", value]);
        parse.Errors.Should().BeEmpty();
        parse.GetValue<ImageSizeArgument?>("--image-size").Should().Be(new ImageSizeArgument(height, width));
    }

    [Theory]
    [InlineData("64x", "--image-size '64x' is not a size; expected a side such as 64, or height x width such as 64x96.")]
    [InlineData("64*96", "--image-size '64*96' is not a size; expected a side such as 64, or height x width such as 64x96.")]
    public void Bad_sizes_are_refused_in_the_users_words(string value, string message)
    {
        DcganCommands.Create().Parse(["train", "--image-size", value]).Errors.Select(e => e.Message).Should().ContainSingle().Which.Should().Be(message);
    }

    [Fact]
    public void A_width_that_does_not_fit_the_height_is_refused_before_training()
    {
        string folder = Dcgan.Core.Tests.Training.DiscPictures.Write(run.NewFolder(), 8);
        (int exit, string errors) = ToolRunner.Dcgan("train", "--data", folder, "--image-size", "28x40", "--epochs", "1", "--batch-size", "4", "--output", run.NewFolder());
        exit.Should().Be(CommandLineTool.UserErrorExitCode);
        errors.Should().Contain("--image-size 28 (7 * 2^2) and --image-size 40 (5 * 2^3) need the same number of doublings: the width must be between 4/7 and 7/4 of the height");
    }

    [Fact]
    public void A_32x48_run_trains_samples_and_exports_at_its_shape()
    {
        string root = run.NewFolder();
        string output = Path.Combine(root, "run");
        (int exit, string errors) = ToolRunner.Dcgan("train", "--data", Dcgan.Core.Tests.Training.DiscPictures.Write(Path.Combine(root, "pictures"), 32), "--image-size", "32x48",
            "--epochs", "1", "--batch-size", "8", "--generator-width", "4", "--discriminator-width", "4", "--output", output);
        exit.Should().Be(0, errors);
        Checkpoints.Read(CheckpointLocator.Resolve(output)).ImageShape.Should().Be(new ImageShape(3, 32, 48));

        string model = Path.Combine(root, "g.onnx");
        ToolRunner.Dcgan("export", "--checkpoint", output, "--output", model).ExitCode.Should().Be(0);
        ToolResult torch = ToolRunner.Dcgan("sample", "--checkpoint", output, "--seed", "5", "--count", "4", "--output", Path.Combine(root, "torch.npy"));
        ToolResult onnx = ToolRunner.Dcgan("sample", "--backend", "onnx", "--model", model, "--seed", "5", "--count", "4", "--output", Path.Combine(root, "onnx.npy"));
        torch.ExitCode.Should().Be(0, torch.Errors);
        onnx.ExitCode.Should().Be(0, onnx.Errors);

        NpyArray<float> a = NpyFile.ReadFloat32(Path.Combine(root, "torch.npy"));
        NpyArray<float> b = NpyFile.ReadFloat32(Path.Combine(root, "onnx.npy"));
        a.Shape.Should().Equal(4L, 3L, 32L, 48L);
        b.Shape.Should().Equal(a.Shape);
        a.Data.Zip(b.Data, (x, y) => MathF.Abs(x - y)).Max().Should().BeLessThanOrEqualTo(1e-5f);

        string grid = Path.Combine(root, "grid.png");
        ToolRunner.Dcgan("sample", "--checkpoint", output, "--count", "4", "--output", grid).ExitCode.Should().Be(0);
        using SKCodec codec = SKCodec.Create(grid);
        codec.Info.Width.Should().BeGreaterThan(codec.Info.Height, "a square arrangement of tiles 48 wide and 32 high is wider than high");
    }
}

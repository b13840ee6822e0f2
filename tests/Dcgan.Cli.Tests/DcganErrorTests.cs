// `dcgan`: each command's bad arguments give one line in flags and values and exit code 2 (issue 12's cases), and a
// refused start leaves nothing behind.
namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class DcganErrorTests(TinyRun run)
{
    [Theory]
    [InlineData("--image-size x", "--image-size 'x' is not a size; expected a side such as 64, or height x width such as 64x96.")]
    [InlineData("--preset foo", "--preset: 'foo' is not one of Paper, PyTorch.")]
    [InlineData("--dedup foo", "--dedup 'foo' is not one of Exact, Perceptual, Semantic.")]
    [InlineData("--epochs 0", "--epochs 0 is out of range: expected 1 to 1000000.")]
    [InlineData("--batch-size 500", "--batch-size 500 is larger than the data set")]
    [InlineData("--batch-size 32 --generator-width 0", "--generator-width 0 is out of range")]
    [InlineData("--bogus", "Unrecognized command or argument '--bogus'")]
    public void Train_refuses_in_flags_and_values(string args, string message)
    {
        string output = Path.Combine(run.NewFolder(), "run");

        ToolRunner.Dcgan(["train", "--data", run.Data, "--output", output, .. args.Split(' ')]).ShouldBeOneLineUserError(message);
        Path.Exists(output).Should().BeFalse("a refused start leaves no run folder");
    }

    [Fact]
    public void A_failed_start_on_an_unavailable_device_leaves_no_run_folder()
    {
        string output = Path.Combine(run.NewFolder(), "run");

        ToolRunner.Dcgan("train", "--data", run.Data, "--batch-size", "32", "--device", "cuda", "--output", output)
            .ShouldBeOneLineUserError("--device: Device 'cuda' was requested but CUDA is not available");
        Path.Exists(output).Should().BeFalse("no header-only losses.csv is left behind");
    }

    [Theory]
    [InlineData("gpu", "--device: Unknown device 'gpu': expected \"auto\", \"cpu\", \"cuda\" or \"cuda:N\".")]
    [InlineData("cuda:7", "--device: Device 'cuda:7' was requested but CUDA is not available")]
    public void A_device_that_is_not_there_is_refused_when_the_command_line_is_parsed(string device, string message)
    {
        string output = Path.Combine(run.NewFolder(), "run");

        ToolRunner.Dcgan("train", "--data", "no-such-data.idx", "--device", device, "--output", output).ShouldBeOneLineUserError(message);
        Path.Exists(output).Should().BeFalse();
    }

    [Fact]
    public void Train_refuses_an_output_that_is_a_file_before_reading_data()
    {
        string file = Path.Combine(run.NewFolder(), "taken");
        File.WriteAllText(file, "x");

        ToolRunner.Dcgan("train", "--data", "/nonexistent", "--output", file).ShouldBeOneLineUserError($"--output '{file}' is a file");
    }

    [Theory]
    [InlineData("sample", "--count 0", "--count 0 is out of range: expected 1 to ")]
    [InlineData("sample", "--indexed --scale 0", "--scale 0 is out of range: expected 1 to 16.")]
    [InlineData("sample", "--batch-norm mean", "--batch-norm 'mean' is not a batch-norm policy; expected running or batch.")]
    [InlineData("interpolate", "--steps 3", "Give --from and --to (the seeds of the two end points")]
    [InlineData("interpolate", "--from 2", "--from needs --to")]
    [InlineData("interpolate", "--to 2", "--to needs --from")]
    [InlineData("interpolate", "--from 2 --to 7 --rows 3", "--rows 3 needs --walk")]
    [InlineData("interpolate", "--walk 3 --from 2", "--walk 3 cannot be combined with --from")]
    [InlineData("interpolate", "--from 2 --to 7 --mode foo", "--mode 'foo' is not one of lerp, slerp.")]
    [InlineData("interpolate", "--walk x", "--walk 'x' is not a whole number.")]
    [InlineData("arithmetic", "--add 70", "--add/--subtract: Index 70 is outside the indexed grid of 64 samples (seed 1); valid indices are 0 to 63.")]
    [InlineData("arithmetic", "--add 1,,3", "--add '1,,3' has an empty entry between commas; expected e.g. 3,17,42.")]
    [InlineData("arithmetic", "--add 1 --scale 0", "--scale 0 is out of range: expected 1 to 16.")]
    [InlineData("arithmetic", "--neighbours 1", "Give at least one --add or --subtract")]
    [InlineData("forget", "--maps 70", "--maps: Feature map 70 does not exist in layer block1; valid maps are 0..7.")]
    [InlineData("forget", "--maps 1 --layer block9", "--layer: Generator layer 'block9' does not exist; valid layers are block0..block1")]
    [InlineData("forget", "--maps 1 --top-k 3", "--top-k 3 only applies with --boxes")]
    [InlineData("forget", "--maps 1,,2", "--maps '1,,2' has an empty entry")]
    public void Latent_commands_refuse_in_flags_and_values(string command, string args, string message)
    {
        string folder = run.NewFolder();
        string output = Path.Combine(folder, command == "forget" ? "out.png" : "out");

        ToolRunner.Dcgan([command, "--checkpoint", run.RunFolder, "--output", output, .. args.Split(' ')]).ShouldBeOneLineUserError(message);
        Directory.EnumerateFileSystemEntries(folder).Should().BeEmpty("a refused start leaves nothing behind");
    }

    [Theory]
    [InlineData("sample", "x.png")]
    [InlineData("sample", "each")]
    [InlineData("interpolate", "walk")]
    [InlineData("forget", "f.png")]
    public void An_unwritable_output_is_named_before_anything_is_computed(string command, string name)
    {
        string output = Path.Combine("/proc", "dcgan-cli-test", name);
        string[] extra = command switch { "interpolate" => ["--from", "1", "--to", "2"], "forget" => ["--maps", "1"], _ => [] };

        ToolRunner.Dcgan([command, "--checkpoint", "/nonexistent", "--output", output, .. extra])
            .ShouldBeOneLineUserError($"--output '{output}' cannot be written: '/proc' (where its missing folders would be created) does not accept new files");
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("interpolate")]
    [InlineData("arithmetic")]
    [InlineData("forget")]
    public void A_file_that_is_not_a_checkpoint_is_named_as_such(string command)
    {
        string losses = Path.Combine(run.RunFolder, "losses.csv");
        string output = Path.Combine(run.NewFolder(), "out.png");
        string[] extra = command switch { "interpolate" => ["--from", "1", "--to", "2"], "forget" => ["--maps", "1"], "arithmetic" => ["--add", "1"], _ => [] };

        ToolRunner.Dcgan([command, "--checkpoint", losses, "--output", command is "sample" or "forget" ? output : Path.GetDirectoryName(output)!, .. extra])
            .ShouldBeOneLineUserError($"--checkpoint '{losses}' is not a Dcgan checkpoint file; give a .dcgan file written by `dcgan train`, or its run folder.");
    }

    [Fact]
    public void Forget_refuses_an_output_that_is_not_png_instead_of_writing_png_bytes_into_it()
    {
        string output = Path.Combine(run.NewFolder(), "f.jpg");

        ToolRunner.Dcgan("forget", "--checkpoint", run.RunFolder, "--maps", "1", "--output", output)
            .ShouldBeOneLineUserError($"--output '{output}' has the extension .jpg, but this command writes PNG");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public void Forget_names_a_missing_boxes_file_with_its_flag()
    {
        string boxes = Path.Combine(run.NewFolder(), "boxes.json");

        ToolRunner.Dcgan("forget", "--checkpoint", run.RunFolder, "--boxes", boxes, "--output", Path.Combine(run.NewFolder(), "f.png"))
            .ShouldBeOneLineUserError($"--boxes '{boxes}' does not exist");
    }

    [Fact]
    public void Forget_names_top_k_out_of_range_with_its_flag()
    {
        string boxes = Path.Combine(run.NewFolder(), "boxes.json");
        File.WriteAllText(boxes, """{ "seed": 5, "count": 4, "boxes": [ { "sample": 0, "x": 4, "y": 4, "width": 10, "height": 10 } ] }""");

        ToolRunner.Dcgan("forget", "--checkpoint", run.RunFolder, "--boxes", boxes, "--top-k", "0", "--output", Path.Combine(run.NewFolder(), "f.png"))
            .ShouldBeOneLineUserError("--top-k 0 is out of range: expected at least 1.");
    }

    [Theory]
    [InlineData("--method foo", "--method 'foo' is not one of Exact, Perceptual, Semantic.")]
    [InlineData("--method perceptual --max-distance 500", "--max-distance 500 is out of range: expected 0 to 62.")]
    [InlineData("--method exact --max-distance 2", "--max-distance 2 does not apply to --method exact")]
    [InlineData("--method semantic --epochs 0", "--epochs 0 is out of range: expected 1 to 10000.")]
    public void Dedup_refuses_in_flags_and_values(string args, string message)
    {
        string output = Path.Combine(run.NewFolder(), "dedup");

        ToolRunner.Dcgan(["dedup", "--data", run.Data, "--output", output, .. args.Split(' ')]).ShouldBeOneLineUserError(message);
        Path.Exists(output).Should().BeFalse();
    }
}

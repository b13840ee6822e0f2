// `dcgan sample --backend onnx --model g.onnx`: ONNX Runtime renders the images of a seed (or of --latent vectors) that
// TorchSharp renders from the checkpoint the model was exported from, within 1e-5, in every output form; the backend's
// options are checked before anything is loaded, with one-line errors.
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Interop;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class SampleBackendTests(TinyRun run)
{
    private const string Seed = "11";

    [Fact]
    public void A_seed_gives_the_checkpoints_images_on_the_onnx_backend()
    {
        string root = run.NewFolder();
        string model = Export(root);

        ToolResult onnx = ToolRunner.Dcgan("sample", "--backend", "onnx", "--model", model, "--seed", Seed, "--count", "6", "--batch-size", "4", "--output", Path.Combine(root, "onnx.npy"));
        ToolResult torch = ToolRunner.Dcgan("sample", "--checkpoint", run.RunFolder, "--seed", Seed, "--count", "6", "--batch-size", "4", "--output", Path.Combine(root, "torch.npy"));

        onnx.ExitCode.Should().Be(0, onnx.Errors);
        torch.ExitCode.Should().Be(0, torch.Errors);
        onnx.Output.Should().Contain("ONNX Runtime generator from g.onnx: z 100-d Uniform, images 1x28x28");
        NpyArray<float> a = NpyFile.ReadFloat32(Path.Combine(root, "onnx.npy"));
        NpyArray<float> b = NpyFile.ReadFloat32(Path.Combine(root, "torch.npy"));
        a.Shape.Should().Equal(b.Shape);
        a.Shape.Should().Equal(6L, 1L, 28L, 28L);
        a.Data.Zip(b.Data, (x, y) => MathF.Abs(x - y)).Max().Should().BeLessThanOrEqualTo(1e-5f);
        a.Data.Chunk(28 * 28).Select(image => image[0]).Distinct().Should().HaveCountGreaterThan(1, "six different images, so row order matters");
    }

    [Fact]
    public void The_onnx_backend_writes_grids_folders_npz_and_latent_files()
    {
        string root = run.NewFolder();
        string model = Export(root);
        float[][] rows = LatentSeeds.ForSeed(3, 2, 100, LatentDistribution.Uniform);
        string latent = Path.Combine(root, "z.npy");
        NpyFile.Write(latent, rows.SelectMany(r => r).ToArray(), [2, 100, 1, 1]);

        Onnx(model, "--count", "4", "--output", Path.Combine(root, "grid.png"));
        Onnx(model, "--count", "3", "--output", Path.Combine(root, "folder"));
        Onnx(model, "--count", "3", "--output", Path.Combine(root, "s.npz"));
        Onnx(model, "--latent", latent, "--output", Path.Combine(root, "latent.npy"));
        ToolResult torch = ToolRunner.Dcgan("sample", "--checkpoint", run.RunFolder, "--latent", latent, "--output", Path.Combine(root, "latent-torch.npy"));

        new FileInfo(Path.Combine(root, "grid.png")).Length.Should().BeGreaterThan(0);
        Directory.GetFiles(Path.Combine(root, "folder"), "sample-*.png").Should().HaveCount(3);
        NpyFile.ReadUInt8FromNpz(Path.Combine(root, "s.npz"), "arr_0").Shape.Should().Equal(3L, 28L, 28L, 1L);
        torch.ExitCode.Should().Be(0, torch.Errors);
        float[] fromOnnx = NpyFile.ReadFloat32(Path.Combine(root, "latent.npy")).Data;
        float[] fromTorch = NpyFile.ReadFloat32(Path.Combine(root, "latent-torch.npy")).Data;
        fromOnnx.Zip(fromTorch, (x, y) => MathF.Abs(x - y)).Max().Should().BeLessThanOrEqualTo(1e-5f);
    }

    [Fact]
    public void A_PyTorch_exported_generator_samples_with_its_prior_given_and_renders_PyTorchs_images()
    {
        string root = run.NewFolder();
        string fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "pytorch-examples");
        string model = Path.Combine(root, "pytorch-netG.onnx"); // out of the test folder, whose name would read as code in the message
        File.Copy(Path.Combine(fixtures, "g-nc1.onnx"), model);
        string output = Path.Combine(root, "pytorch.npy");

        ToolRunner.Dcgan("sample", "--backend", "onnx", "--model", model, "--output", Path.Combine(root, "x.png"))
            .ShouldBeOneLineUserError($"--model '{model}' does not record its latent prior (dcgan.latent_prior); give --prior normal (pytorch/examples) or --prior uniform (the paper).");
        ToolResult result = ToolRunner.Dcgan("sample", "--backend", "onnx", "--model", model, "--prior", "normal", "--latent", Path.Combine(fixtures, "z-nc1.npy"), "--output", output);

        result.ExitCode.Should().Be(0, result.Errors);
        result.Output.Should().Contain("z 16-d Normal, images 1x64x64");
        NpyArray<float> expected = NpyFile.ReadFloat32(Path.Combine(fixtures, "images-nc1.npy"));
        NpyArray<float> actual = NpyFile.ReadFloat32(output);
        actual.Shape.Should().Equal(expected.Shape);
        actual.Data.Zip(expected.Data, (x, y) => MathF.Abs(x - y)).Max().Should().BeLessThanOrEqualTo(1e-5f, "PyTorch's own eval-mode output");
    }

    [Theory]
    [InlineData(new[] { "--checkpoint", "run", "--prior", "normal", "--output", "x.png" }, "--prior normal is for --backend onnx models that do not record their prior")]
    [InlineData(new[] { "--backend", "onnx", "--output", "x.png" }, "--backend onnx needs --model: the generator's ONNX file, written by `dcgan export --checkpoint RUN --output g.onnx`.")]
    [InlineData(new[] { "--backend", "onnx", "--model", "g.onnx", "--checkpoint", "run", "--output", "x.png" }, "--backend onnx samples an ONNX model, not --checkpoint 'run'")]
    [InlineData(new[] { "--model", "g.onnx", "--output", "x.png" }, "--model 'g.onnx' is an ONNX model; add --backend onnx")]
    [InlineData(new[] { "--backend", "onnx", "--model", "g.onnx", "--batch-norm", "batch", "--output", "x.png" }, "--batch-norm batch needs --backend torch")]
    [InlineData(new[] { "--output", "x.png" }, "--checkpoint is required: a checkpoint file or run folder (or give --backend onnx --model g.onnx).")]
    public void Backend_options_that_do_not_fit_are_refused_before_anything_is_loaded(string[] args, string message)
    {
        ToolRunner.Dcgan(["sample", .. args]).ShouldBeOneLineUserError(message);
    }

    [Fact]
    public void An_unknown_backend_is_refused_with_the_valid_ones()
    {
        (int exit, string errors) = ToolRunner.Dcgan("sample", "--backend", "tensorrt", "--model", "g.onnx");

        exit.Should().Be(2);
        errors.Should().Contain("tensorrt").And.Contain("torch").And.Contain("onnx");
    }

    [Fact]
    public void A_prior_that_contradicts_the_models_own_is_refused()
    {
        string root = run.NewFolder();
        string model = Export(root);

        ToolRunner.Dcgan("sample", "--backend", "onnx", "--model", model, "--prior", "normal", "--output", Path.Combine(root, "x.png"))
            .ShouldBeOneLineUserError($"--prior normal contradicts the prior that --model '{model}' records (dcgan.latent_prior); leave --prior out.");
    }

    [Fact]
    public void A_model_that_is_missing_a_checkpoint_or_not_ONNX_is_named_in_the_error()
    {
        string root = run.NewFolder();
        string missing = Path.Combine(root, "none.onnx");
        string text = Path.Combine(root, "notes.onnx");
        File.WriteAllText(text, "not a model");
        string checkpoint = Directory.GetFiles(run.RunFolder, "*.dcgan", SearchOption.AllDirectories).First();

        Sample(missing).ShouldBeOneLineUserError($"No ONNX model at {missing}: the file does not exist.");
        Sample(text).ShouldBeOneLineUserError($"{text} is not an ONNX model ONNX Runtime can load");
        Sample(checkpoint).ShouldBeOneLineUserError($"--model '{checkpoint}' is a Dcgan checkpoint, not an ONNX model (.onnx) written by `dcgan export`.");
        File.Exists(Path.Combine(root, "x.png")).Should().BeFalse();

        ToolResult Sample(string model) => ToolRunner.Dcgan("sample", "--backend", "onnx", "--model", model, "--output", Path.Combine(root, "x.png"));
    }

    private string Export(string root)
    {
        string model = Path.Combine(root, "g.onnx");
        (int exit, string errors) = ToolRunner.Dcgan("export", "--checkpoint", run.RunFolder, "--output", model);
        exit.Should().Be(0, errors);
        return model;
    }

    private static void Onnx(string model, params string[] args)
    {
        (int exit, string errors) = ToolRunner.Dcgan(["sample", "--backend", "onnx", "--model", model, .. args]);
        exit.Should().Be(0, errors);
    }
}

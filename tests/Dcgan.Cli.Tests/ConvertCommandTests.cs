// `dcgan convert`: pytorch/examples' netG.pth/netD.pth (made by PyTorch 1.13, Fixtures/pytorch64: nc 1, nz 16,
// ngf = ndf = 8) become a checkpoint that sample, interpolate and arithmetic accept and that gives PyTorch's images;
// converting back gives the same tensors; files that do not fit are refused with the keys named.
using Dcgan.Interop;
using Dcgan.Models;

namespace Dcgan.Cli.Tests;

public sealed class ConvertCommandTests : IDisposable
{
    internal static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "pytorch64");

    private readonly string _folder = Directory.CreateTempSubdirectory("dcgan-convert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_converted_pytorch_examples_model_samples_PyTorchs_images_for_PyTorchs_latents()
    {
        string checkpoint = Convert();
        string samples = Path.Combine(_folder, "samples.npy");

        Dcgan("sample", "--checkpoint", checkpoint, "--latent", Path.Combine(Fixture, "z.npy"), "--format", "npy", "--output", samples).Should().Be(0);

        NpyArray<float> ours = NpyFile.ReadFloat32(samples);
        NpyArray<float> pytorch = NpyFile.ReadFloat32(Path.Combine(Fixture, "g.npy"));
        ours.Shape.Should().Equal(pytorch.Shape);
        ours.Data.Zip(pytorch.Data, (a, b) => MathF.Abs(a - b)).Max().Should().BeLessThanOrEqualTo(1e-5f);
    }

    [Fact]
    public void The_latent_commands_accept_a_converted_checkpoint()
    {
        string checkpoint = Convert();

        Dcgan("interpolate", "--checkpoint", checkpoint, "--from", "1", "--to", "2", "--steps", "2", "--output", Path.Combine(_folder, "walk")).Should().Be(0);
        Dcgan("sample", "--checkpoint", checkpoint, "--count", "9", "--indexed", "--output", Path.Combine(_folder, "grid.png")).Should().Be(0);
        Dcgan("arithmetic", "--checkpoint", checkpoint, "--grid-count", "9", "--add", "0,1", "--subtract", "2,3", "--add", "4,5", "--neighbours", "2", "--output", Path.Combine(_folder, "arithmetic")).Should().Be(0);

        File.Exists(Path.Combine(_folder, "walk", "interpolation.png")).Should().BeTrue();
        Directory.GetFiles(Path.Combine(_folder, "arithmetic"), "*.png").Should().NotBeEmpty();
    }

    [Fact]
    public void Converting_back_gives_netG_and_netD_with_the_original_tensors()
    {
        string checkpoint = Convert();
        string back = Path.Combine(_folder, "back");

        Dcgan("convert", "--checkpoint", checkpoint, "--output-dir", back).Should().Be(0);

        DcganModelOptions architecture = Architecture();
        using DcganGenerator original = PyTorchStateDict.LoadGenerator(Path.Combine(Fixture, "netG.pth"), architecture);
        using DcganGenerator exported = PyTorchStateDict.LoadGenerator(Path.Combine(back, "netG.pth"), architecture);
        using DcganDiscriminator originalD = PyTorchStateDict.LoadDiscriminator(Path.Combine(Fixture, "netD.pth"), architecture);
        using DcganDiscriminator exportedD = PyTorchStateDict.LoadDiscriminator(Path.Combine(back, "netD.pth"), architecture);
        State(exported).Should().BeEquivalentTo(State(original));
        State(exportedD).Should().BeEquivalentTo(State(originalD));
    }

    [Theory]
    [InlineData("--generator-width", "16", "misshaped key(s): main.0.weight is [16, 64, 4, 4] float32, expected [16, 128, 4, 4] float32")]
    [InlineData("--image-size", "32", "unexpected key(s): main.10.bias [8], main.10.num_batches_tracked []")]
    [InlineData("--preset", "paper", "missing key(s): main.2.weight [64]")]
    [InlineData("--preset", "tf", "--preset 'tf' is not a layout; expected pytorch or paper.")]
    public void A_file_that_does_not_fit_is_refused_naming_the_keys(string option, string value, string message)
    {
        string checkpoint = Path.Combine(_folder, "model.dcgan");
        (int exit, string errors) = ToolRunner.Dcgan([.. ConvertArguments(checkpoint).Where((_, i) => !IsReplaced(option, i)), option, value]);

        exit.Should().Be(2);
        errors.Should().Contain(message).And.NotContain("   at ");
        File.Exists(checkpoint).Should().BeFalse();
    }

    [Theory]
    [InlineData(new[] { "convert" }, "convert needs either --generator")]
    [InlineData(new[] { "convert", "--generator", "g.pth", "--checkpoint", "c.dcgan" }, "not both")]
    [InlineData(new[] { "convert", "--generator", "g.pth" }, "--generator needs --output")]
    [InlineData(new[] { "convert", "--checkpoint", "c.dcgan" }, "--checkpoint needs --output-dir")]
    [InlineData(new[] { "convert", "--checkpoint", "c.dcgan", "--output", "x.dcgan", "--output-dir", "d" }, "--output belongs to the other direction of convert")]
    public void Incomplete_or_mixed_directions_are_refused(string[] args, string message)
    {
        (int exit, string errors) = ToolRunner.Dcgan(args);

        exit.Should().Be(2);
        errors.Should().Contain(message);
    }

    private static DcganModelOptions Architecture()
    {
        DcganModelOptions o = DcganModelOptions.PyTorchExample(64, 1);
        o.LatentDimension = 16;
        o.GeneratorWidth = 8;
        o.DiscriminatorWidth = 8;
        return o;
    }

    internal static string[] ConvertArguments(string checkpoint) =>
    [
        "convert", "--generator", Path.Combine(Fixture, "netG.pth"), "--discriminator", Path.Combine(Fixture, "netD.pth"),
        "--preset", "pytorch", "--image-size", "64", "--channels", "1", "--latent-dim", "16", "--generator-width", "8",
        "--discriminator-width", "8", "--output", checkpoint,
    ];

    // The option (and its value) a test replaces is dropped from the standard arguments.
    private static bool IsReplaced(string option, int index)
    {
        string[] args = ConvertArguments("x");
        int at = Array.IndexOf(args, option);
        return at >= 0 && (index == at || index == at + 1);
    }

    private string Convert()
    {
        string checkpoint = Path.Combine(_folder, "model.dcgan");
        Dcgan(ConvertArguments(checkpoint)).Should().Be(0);
        return checkpoint;
    }

    private static Dictionary<string, byte[]> State(TorchSharp.torch.nn.Module module)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.bytes.ToArray());
    }

    private static int Dcgan(params string[] args)
    {
        (int exit, string errors) = ToolRunner.Dcgan(args);
        exit.Should().Be(0, errors);
        return exit;
    }
}

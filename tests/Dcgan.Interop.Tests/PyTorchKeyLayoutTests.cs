// The documented key layout is what Dcgan's networks have, key for key, for every preset, size and ablation switch;
// at 64x64 it is pytorch/examples' netG/netD.
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Interop.Tests;

public sealed class PyTorchKeyLayoutTests
{
    public static TheoryData<string, int, int, bool, bool> Architectures => new()
    {
        { "pytorch", 64, 3, false, false },
        { "pytorch", 32, 1, false, false },
        { "pytorch", 28, 1, false, false },
        { "pytorch", 48, 3, true, true },
        { "paper", 64, 3, false, false },
        { "paper", 28, 1, false, false },
        { "paper", 32, 3, true, true },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void The_layout_is_the_state_dict_of_the_networks(string preset, int size, int channels, bool bnOut, bool bnIn)
    {
        DcganModelOptions o = preset == "paper" ? DcganModelOptions.Paper(size, channels) : DcganModelOptions.PyTorchExample(size, channels);
        o.GeneratorWidth = 4;
        o.DiscriminatorWidth = 4;
        o.LatentDimension = 7;
        o.BatchNormOnGeneratorOutput = bnOut;
        o.BatchNormOnDiscriminatorInput = bnIn;
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(o, seed: 1);
        using (g)
        using (d)
        {
            // TorchSharp lists parameters before buffers; PyTorch (and the layout) go layer by layer: same entries.
            Entries(g).Should().BeEquivalentTo(PyTorchKeyLayout.Generator(o).Select(e => e.ToString()));
            Entries(d).Should().BeEquivalentTo(PyTorchKeyLayout.Discriminator(o).Select(e => e.ToString()));
        }
    }

    [Fact]
    public void At_64x64_the_PyTorch_example_layout_is_pytorch_examples_netG_and_netD()
    {
        DcganModelOptions o = DcganModelOptions.PyTorchExample(64, 3); // nz 100, ngf = ndf = 64

        IReadOnlyList<StateDictEntry> g = PyTorchKeyLayout.Generator(o);
        IReadOnlyList<StateDictEntry> d = PyTorchKeyLayout.Discriminator(o);

        g.Should().HaveCount(25);
        d.Should().HaveCount(20);
        string[] convolutions = [.. g.Where(e => e.Key.EndsWith(".weight", StringComparison.Ordinal) && e.Shape.Count == 4).Select(e => $"{e.Key} {e.ShapeText}")];
        convolutions.Should().Equal(
            "main.0.weight [100, 512, 4, 4]", "main.3.weight [512, 256, 4, 4]", "main.6.weight [256, 128, 4, 4]",
            "main.9.weight [128, 64, 4, 4]", "main.12.weight [64, 3, 4, 4]");
        d.Where(e => e.Shape.Count == 4).Select(e => $"{e.Key} {e.ShapeText}").Should().Equal(
            "main.0.weight [64, 3, 4, 4]", "main.2.weight [128, 64, 4, 4]", "main.5.weight [256, 128, 4, 4]",
            "main.8.weight [512, 256, 4, 4]", "main.11.weight [1, 512, 4, 4]");
        g.Single(e => e.Key == "main.1.num_batches_tracked").DataType.Should().Be("int64");
        g.Single(e => e.Key == "main.1.num_batches_tracked").Shape.Should().BeEmpty();
    }

    private static string[] Entries(nn.Module module)
    {
        using var scope = NewDisposeScope();
        return [.. module.state_dict().Select(kv => $"{kv.Key} [{string.Join(", ", kv.Value.shape)}] {(kv.Value.dtype == ScalarType.Int64 ? "int64" : kv.Value.dtype == ScalarType.Float32 ? "float32" : kv.Value.dtype.ToString())}")];
    }
}

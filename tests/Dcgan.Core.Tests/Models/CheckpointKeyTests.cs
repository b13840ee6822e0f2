using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Models;

/// <summary>
/// The state-dict keys and shapes are the checkpoint format. The PyTorchExample lists are exactly those of
/// pytorch/examples' dcgan netG/netD (nz=100, ngf=ndf=64, nc=3), so its checkpoints load key for key.
/// Changing these lists breaks every saved model.
/// </summary>
public class CheckpointKeyTests
{
    private static string[] Bn(int index, int width) =>
    [
        $"main.{index}.weight [{width}]", $"main.{index}.bias [{width}]", $"main.{index}.running_mean [{width}]",
        $"main.{index}.running_var [{width}]", $"main.{index}.num_batches_tracked []",
    ];

    private static string[] Keys(nn.Module module) =>
        module.state_dict().Select(kv => $"{kv.Key} [{string.Join(", ", kv.Value.shape)}]").ToArray();

    [Fact]
    public void PyTorchExample_64_generator_keys_match_pytorch_examples()
    {
        using var g = new DcganGenerator(DcganModelOptions.PyTorchExample(64, 3));
        string[] expected =
        [
            "main.0.weight [100, 512, 4, 4]", .. Bn(1, 512),
            "main.3.weight [512, 256, 4, 4]", .. Bn(4, 256),
            "main.6.weight [256, 128, 4, 4]", .. Bn(7, 128),
            "main.9.weight [128, 64, 4, 4]", .. Bn(10, 64),
            "main.12.weight [64, 3, 4, 4]",
        ];
        Keys(g).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void PyTorchExample_64_discriminator_keys_match_pytorch_examples()
    {
        using var d = new DcganDiscriminator(DcganModelOptions.PyTorchExample(64, 3));
        string[] expected =
        [
            "main.0.weight [64, 3, 4, 4]",
            "main.2.weight [128, 64, 4, 4]", .. Bn(3, 128),
            "main.5.weight [256, 128, 4, 4]", .. Bn(6, 256),
            "main.8.weight [512, 256, 4, 4]", .. Bn(9, 512),
            "main.11.weight [1, 512, 4, 4]",
        ];
        Keys(d).Should().BeEquivalentTo(expected);
    }

    // The paper preset's architecture with widths 64 (the preset's own widths until they became Figure 1's 128, and
    // what `dcgan train` still passes): checkpoints of it store those widths, so this layout must keep loading.
    private static DcganModelOptions PaperWidth64()
    {
        DcganModelOptions o = DcganModelOptions.Paper(64, 3);
        o.GeneratorWidth = 64;
        o.DiscriminatorWidth = 64;
        return o;
    }

    [Fact]
    public void Paper_64_keys_are_pinned()
    {
        using var g = new DcganGenerator(PaperWidth64());
        string[] expectedG =
        [
            "main.0.weight [8192, 100]", .. Bn(2, 512),
            "main.4.weight [512, 256, 5, 5]", .. Bn(5, 256),
            "main.7.weight [256, 128, 5, 5]", .. Bn(8, 128),
            "main.10.weight [128, 64, 5, 5]", .. Bn(11, 64),
            "main.13.weight [64, 3, 5, 5]",
        ];
        Keys(g).Should().BeEquivalentTo(expectedG);

        using var d = new DcganDiscriminator(PaperWidth64());
        string[] expectedD =
        [
            "main.0.weight [64, 3, 5, 5]",
            "main.2.weight [128, 64, 5, 5]", .. Bn(3, 128),
            "main.5.weight [256, 128, 5, 5]", .. Bn(6, 256),
            "main.8.weight [512, 256, 5, 5]", .. Bn(9, 512),
            "main.12.weight [1, 8192]",
        ];
        Keys(d).Should().BeEquivalentTo(expectedD);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Save_and_load_round_trip_into_a_fresh_pair_gives_identical_outputs(bool paper)
    {
        DcganModelOptions o = TinyModels.Options(paper, size: 28, channels: 1);
        string dir = Directory.CreateTempSubdirectory("dcgan-models-").FullName;
        try
        {
            (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(o, seed: 1);
            (DcganGenerator g2, DcganDiscriminator d2) = DcganModels.Create(o, seed: 2);
            using (g) using (d) using (g2) using (d2)
            using (torch.NewDisposeScope())
            {
                g.save(Path.Combine(dir, "g.bin"));
                d.save(Path.Combine(dir, "d.bin"));
                g2.load(Path.Combine(dir, "g.bin"));
                d2.load(Path.Combine(dir, "d.bin"));
                g.eval();
                g2.eval();
                d.eval();
                d2.eval();
                Tensor z = TinyModels.Latent(3, 8, seed: 3);
                Tensor images = g.Generate(z);
                TinyModels.BitEqual(images, g2.Generate(z)).Should().BeTrue();
                TinyModels.BitEqual(d.Judge(images), d2.Judge(images)).Should().BeTrue();
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

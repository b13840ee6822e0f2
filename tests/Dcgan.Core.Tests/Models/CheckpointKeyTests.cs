using Dcgan.Models;
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

    [Fact]
    public void Paper_64_keys_are_pinned()
    {
        using var g = new DcganGenerator(DcganModelOptions.Paper(64, 3));
        string[] expectedG =
        [
            "main.0.weight [8192, 100]", .. Bn(2, 512),
            "main.4.weight [512, 256, 5, 5]", .. Bn(5, 256),
            "main.7.weight [256, 128, 5, 5]", .. Bn(8, 128),
            "main.10.weight [128, 64, 5, 5]", .. Bn(11, 64),
            "main.13.weight [64, 3, 5, 5]",
        ];
        Keys(g).Should().BeEquivalentTo(expectedG);

        using var d = new DcganDiscriminator(DcganModelOptions.Paper(64, 3));
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
}

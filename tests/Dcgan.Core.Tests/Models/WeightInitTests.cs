using Dcgan.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Models;

public class WeightInitTests
{
    private static (double Mean, double Std) Stats(Tensor t)
    {
        using var scope = torch.NewDisposeScope();
        return (t.mean().item<float>(), t.std().item<float>());
    }

    [Fact]
    public void Initialisation_leaves_no_tensor_behind()
    {
        using var d = new DcganDiscriminator(TinyModels.Options(paper: true, size: 32));
        using var rng = new torch.Generator(seed: 1, device: torch.CPU);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        DcganWeightInit.Apply(d, rng);
        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
    }

    [Fact]
    public void Convolution_and_transposed_convolution_weights_are_normal_0_0_02()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(DcganModelOptions.PyTorchExample(64, 3), seed: 11);
        using (g)
        using (d)
        {
            // main.0 of G: a 100x512x4x4 transposed convolution (819,200 weights); main.8 of D: 256x512x4x4 conv.
            (double mean, double std) = Stats(g.state_dict()["main.0.weight"]);
            mean.Should().BeApproximately(0, 2e-4);
            std.Should().BeApproximately(0.02, 2e-4);
            (mean, std) = Stats(d.state_dict()["main.8.weight"]);
            mean.Should().BeApproximately(0, 2e-4);
            std.Should().BeApproximately(0.02, 2e-4);
        }
    }

    [Fact]
    public void Linear_weights_are_normal_0_0_02_and_batch_norm_scales_normal_1_0_02_with_zero_shifts()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(DcganModelOptions.Paper(64, 3), seed: 12);
        using (g)
        using (d)
        {
            (double mean, double std) = Stats(g.state_dict()["main.0.weight"]); // Linear 100 -> 16384 (4x4x1024)
            mean.Should().BeApproximately(0, 2e-4);
            std.Should().BeApproximately(0.02, 2e-4);

            (mean, std) = Stats(g.state_dict()["main.2.weight"]);               // BN(1024)
            mean.Should().BeApproximately(1, 3e-3);
            std.Should().BeApproximately(0.02, 3e-3);

            foreach (nn.Module net in new nn.Module[] { g, d })
            {
                foreach (BatchNorm bn in net.modules().OfType<BatchNorm>())
                {
                    bn.bias!.abs().max().item<float>().Should().Be(0f);
                    bn.running_mean!.abs().max().item<float>().Should().Be(0f);
                    bn.running_var!.min().item<float>().Should().Be(1f);
                }
            }
        }
    }

    [Fact]
    public void Apply_zeroes_biases_of_convolutions_transposed_convolutions_and_linear_layers()
    {
        using var net = nn.Sequential(
            nn.Conv2d(in_channels: 3, out_channels: 8, kernel_size: 3, bias: true),
            nn.ConvTranspose2d(in_channels: 8, out_channels: 8, kernel_size: 3, bias: true),
            nn.Linear(inputSize: 8, outputSize: 8, hasBias: true));
        using var rng = new torch.Generator(seed: 1, device: torch.CPU);
        DcganWeightInit.Apply(net, rng);
        foreach (var (name, p) in net.named_parameters())
        {
            if (name.EndsWith("bias", StringComparison.Ordinal))
            {
                p.abs().max().item<float>().Should().Be(0f, name);
            }
            else
            {
                p.abs().max().item<float>().Should().BeGreaterThan(0f).And.BeLessThan(0.2f, name);
            }
        }
    }

    [Fact]
    public void Same_seed_gives_bit_identical_state_dicts_and_another_seed_does_not()
    {
        DcganModelOptions o = TinyModels.Options(paper: true, size: 32, width: 8);
        (DcganGenerator g1, DcganDiscriminator d1) = DcganModels.Create(o, seed: 42);
        (DcganGenerator g2, DcganDiscriminator d2) = DcganModels.Create(o, seed: 42);
        (DcganGenerator g3, DcganDiscriminator d3) = DcganModels.Create(o, seed: 43);
        using (g1) using (d1) using (g2) using (d2) using (g3) using (d3)
        {
            foreach ((nn.Module a, nn.Module b, nn.Module c) in new[] { ((nn.Module)g1, (nn.Module)g2, (nn.Module)g3), (d1, d2, d3) })
            {
                Dictionary<string, Tensor> sa = a.state_dict(), sb = b.state_dict(), sc = c.state_dict();
                sa.Keys.Should().Equal(sb.Keys);
                sa.Should().OnlyContain(kv => TinyModels.BitEqual(kv.Value, sb[kv.Key]), "the same seed must reproduce every tensor");
                sa.Where(kv => kv.Key.EndsWith("weight", StringComparison.Ordinal))
                    .Should().OnlyContain(kv => !TinyModels.BitEqual(kv.Value, sc[kv.Key]), "another seed must change every weight");
            }
        }
    }

    [Fact]
    public void Create_does_not_depend_on_the_global_rng_state()
    {
        DcganModelOptions o = TinyModels.Options(paper: false, size: 14, width: 4);
        torch.manual_seed(1);
        (DcganGenerator g1, DcganDiscriminator d1) = DcganModels.Create(o, seed: 7);
        torch.manual_seed(999);
        (DcganGenerator g2, DcganDiscriminator d2) = DcganModels.Create(o, seed: 7);
        using (g1) using (d1) using (g2) using (d2)
        {
            g1.state_dict().Should().OnlyContain(kv => TinyModels.BitEqual(kv.Value, g2.state_dict()[kv.Key]));
            d1.state_dict().Should().OnlyContain(kv => TinyModels.BitEqual(kv.Value, d2.state_dict()[kv.Key]));
        }
    }
}

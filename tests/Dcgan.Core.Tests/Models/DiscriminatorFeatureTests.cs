using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Models;

public class DiscriminatorFeatureTests
{
    [Theory]
    [InlineData(true, 64, 4)]
    [InlineData(false, 64, 4)]
    [InlineData(true, 28, 2)]
    [InlineData(false, 48, 3)]
    public void Feature_widths_double_and_features_have_the_block_shapes(bool paper, int size, int k)
    {
        DcganModelOptions o = TinyModels.Options(paper, size, channels: 3, width: 4);
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(o, seed: 5);
        using (g)
        using (d)
        using (torch.NewDisposeScope())
        {
            d.FeatureWidths.Should().Equal(Enumerable.Range(0, k).Select(i => 4 << i));
            Tensor images = torch.rand(2, 3, size, size) * 2 - 1;
            (Tensor logits, IReadOnlyList<Tensor> features) = d.ForwardWithFeatures(images);
            logits.shape.Should().Equal(2);
            features.Should().HaveCount(k);
            for (int i = 0; i < k; i++)
            {
                int side = size >> (i + 1);
                features[i].shape.Should().Equal(2, d.FeatureWidths[i], side, side);
            }

            features[^1].shape[2].Should().Be(d.Architecture.BaseHeight);
        }
    }

    [Fact]
    public void Features_are_post_leaky_relu_activations_and_logits_equal_judge()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TinyModels.Options(paper: true, size: 32), seed: 6);
        using (g)
        using (d)
        using (torch.NewDisposeScope())
        {
            d.eval();
            using var rng = new torch.Generator(seed: 3, device: torch.CPU);
            Tensor images = torch.rand(new long[] { 4, 3, 32, 32 }, generator: rng) * 2 - 1;
            (Tensor logits, IReadOnlyList<Tensor> features) = d.ForwardWithFeatures(images);
            TinyModels.BitEqual(logits, d.Judge(images)).Should().BeTrue();
            // Block 0 (no BN): the feature is LeakyReLU(0.2) of the first convolution.
            var conv0 = (nn.Module<Tensor, Tensor>)TinyModels.MainLayers(d)[0];
            Tensor expected = nn.functional.leaky_relu(conv0.call(images), negative_slope: 0.2);
            TinyModels.BitEqual(features[0], expected).Should().BeTrue();
            features.Should().OnlyContain(f => f.min().item<float>() < 0f, "leaky activations keep negative values");
        }
    }

    [Fact]
    public void Features_take_part_in_autograd_in_one_pass()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TinyModels.Options(paper: false, size: 16), seed: 6);
        using (g)
        using (d)
        using (torch.NewDisposeScope())
        {
            Tensor images = torch.rand(2, 3, 16, 16);
            (Tensor logits, IReadOnlyList<Tensor> features) = d.ForwardWithFeatures(images);
            (logits.sum() + features[0].mean()).backward();
            d.parameters().Select(p => p.grad).Should().NotContainNulls();
        }
    }
}

// The Paper preset's widths are the paper's: Figure 1's 64x64 generator (4x4x1024 -> 8x8x512 -> 16x16x256 ->
// 32x32x128 -> 64x64x3) and the authors' code (ngf = ndf = 128), checked on the built networks' parameters and on
// the feature maps a forward pass actually produces. The plain property defaults stay pytorch/examples' 64.
using Dcgan.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Models;

public class PaperWidthsTests
{
    [Fact]
    public void Paper_widths_are_128_while_the_property_defaults_and_the_PyTorch_preset_stay_64()
    {
        DcganModelOptions paper = DcganModelOptions.Paper();
        (paper.GeneratorWidth, paper.DiscriminatorWidth).Should().Be((128, 128));
        DcganModelOptions plain = new();
        (plain.GeneratorWidth, plain.DiscriminatorWidth).Should().Be((64, 64));
        DcganModelOptions pytorch = DcganModelOptions.PyTorchExample();
        (pytorch.GeneratorWidth, pytorch.DiscriminatorWidth).Should().Be((64, 64));
    }

    [Fact]
    public void Paper_64_generator_is_figure_1_layer_by_layer()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(DcganModelOptions.Paper(64, 3), seed: 1);
        using (g)
        using (d)
        using (torch.NewDisposeScope())
        {
            // The weights: Linear z -> 4*4*1024, then transposed convolutions 1024 -> 512 -> 256 -> 128 -> 3.
            IReadOnlyList<nn.Module> layers = TinyModels.MainLayers(g);
            layers[0].Should().BeOfType<Linear>().Which.weight!.shape.Should().Equal(4 * 4 * 1024, 100);
            layers.OfType<ConvTranspose2d>().Select(c => c.weight!.shape).Should().BeEquivalentTo(
                new[] { new long[] { 1024, 512, 5, 5 }, [512, 256, 5, 5], [256, 128, 5, 5], [128, 3, 5, 5] },
                o => o.WithStrictOrdering());

            // The feature maps a forward pass makes, captured after each hidden block's ReLU, then the image.
            Tensor z = torch.rand(2, 100) * 2 - 1;                                         // [2, 100] in U(-1, 1)
            var maps = new List<long[]>();
            Tensor images = g.Generate(z);                                                  // [2, 3, 64, 64]
            for (int block = 0; block < g.HiddenBlockCount; block++)
            {
                using Tensor same = g.ForwardWithIntervention(z, block, x => { maps.Add(x.shape); return x; });
            }

            maps.Add(images.shape);
            maps.Should().BeEquivalentTo(
                new[] { new long[] { 2, 1024, 4, 4 }, [2, 512, 8, 8], [2, 256, 16, 16], [2, 128, 32, 32], [2, 3, 64, 64] },
                o => o.WithStrictOrdering());

            // The discriminator mirrors it (the authors' code): 128, 256, 512, 1024 maps, then a dense logit.
            (Tensor logits, IReadOnlyList<Tensor> features) = d.ForwardWithFeatures(images);
            features.Select(f => f.shape).Should().BeEquivalentTo(
                new[] { new long[] { 2, 128, 32, 32 }, [2, 256, 16, 16], [2, 512, 8, 8], [2, 1024, 4, 4] },
                o => o.WithStrictOrdering());
            logits.shape.Should().Equal(2);
        }
    }

    [Fact]
    public void Paper_64_parameter_counts_follow_from_figure_1()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(DcganModelOptions.Paper(64, 3), seed: 1);
        using (g)
        using (d)
        {
            // G: Linear 100*16384 + BN(1024) 2*1024 + 25*(1024*512 + 512*256 + 256*128 + 128*3) + BN 2*(512+256+128).
            long generator = (100L * 16384) + (2 * 1024) + (25L * ((1024 * 512) + (512 * 256) + (256 * 128) + (128 * 3))) + (2 * (512 + 256 + 128));
            // D: 25*(3*128 + 128*256 + 256*512 + 512*1024) + BN 2*(256+512+1024) + Linear 16384*1.
            long discriminator = (25L * ((3 * 128) + (128 * 256) + (256 * 512) + (512 * 1024))) + (2 * (256 + 512 + 1024)) + 16384;
            Count(g).Should().Be(generator).And.Be(18_855_040);
            Count(d).Should().Be(discriminator).And.Be(17_232_768);
        }
    }

    [Theory]
    [InlineData(64, new[] { 1024, 512, 256, 128 }, new[] { 128, 256, 512, 1024 })]
    [InlineData(32, new[] { 512, 256, 128 }, new[] { 128, 256, 512 })]
    [InlineData(28, new[] { 256, 128 }, new[] { 128, 256 })]
    public void Other_sizes_keep_128_next_to_the_image_and_double_towards_z(int size, int[] generator, int[] discriminator)
    {
        DcganArchitecture plan = DcganArchitecture.For(DcganModelOptions.Paper(size, 1));
        plan.GeneratorWidths.Should().Equal(generator);
        plan.DiscriminatorWidths.Should().Equal(discriminator);
    }

    private static long Count(nn.Module module) => module.parameters().Sum(p => p.numel());
}

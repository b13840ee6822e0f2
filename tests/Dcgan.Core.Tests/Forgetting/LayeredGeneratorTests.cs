// The feature-map intervention works on any ILayeredGenerator, not only on DcganGenerator.
using Dcgan.Core.Tests.Models;
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Interventions;
using Dcgan.Latent;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Forgetting;

public class LayeredGeneratorTests
{
    [Fact]
    public void A_dcgan_generator_reports_its_blocks_as_the_architecture_plans_them()
    {
        using DcganGenerator g = ForgettingFixtures.Generator();
        g.HiddenBlockShapes.Should().Equal(new ImageShape(8, 7, 7), new ImageShape(4, 14, 14));
        g.HiddenBlockShapes.Should().HaveCount(g.HiddenBlockCount);
    }

    [Fact]
    public void Layers_of_a_custom_generator_come_from_its_block_shapes()
    {
        using var g = new TwoBlockGenerator(seed: 1);
        GeneratorLayer.All(g).Should().Equal(new GeneratorLayer("block0", 0, 3, 4, 8));
        GeneratorLayer.SecondHighest(g).Scale.Should().Be(2);
        FluentActions.Invoking(() => GeneratorLayer.Resolve(g, "block1")).Should().Throw<ArgumentException>()
            .WithMessage("*'block1'*block0..block0*");
    }

    [Fact]
    public void Dropping_maps_of_a_custom_generator_zeroes_them_and_no_maps_is_plain_generation()
    {
        using var g = new TwoBlockGenerator(seed: 2);
        using var scope = torch.NewDisposeScope();
        Tensor z;
        using (var rng = new torch.Generator(5, CPU))
        {
            z = torch.randn(4, 4, generator: rng);                                          // [4, 4]
        }

        Tensor plain = g.GenerateImages(z, BatchNormMode.RunningStatistics);               // [4, 1, 8, 8]
        TinyModels.BitEqual(FeatureMapDropout.Generate(g, z, null, []), plain).Should().BeTrue();

        LayerActivations before = FeatureMapDropout.Capture(g, z, "block0");
        (ImageBatch images, LayerActivations after) = FeatureMapDropout.GenerateAndCapture(g, z, "block0", [1]);
        (after.Count, after.Channels, after.Size).Should().Be((4, 3, 4));
        images.Shape.Should().Be(new ImageShape(1, 8, 8));
        before.Values.Should().Contain(v => v > 0f, "the block fired before anything was dropped");
        for (int n = 0; n < 4; n++)
        {
            after.Map(n, 1).ToArray().Should().OnlyContain(v => v == 0f);
            after.Map(n, 0).ToArray().Should().Equal(before.Map(n, 0).ToArray());
            after.Map(n, 2).ToArray().Should().Equal(before.Map(n, 2).ToArray());
        }

        bool map1Fired = Enumerable.Range(0, 4).Any(n => before.Map(n, 1).ToArray().Any(v => v > 0f));
        map1Fired.Should().BeTrue("otherwise dropping it could not change the images");
        TinyModels.BitEqual(FeatureMapDropout.Generate(g, z, "block0", [1]), plain).Should().BeFalse();
        FluentActions.Invoking(() => FeatureMapDropout.Generate(g, z, "block0", [3])).Should().Throw<ArgumentException>()
            .WithMessage("*map 3 *block0*0..2*");
    }

    [Fact]
    public void Intervening_on_a_custom_generator_leaves_no_live_tensors()
    {
        using var g = new TwoBlockGenerator(seed: 3);
        using Tensor z = torch.zeros(2, 4);
        FeatureMapDropout.Capture(g, z, null);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 3; i++)
        {
            FeatureMapDropout.GenerateAndCapture(g, z, "block0", [i]);
        }

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
    }

    [Fact]
    public void Blocks_that_are_not_square_or_do_not_tile_the_image_are_refused_naming_the_shapes()
    {
        FluentActions.Invoking(() => GeneratorLayer.All(new ShapeOnly(new ImageShape(1, 8, 8), new ImageShape(2, 4, 2))))
            .Should().Throw<ArgumentException>().WithMessage("*block 0*2x4x2*square maps*8*");
        FluentActions.Invoking(() => GeneratorLayer.All(new ShapeOnly(new ImageShape(1, 8, 8), new ImageShape(2, 3, 3))))
            .Should().Throw<ArgumentException>().WithMessage("*block 0*2x3x3*divides the image side 8*");
        FluentActions.Invoking(() => GeneratorLayer.All(new ShapeOnly(new ImageShape(1, 8, 6), new ImageShape(2, 2, 2))))
            .Should().Throw<ArgumentException>().WithMessage("*1x8x6 images*square images*");
    }

    // Only the shapes matter for GeneratorLayer.All; it never runs the network.
    private sealed class ShapeOnly(ImageShape image, ImageShape block) : ILayeredGenerator
    {
        public int LatentDimension => 1;

        public LatentDistribution LatentDistribution => LatentDistribution.Normal;

        public ImageShape ImageShape => image;

        public IReadOnlyList<ImageShape> HiddenBlockShapes => [block];

        public nn.Module<Tensor, Tensor> Network => throw new NotSupportedException();

        public Tensor Generate(Tensor latent) => throw new NotSupportedException();

        public Tensor ForwardWithIntervention(Tensor latent, int blockIndex, Func<Tensor, Tensor> intervention) =>
            throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}

using Dcgan.Core.Tests.Models;
using Dcgan.Data;
using Dcgan.Interventions;
using Dcgan.Latent;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Forgetting;

public class FeatureMapDropoutTests
{
    [Fact]
    public void Layers_are_named_blocks_with_channels_and_size_and_the_last_is_second_highest()
    {
        using DcganGenerator g = ForgettingFixtures.Generator();
        IReadOnlyList<GeneratorLayer> layers = GeneratorLayer.All(g);
        layers.Should().Equal(new GeneratorLayer("block0", 0, 8, 7, 28), new GeneratorLayer("block1", 1, 4, 14, 28));
        GeneratorLayer.SecondHighest(g).Name.Should().Be("block1");
        GeneratorLayer.Resolve(g, null).Should().Be(layers[1]);
        GeneratorLayer.Resolve(g, "BLOCK0").Should().Be(layers[0]);
        layers[1].Scale.Should().Be(2);
        layers[1].ToString().Should().Be("block1 (4 maps of 14x14)");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Captured_activations_have_the_block_shape_and_dropped_maps_are_zero_others_unchanged(bool paper)
    {
        using DcganGenerator g = ForgettingFixtures.Generator(paper: paper);
        using Tensor z = ForgettingFixtures.Latent(5, seed: 1);
        foreach (GeneratorLayer layer in GeneratorLayer.All(g))
        {
            LayerActivations plain = FeatureMapDropout.Capture(g, z, layer.Name);
            (plain.Count, plain.Channels, plain.Size).Should().Be((5, layer.Channels, layer.Size));

            int[] drop = [1, 3];
            (ImageBatch images, LayerActivations dropped) = FeatureMapDropout.GenerateAndCapture(g, z, layer.Name, drop);
            images.Count.Should().Be(5);
            for (int n = 0; n < 5; n++)
            {
                for (int c = 0; c < layer.Channels; c++)
                {
                    if (drop.Contains(c))
                    {
                        plain.Map(n, c).ToArray().Should().Contain(v => v > 0, "the map fired before it was dropped");
                        dropped.Map(n, c).ToArray().Should().OnlyContain(v => v == 0f);
                    }
                    else
                    {
                        dropped.Map(n, c).ToArray().Should().Equal(plain.Map(n, c).ToArray());
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(true, BatchNormMode.RunningStatistics)]
    [InlineData(true, BatchNormMode.BatchStatistics)]
    [InlineData(false, BatchNormMode.RunningStatistics)]
    public void No_dropped_maps_gives_exactly_the_plain_generation_and_dropping_changes_it(bool paper, BatchNormMode mode)
    {
        using DcganGenerator g = ForgettingFixtures.Generator(paper: paper);
        using var scope = torch.NewDisposeScope();
        Tensor z = ForgettingFixtures.Latent(4, seed: 2);
        Tensor plain = g.GenerateImages(z, mode);
        foreach (GeneratorLayer layer in GeneratorLayer.All(g))
        {
            TinyModels.BitEqual(FeatureMapDropout.Generate(g, z, layer.Name, [], mode), plain).Should().BeTrue(layer.Name);
            TinyModels.BitEqual(FeatureMapDropout.Generate(g, z, layer.Name, [0, 2], mode), plain).Should().BeFalse(layer.Name);
        }
    }

    [Fact]
    public void Forgetting_leaves_weights_buffers_and_training_flags_bit_identical()
    {
        using DcganGenerator g = ForgettingFixtures.Generator();
        g.train();
        using var scope = torch.NewDisposeScope();
        Dictionary<string, Tensor> before = ForgettingFixtures.Snapshot(g);
        Tensor z = ForgettingFixtures.Latent(6, seed: 4);
        FeatureMapDropout.Generate(g, z, null, [0, 1, 2], BatchNormMode.BatchStatistics);
        FeatureMapDropout.Generate(g, z, "block0", [5], BatchNormMode.RunningStatistics);
        FeatureMapDropout.Capture(g, z, "block1", BatchNormMode.BatchStatistics);
        Dictionary<string, Tensor> after = ForgettingFixtures.Snapshot(g);
        after.Keys.Should().BeEquivalentTo(before.Keys);
        foreach (string key in before.Keys)
        {
            TinyModels.BitEqual(after[key], before[key]).Should().BeTrue(key);
        }

        g.modules().Should().OnlyContain(m => m.training);
    }

    [Theory]
    [InlineData("block2")]
    [InlineData("conv3")]
    public void Unknown_layer_is_an_ArgumentException_naming_it_and_the_valid_range(string name)
    {
        using DcganGenerator g = ForgettingFixtures.Generator();
        using Tensor z = ForgettingFixtures.Latent(2, seed: 1);
        Action act = () => FeatureMapDropout.Generate(g, z, name, [0]).Dispose();
        act.Should().Throw<ArgumentException>().WithMessage($"*'{name}'*block0..block1*");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    public void Out_of_range_map_is_an_ArgumentException_naming_it_and_the_valid_range(int map)
    {
        using DcganGenerator g = ForgettingFixtures.Generator();
        using Tensor z = ForgettingFixtures.Latent(2, seed: 1);
        Action act = () => FeatureMapDropout.Generate(g, z, "block1", [0, map]).Dispose();
        act.Should().Throw<ArgumentException>().WithMessage($"*map {map} *block1*0..3*");
    }

    [Fact]
    public void ForwardWithIntervention_checks_the_block_index_and_the_returned_shape()
    {
        using DcganGenerator g = ForgettingFixtures.Generator();
        using var scope = torch.NewDisposeScope();
        Tensor z = ForgettingFixtures.Latent(2, seed: 1);
        g.eval();
        FluentActions.Invoking(() => g.ForwardWithIntervention(z, 2, x => x)).Should()
            .Throw<ArgumentOutOfRangeException>().WithMessage("*block 2*0..1*");
        FluentActions.Invoking(() => g.ForwardWithIntervention(z, 0, x => x[.., ..2])).Should()
            .Throw<ArgumentException>().WithMessage("*[2, 8, 7, 7]*[2, 2, 7, 7]*");
        TinyModels.BitEqual(g.ForwardWithIntervention(z, 1, x => x), g.forward(z)).Should().BeTrue();
        new GeneratorLayer("block1", 1, 4, 14, 28).ValidateMaps([3, 1, 3]).Should().Equal(1, 3);
    }
}

using Dcgan.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Models;

/// <summary>The paper's architecture guidelines (section 3), checked by walking the layers.</summary>
public class ModelStructureTests
{
    public static TheoryData<bool, int> Presets() => new()
    {
        { true, 64 }, { false, 64 }, { true, 28 }, { false, 28 }, { true, 8 }, { false, 48 },
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Generator_uses_relu_inside_tanh_on_output_and_no_bn_before_tanh(bool paper, int size)
    {
        using var g = new DcganGenerator(TinyModels.Options(paper, size));
        IReadOnlyList<nn.Module> layers = TinyModels.MainLayers(g);
        int k = g.Architecture.Doublings;

        layers[^1].Should().BeOfType<Tanh>();
        layers[^2].Should().BeOfType<ConvTranspose2d>("guideline 3: no batch norm on the generator's output layer");
        layers.OfType<ReLU>().Should().HaveCount(k, "one ReLU after the projection and after each hidden up block");
        layers.OfType<ScalarSafeLeakyReLU>().Should().BeEmpty();
        layers.OfType<ScalarSafeBatchNorm2d>().Should().HaveCount(k);
        layers.OfType<ConvTranspose2d>().Should().HaveCount(paper ? k : k + 1);
        layers.OfType<Linear>().Should().HaveCount(paper ? 1 : 0, "the paper projects z with one matrix multiply");
        layers.Should().NotContain(m => m.GetType().Name.Contains("Pool"), "guideline 1: no pooling");
        layers.Should().NotContain(m => m.GetType().Name.Contains("Upsample"));

        // Every BN is followed by a ReLU, every ReLU preceded by a BN.
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i] is ReLU)
            {
                layers[i - 1].Should().BeOfType<ScalarSafeBatchNorm2d>();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Discriminator_has_no_bn_on_input_leaky_relu_0_2_and_one_output_unit(bool paper, int size)
    {
        using var d = new DcganDiscriminator(TinyModels.Options(paper, size));
        IReadOnlyList<nn.Module> layers = TinyModels.MainLayers(d);
        int k = d.Architecture.Doublings;

        layers[0].Should().BeOfType<Conv2d>();
        layers[1].Should().BeOfType<ScalarSafeLeakyReLU>("guideline 3: no batch norm on the discriminator's input layer");
        layers.OfType<ScalarSafeLeakyReLU>().Should().HaveCount(k).And.OnlyContain(r => r.NegativeSlope == 0.2);
        layers.OfType<ScalarSafeBatchNorm2d>().Should().HaveCount(k - 1);
        layers.OfType<ReLU>().Should().BeEmpty();
        layers.Should().NotContain(m => m.GetType().Name.Contains("Pool"), "guideline 1: no pooling");
        layers.Should().NotContain(m => m is Sigmoid, "logits: the loss applies the sigmoid");
        if (paper)
        {
            layers[^2].Should().BeOfType<Flatten>();
            layers[^1].Should().BeOfType<Linear>();
        }
        else
        {
            layers[^1].Should().BeOfType<Conv2d>();
        }
    }

    [Fact]
    public void The_leaky_relu_slope_is_0_2_in_behaviour_too()
    {
        using var d = new DcganDiscriminator(TinyModels.Options(paper: true, size: 8));
        var relu = (nn.Module<Tensor, Tensor>)TinyModels.MainLayers(d)[1];
        using var scope = torch.NewDisposeScope();
        Tensor y = relu.call(torch.tensor(new float[] { -1f, -0.5f, 2f }));
        y.data<float>().ToArray().Should().BeEquivalentTo(new[] { -0.2f, -0.1f, 2f }, c => c.WithStrictOrdering()
            .Using<float>(x => x.Subject.Should().BeApproximately(x.Expectation, 1e-6f)).WhenTypeIs<float>());
    }

    [Fact]
    public void Ablation_switches_add_batch_norm_exactly_where_the_paper_found_it_harmful()
    {
        DcganModelOptions o = TinyModels.Options(paper: false, size: 32);
        o.BatchNormOnGeneratorOutput = true;
        o.BatchNormOnDiscriminatorInput = true;
        using var g = new DcganGenerator(o);
        using var d = new DcganDiscriminator(o);
        IReadOnlyList<nn.Module> gl = TinyModels.MainLayers(g);
        gl[^2].Should().BeOfType<ScalarSafeBatchNorm2d>().Which.num_features.Should().Be(3);
        IReadOnlyList<nn.Module> dl = TinyModels.MainLayers(d);
        dl[1].Should().BeOfType<ScalarSafeBatchNorm2d>().Which.num_features.Should().Be(4);
    }

    [Fact]
    public void Paper_preset_uses_5x5_kernels_and_pytorch_preset_4x4()
    {
        using var paper = new DcganGenerator(DcganModelOptions.Paper(32, 1));
        using var pytorch = new DcganDiscriminator(DcganModelOptions.PyTorchExample(32, 1));
        TinyModels.MainLayers(paper).OfType<ConvTranspose2d>().Should().OnlyContain(c => c.weight.shape[2] == 5 && c.weight.shape[3] == 5);
        TinyModels.MainLayers(pytorch).OfType<Conv2d>().Should().OnlyContain(c => c.weight.shape[2] == 4 && c.weight.shape[3] == 4);
    }
}

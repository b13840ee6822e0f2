using Dcgan.Core.Tests.Models;
using Dcgan.Features;
using Dcgan.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Evaluation.Tests.Features;

/// <summary>The supervised classifier is the discriminator with a K-unit output layer, and nothing else.</summary>
public class DiscriminatorClassifierTests
{
    public static TheoryData<bool, int, bool> Presets() => new()
    {
        { true, 28, false }, { false, 28, false }, { true, 32, true }, { false, 16, true },
    };

    private static DcganModelOptions Options(bool paper, int size, bool bnOnInput)
    {
        DcganModelOptions o = TinyModels.Options(paper, size, channels: 1, width: 3);
        o.BatchNormOnDiscriminatorInput = bnOnInput;
        return o;
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Has_the_discriminators_layers_and_state_dict_except_the_output_width(bool paper, int size, bool bnOnInput)
    {
        DcganModelOptions o = Options(paper, size, bnOnInput);
        using var d = new DcganDiscriminator(o);
        using var c = new DiscriminatorClassifier(o, classCount: 7);

        TinyModels.MainLayers(c).Select(l => l.GetType()).Should().Equal(TinyModels.MainLayers(d).Select(l => l.GetType()));
        TinyModels.MainLayers(c).OfType<ScalarSafeLeakyReLU>().Should().OnlyContain(r => r.NegativeSlope == 0.2);
        Dictionary<string, long[]> dShapes = d.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape);
        Dictionary<string, long[]> cShapes = c.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape);
        cShapes.Keys.Should().BeEquivalentTo(dShapes.Keys);
        string head = dShapes.Keys.Where(k => k.EndsWith(".weight", StringComparison.Ordinal)).Last();
        foreach ((string key, long[] shape) in dShapes)
        {
            long[] expected = key == head ? [7, .. shape[1..]] : shape;
            cShapes[key].Should().Equal(expected, key);
        }

        long headFanIn = dShapes[head].Skip(1).Aggregate(1L, (a, b) => a * b);
        long Count(nn.Module m) => m.parameters().Sum(p => p.numel());
        Count(c).Should().Be(Count(d) + 6 * headFanIn);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Seeded_trunk_weights_equal_those_of_a_discriminator_seeded_alike(bool paper, int size, bool bnOnInput)
    {
        DcganModelOptions o = Options(paper, size, bnOnInput);
        using var g1 = new torch.Generator(seed: 5, device: torch.CPU);
        using var g2 = new torch.Generator(seed: 5, device: torch.CPU);
        using var g3 = new torch.Generator(seed: 5, device: torch.CPU);
        using var d = new DcganDiscriminator(o, g1);
        using var c = new DiscriminatorClassifier(o, 4, g2);
        using var c2 = new DiscriminatorClassifier(o, 4, g3);

        Dictionary<string, Tensor> dState = d.state_dict();
        Dictionary<string, Tensor> cState = c.state_dict();
        Dictionary<string, Tensor> c2State = c2.state_dict();
        string head = dState.Keys.Where(k => k.EndsWith(".weight", StringComparison.Ordinal)).Last();
        foreach (string key in dState.Keys.Where(k => k != head))
        {
            TinyModels.BitEqual(cState[key], dState[key]).Should().BeTrue(key);
        }

        foreach (string key in cState.Keys)
        {
            TinyModels.BitEqual(cState[key], c2State[key]).Should().BeTrue(key);
        }

        using (torch.NewDisposeScope())
        {
            cState[head].std().item<float>().Should().BeApproximately(0.02f, 0.01f, "the paper's N(0, 0.02) init");
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Forward_gives_one_logit_per_class(bool paper, int size, bool bnOnInput)
    {
        using var c = new DiscriminatorClassifier(Options(paper, size, bnOnInput), classCount: 5);
        using var scope = torch.NewDisposeScope();
        Tensor logits = c.call(torch.zeros(3, 1, size, size));
        logits.shape.Should().Equal(3, 5);
    }

    [Fact]
    public void Wrong_image_shape_and_too_few_classes_are_rejected_with_the_values()
    {
        DcganModelOptions o = Options(paper: true, size: 28, bnOnInput: false);
        using var c = new DiscriminatorClassifier(o, classCount: 3);
        using var images = torch.zeros(2, 3, 28, 28);
        c.Invoking(m => m.call(images)).Should().Throw<ArgumentException>().WithMessage("*[N, 1, 28, 28]*[2, 3, 28, 28]*");
        FluentActions.Invoking(() => new DiscriminatorClassifier(o, classCount: 1))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*classCount is 1*at least 2*");
    }
}

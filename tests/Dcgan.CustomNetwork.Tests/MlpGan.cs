// A deliberately non-DCGAN pair for 1x28x28 images, described by MlpGanDescription and built by MlpGanBuilder (kind
// "test-mlp"): an MLP generator z [N, Z] -> Linear -> ReLU -> Linear -> Tanh -> [N, 1, 28, 28], and a discriminator
// with one strided convolution and a linear head: [N, 1, 28, 28] -> Conv2d(1 -> W, k4, s2, p1) [N, W, 14, 14] -> ReLU
// -> flatten [N, W*196] -> Linear -> [N]. No batch norm, no LeakyReLU (nothing that takes a Scalar).
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.CustomNetwork.Tests;

/// <summary>The description of an MLP pair (the JSON a checkpoint records).</summary>
public sealed class MlpGanDescription
{
    public int LatentDimension { get; set; } = 8;

    public int HiddenWidth { get; set; } = 32;

    public int DiscriminatorWidth { get; set; } = 4;
}

/// <summary>Builds <see cref="MlpGenerator"/>/<see cref="ConvDiscriminator"/> pairs, initialised from the seed only.</summary>
public sealed class MlpGanBuilder : NetworkBuilder<MlpGanDescription>
{
    public const string KindName = "test-mlp";

    public override string Kind => KindName;

    protected override IEnumerable<string> Validate(MlpGanDescription description)
    {
        if (description.LatentDimension < 1 || description.HiddenWidth < 1 || description.DiscriminatorWidth < 1)
        {
            yield return $"LatentDimension, HiddenWidth and DiscriminatorWidth must be 1 or more (got {description.LatentDimension}, {description.HiddenWidth}, {description.DiscriminatorWidth})";
        }
    }

    protected override (IGenerator Generator, IDiscriminator Discriminator) Create(MlpGanDescription description, long seed)
    {
        using var rng = new torch.Generator(unchecked((ulong)seed));
        var generator = new MlpGenerator(description);
        var discriminator = new ConvDiscriminator(description);
        Initialise(generator, rng);
        Initialise(discriminator, rng);
        return (generator, discriminator);
    }

    // N(0, 0.05) weights and zero biases from the private generator (no global RNG).
    private static void Initialise(nn.Module module, torch.Generator rng)
    {
        using var _ = no_grad();
        foreach ((string name, Parameter parameter) in module.named_parameters())
        {
            if (name.EndsWith("bias", StringComparison.Ordinal))
            {
                parameter.zero_();
            }
            else
            {
                parameter.normal_(0, 0.05, rng);
            }
        }
    }
}

/// <summary>z [N, Z] -> images [N, 1, 28, 28] in [-1, 1] through two linear layers.</summary>
public sealed class MlpGenerator : nn.Module<Tensor, Tensor>, IGenerator
{
    private readonly Sequential main;

    public MlpGenerator(MlpGanDescription description)
        : base(nameof(MlpGenerator))
    {
        LatentDimension = description.LatentDimension;
        main = nn.Sequential(
            nn.Linear(description.LatentDimension, description.HiddenWidth), // [N, H]
            nn.ReLU(),
            nn.Linear(description.HiddenWidth, 28 * 28),                     // [N, 784]
            nn.Tanh());
        RegisterComponents();
    }

    public int LatentDimension { get; }

    public LatentDistribution LatentDistribution => LatentDistribution.Normal;

    public ImageShape ImageShape => new(1, 28, 28);

    public nn.Module<Tensor, Tensor> Network => this;

    public Tensor Generate(Tensor latent) => forward(latent);

    public override Tensor forward(Tensor input) => main.forward(input).view(-1, 1, 28, 28); // [N, 1, 28, 28]
}

/// <summary>Images [N, 1, 28, 28] -> logits [N] through one strided convolution and a linear head.</summary>
public sealed class ConvDiscriminator : nn.Module<Tensor, Tensor>, IDiscriminator
{
    private readonly Sequential features;
    private readonly Linear head;

    public ConvDiscriminator(MlpGanDescription description)
        : base(nameof(ConvDiscriminator))
    {
        FeatureWidths = [description.DiscriminatorWidth];
        features = nn.Sequential(nn.Conv2d(1, description.DiscriminatorWidth, 4, stride: 2, padding: 1), nn.ReLU()); // [N, W, 14, 14]
        head = nn.Linear(description.DiscriminatorWidth * 14 * 14, 1);                                                    // [N, 1]
        RegisterComponents();
    }

    public ImageShape ImageShape => new(1, 28, 28);

    public nn.Module<Tensor, Tensor> Network => this;

    public IReadOnlyList<int> FeatureWidths { get; }

    public Tensor Judge(Tensor images) => forward(images);

    public (Tensor Logits, IReadOnlyList<Tensor> Features) ForwardWithFeatures(Tensor images)
    {
        Tensor map = features.forward(images);
        return (head.forward(map.flatten(1)).view(-1), [map]);
    }

    public override Tensor forward(Tensor input)
    {
        using Tensor map = features.forward(input);
        return head.forward(map.flatten(1)).view(-1); // [N]
    }
}

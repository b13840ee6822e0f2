// DiscriminatorClassifier: the DCGAN discriminator's architecture as a supervised classifier (the paper's
// "supervised CNN with the same architecture" baseline, section 5.1): images [N, C, s, s] -> logits [N, K].
//
// The layers are built by the very code that builds DcganDiscriminator (DcganDiscriminator.BuildLayers), so the
// conv blocks, kernels, widths, padding, BN placement and LeakyReLU(0.2) are the discriminator's by construction;
// only the output layer has K = classCount units instead of 1:
//   blocks:  as DcganDiscriminator                                                    [N, d(k-1), b, b]
//   output, LatentProjection.TransposedConvolution: Conv2d(d(k-1) -> K, kernel b, padding 0)   [N, K, 1, 1]
//   output, LatentProjection.Dense: Flatten + Linear(b*b*d(k-1) -> K)                           [N, K]
// State-dict keys are the discriminator's (`main.<index>.<name>`); only the output weight's first dimension differs.

using Dcgan.Models;
using Dcgan.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>
/// A supervised image classifier with exactly the DCGAN discriminator's convolutional trunk (same
/// <see cref="DcganModelOptions"/>, same layers) and an output layer of the same kind with
/// <see cref="ClassCount"/> units. Like the discriminator, no layer has a bias and the output is raw logits
/// (no softmax). Parameters are created on the CPU; move the module with <c>to(device)</c>.
/// </summary>
public sealed class DiscriminatorClassifier : nn.Module<Tensor, Tensor>
{
    // The whole network; the field name is the state-dict prefix ("main.0.weight", ...), as in DcganDiscriminator.
    private readonly Sequential main;

    private readonly DcganArchitecture _architecture;
    private readonly DcganModelOptions _options;

    /// <summary>
    /// Builds the classifier with TorchSharp's default layer initialisation (which draws from the global RNG).
    /// Use <see cref="DiscriminatorClassifier(DcganModelOptions, int, torch.Generator)"/> for the paper's seeded
    /// N(0, 0.02) initialisation.
    /// </summary>
    /// <param name="options">The discriminator's architecture; validated and copied.</param>
    /// <param name="classCount">Number of classes, the output layer's width (at least 2).</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names the value).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is less than 2.</exception>
    public DiscriminatorClassifier(DcganModelOptions options, int classCount)
        : base(nameof(DiscriminatorClassifier))
    {
        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"classCount is {classCount}; a classifier needs at least 2 classes.");
        }

        _architecture = DcganArchitecture.For(options);
        _options = options.Clone();
        ClassCount = classCount;
        main = nn.Sequential(DcganDiscriminator.CreateLayers(_options, outputs: classCount));
        RegisterComponents();
    }

    /// <summary>
    /// Builds the classifier and initialises it as the paper does (<see cref="DcganWeightInit.Apply"/>: weights
    /// N(0, 0.02), BN scales N(1, 0.02)), drawing from <paramref name="generator"/> only.
    /// </summary>
    /// <param name="options">The discriminator's architecture; validated and copied.</param>
    /// <param name="classCount">Number of classes (at least 2).</param>
    /// <param name="generator">The random source for the initial weights (a CPU generator).</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names the value).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is less than 2.</exception>
    public DiscriminatorClassifier(DcganModelOptions options, int classCount, torch.Generator generator)
        : this(options, classCount)
    {
        ArgumentNullException.ThrowIfNull(generator);
        DcganWeightInit.Apply(this, generator);
    }

    /// <summary>Number of classes (outputs per image).</summary>
    public int ClassCount { get; }

    /// <summary>The layer plan derived from the options (the discriminator's).</summary>
    public DcganArchitecture Architecture => _architecture;

    /// <summary>A copy of the options the classifier was built from.</summary>
    public DcganModelOptions Options => _options.Clone();

    /// <summary>The shape of the images the classifier takes ([C, H, W]).</summary>
    public ImageShape ImageShape => new(_options.Channels, _architecture.ImageHeight, _architecture.ImageWidth);

    /// <summary>Images [N, C, s, s] to logits [N, <see cref="ClassCount"/>]. The caller owns the result.</summary>
    /// <param name="images">Images in [-1, 1] on the module's device.</param>
    /// <exception cref="ArgumentException"><paramref name="images"/> is not [N, C, s, s]; the message gives both shapes.</exception>
    public override Tensor forward(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || images.shape[0] < 1 || images.shape[1] != ImageShape.Channels || images.shape[2] != ImageShape.Height || images.shape[3] != ImageShape.Width)
        {
            throw new ArgumentException($"Expected images of shape [N, {ImageShape.Channels}, {ImageShape.Height}, {ImageShape.Width}], got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        long n = images.shape[0];
        using var scope = torch.NewDisposeScope();
        Tensor raw = main.forward(images);                                // [N, K, 1, 1] or [N, K]
        return raw.reshape(n, ClassCount).MoveToOuterDisposeScope();      // [N, K]
    }
}

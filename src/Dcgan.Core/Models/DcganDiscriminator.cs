// DcganDiscriminator: images [N, C, s, s] -> logits [N] (no sigmoid), for any s = b * 2^k.
// Paper guidelines (section 3): strided convolutions instead of pooling, batch norm everywhere except the
// input layer, LeakyReLU(0.2) everywhere, the last features flattened into one output unit.
//
// Everything lives in ONE Sequential field `main` (state-dict keys `main.<index>.<name>`):
//   block 0:    Conv2d(C -> d0, stride 2) [+ BatchNorm2d if BatchNormOnDiscriminatorInput] + LeakyReLU(0.2)   [N, d0, s/2, s/2]
//   block i>0:  Conv2d(d(i-1) -> d(i), stride 2) + BatchNorm2d + LeakyReLU(0.2)                            [N, d(i), s/2^(i+1), ...]
//   output, LatentProjection.TransposedConvolution (pytorch/examples): Conv2d(d(k-1) -> 1, kernel b, padding 0)  [N, 1, 1, 1]
//   output, LatentProjection.Dense (the paper): Flatten + Linear(b*b*d(k-1) -> 1)                              [N, 1]
// The output layer follows the generator's projection choice so that each preset matches its reference.
// With a 64x64 pytorch/examples model this is netD key for key (its Sigmoid has no parameters).
// No layer has a bias (as in the authors' code and pytorch/examples).

using Dcgan.Data;
using Dcgan.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>
/// The DCGAN discriminator for square images of any side <c>b * 2^k</c> (b in 4..7, k &gt;= 1): k stride-2
/// convolution blocks, then one logit per image. Build it from <see cref="DcganModelOptions"/>, or through
/// <see cref="DcganModels.Create"/> to get both networks with the paper's weight initialisation.
/// </summary>
/// <remarks>
/// State-dict keys (the checkpoint format) are those of one <c>Sequential</c> named <c>main</c>; see the file
/// header for the layer order. Parameters are created on the CPU; move the module with <c>to(device)</c>.
/// </remarks>
public sealed class DcganDiscriminator : nn.Module<Tensor, Tensor>, IDiscriminator
{
    /// <summary>The negative slope of every LeakyReLU (the paper's 0.2).</summary>
    public const double LeakySlope = 0.2;

    // The whole network; the field name is the state-dict prefix ("main.0.weight", ...).
    private readonly Sequential main;

    // The same layer objects as `main`, in order (an array is not registered a second time).
    private readonly nn.Module<Tensor, Tensor>[] _layers;

    // Index in _layers of each block's LeakyReLU: the activations ForwardWithFeatures returns.
    private readonly int[] _featureLayers;

    private readonly DcganArchitecture _architecture;

    /// <summary>
    /// Builds the discriminator with TorchSharp's default layer initialisation (which draws from the global RNG).
    /// Use <see cref="DcganDiscriminator(DcganModelOptions, torch.Generator)"/> or <see cref="DcganModels.Create"/>
    /// for the paper's seeded N(0, 0.02) initialisation.
    /// </summary>
    /// <param name="options">The architecture; validated and copied.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure with its value.</exception>
    public DcganDiscriminator(DcganModelOptions options)
        : base(TorchRuntime.Checked(nameof(DcganDiscriminator))) // a TorchLoadException, never a bare TypeInitializationException
    {
        _architecture = DcganArchitecture.For(options);
        (_layers, _featureLayers) = BuildLayers(_architecture);
        main = nn.Sequential(_layers);
        RegisterComponents();
    }

    /// <summary>
    /// Builds the discriminator and initialises it as the paper does (<see cref="DcganWeightInit.Apply"/>),
    /// drawing from <paramref name="generator"/> only.
    /// </summary>
    /// <param name="options">The architecture; validated and copied.</param>
    /// <param name="generator">The random source for the initial weights (a CPU generator).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure with its value.</exception>
    public DcganDiscriminator(DcganModelOptions options, torch.Generator generator)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(generator);
        DcganWeightInit.Apply(this, generator);
    }

    /// <summary>The layer plan derived from the options.</summary>
    public DcganArchitecture Architecture => _architecture;

    /// <summary>A copy of the options the discriminator was built from.</summary>
    public DcganModelOptions Options => _architecture.Options.Clone();

    /// <inheritdoc />
    public ImageShape ImageShape => new(_architecture.Options.Channels, _architecture.ImageHeight, _architecture.ImageWidth);

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Network => this;

    /// <inheritdoc />
    public IReadOnlyList<int> FeatureWidths => _architecture.DiscriminatorWidths;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="images"/> is not [N, C, s, s]; the message gives both shapes.</exception>
    public Tensor Judge(Tensor images) => forward(images);

    /// <summary>Images [N, C, s, s] to logits [N]. The caller owns the result.</summary>
    /// <param name="images">Images in [-1, 1] on the module's device.</param>
    /// <exception cref="ArgumentException"><paramref name="images"/> is not [N, C, s, s]; the message gives both shapes.</exception>
    public override Tensor forward(Tensor images) => Run(images, features: null);

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="images"/> is not [N, C, s, s]; the message gives both shapes.</exception>
    public (Tensor Logits, IReadOnlyList<Tensor> Features) ForwardWithFeatures(Tensor images)
    {
        var features = new List<Tensor>(_featureLayers.Length);
        Tensor logits = Run(images, features);
        return (logits, features);
    }

    // One pass through the layers; when `features` is given, each block's activation is kept (and leaves the
    // local dispose scope with the logits), every other intermediate is disposed here.
    private Tensor Run(Tensor images, List<Tensor>? features)
    {
        CheckImages(images);
        long n = images.shape[0];
        using var scope = torch.NewDisposeScope();
        if (features is null)
        {
            Tensor raw = main.forward(images);                            // [N, 1, 1, 1] or [N, 1]
            return raw.reshape(n).MoveToOuterDisposeScope();              // [N]
        }

        Tensor x = images;                                                // [N, C, s, s]
        int nextFeature = 0;
        for (int i = 0; i < _layers.Length; i++)
        {
            x = _layers[i].call(x);                                       // block i: [N, d(i), s/2^(i+1), s/2^(i+1)]; output: [N, 1, 1, 1] or [N, 1]
            if (nextFeature < _featureLayers.Length && _featureLayers[nextFeature] == i)
            {
                features.Add(x);
                nextFeature++;
            }
        }

        Tensor logits = x.reshape(n);                                     // [N]
        foreach (Tensor f in features)
        {
            f.MoveToOuterDisposeScope();
        }

        return logits.MoveToOuterDisposeScope();
    }

    private void CheckImages(Tensor images) => CheckImages(images, ImageShape);

    // Throws unless `images` is [N >= 1, C, H, W] of shape `s`.
    private static void CheckImages(Tensor images, ImageShape s) => ImageTensors.ThrowIfNotImages(images, s, nameof(images));

    /// <summary>
    /// The discriminator's layers for <paramref name="options"/>, in the order of <c>main</c>, with
    /// <paramref name="outputs"/> output units instead of one: the conv blocks, then the output layer. A head built
    /// on them (a classifier with one output per class, say) has the discriminator's trunk by construction and the
    /// same state-dict keys when its field is named <c>main</c>.
    /// </summary>
    /// <param name="options">The architecture; validated.</param>
    /// <param name="outputs">Output units, at least 1. The default value is 1 (the discriminator's logit).</param>
    /// <returns>New layers on the CPU with TorchSharp's default initialisation; the caller owns them.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure with its value.</exception>
    public static IReadOnlyList<nn.Module<Tensor, Tensor>> CreateLayers(DcganModelOptions options, int outputs = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        return BuildLayers(DcganArchitecture.For(options), outputs).Layers;
    }

    // The layers of `main`: the conv blocks, then an output layer with `outputs` units.
    private static (nn.Module<Tensor, Tensor>[] Layers, int[] FeatureLayers) BuildLayers(DcganArchitecture a, int outputs = 1)
    {
        DcganModelOptions o = a.Options;
        IReadOnlyList<int> d = a.DiscriminatorWidths;
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var featureLayers = new int[a.Doublings];

        // Blocks: [N, c_in, rh, rw] -> [N, d(i), rh/2, rw/2].
        for (int i = 0; i < a.Doublings; i++)
        {
            int inChannels = i == 0 ? o.Channels : d[i - 1];
            layers.Add(nn.Conv2d(in_channels: inChannels, out_channels: d[i], kernel_size: o.KernelSize,
                stride: 2, padding: (long)a.StridedPadding, bias: false));
            if (i > 0 || o.BatchNormOnDiscriminatorInput)
            {
                layers.Add(new ScalarSafeBatchNorm2d(d[i]));
            }

            layers.Add(new ScalarSafeLeakyReLU(LeakySlope));
            featureLayers[i] = layers.Count - 1;
        }

        // Output units (o = outputs) from the last bh x bw map.
        int last = d[a.Doublings - 1];
        int bh = a.BaseHeight, bw = a.BaseWidth;
        if (o.Projection == LatentProjection.TransposedConvolution)
        {
            // [N, d(k-1), bh, bw] -> [N, o, 1, 1]: pytorch/examples' valid bh x bw convolution.
            layers.Add(bh == bw
                ? nn.Conv2d(in_channels: last, out_channels: outputs, kernel_size: bh, stride: 1, padding: 0L, bias: false)
                : nn.Conv2d(in_channels: last, out_channels: outputs, kernel_size: (bh, bw), stride: (1, 1), padding: (0, 0), bias: false));
        }
        else
        {
            // [N, d(k-1), bh, bw] -> [N, bh*bw*d(k-1)] -> [N, o]: the paper's flatten and output units.
            layers.Add(nn.Flatten());
            layers.Add(nn.Linear(inputSize: (long)bh * bw * last, outputSize: outputs, hasBias: false));
        }

        return ([.. layers], featureLayers);
    }
}

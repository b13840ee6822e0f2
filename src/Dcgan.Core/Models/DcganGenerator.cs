// DcganGenerator: z [N, Z] -> images [N, C, s, s] in [-1, 1], for any s = b * 2^k.
// Paper guidelines (section 3): no pooling, no fully connected hidden layers, fractionally-strided
// convolutions, batch norm everywhere except the output layer, ReLU inside and Tanh on the output.
//
// Everything lives in ONE Sequential field `main` (state-dict keys `main.<index>.<name>`):
//   LatentProjection.TransposedConvolution (pytorch/examples; z is viewed as [N, Z, 1, 1] first)
//     main.0  ConvTranspose2d(Z -> w0, kernel b, stride 1, padding 0)      [N, w0, b, b]
//     main.1  BatchNorm2d(w0), main.2 ReLU
//   LatentProjection.Dense (the paper's "project and reshape")
//     main.0  Linear(Z -> b*b*w0)                                          [N, b*b*w0]
//     main.1  Unflatten(1, [w0, b, b])                                     [N, w0, b, b]
//     main.2  BatchNorm2d(w0), main.3 ReLU
//   then, for i = 1..k-1: ConvTranspose2d(w(i-1) -> w(i), stride 2) + BatchNorm2d + ReLU   [N, w(i), b*2^i, b*2^i]
//   then ConvTranspose2d(w(k-1) -> C, stride 2) [+ BatchNorm2d(C) if BatchNormOnGeneratorOutput] + Tanh   [N, C, s, s]
// With a 64x64 TransposedConvolution/4x4-kernel model this is exactly pytorch/examples' netG, key for key.
// No layer has a bias (as in the authors' code and pytorch/examples): BN supplies the shifts.

using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Native;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>
/// The DCGAN generator for square images of any side <c>b * 2^k</c> (b in 4..7, k &gt;= 1). Build it from
/// <see cref="DcganModelOptions.Paper"/> or <see cref="DcganModelOptions.PyTorchExample"/>, or through
/// <see cref="DcganModels.Create"/> to get both networks with the paper's weight initialisation.
/// </summary>
/// <remarks>
/// State-dict keys (the checkpoint format) are those of one <c>Sequential</c> named <c>main</c>; see the file
/// header for the layer order. Parameters are created on the CPU; move the module with <c>to(device)</c>.
/// </remarks>
public sealed class DcganGenerator : nn.Module<Tensor, Tensor>, ILayeredGenerator
{
    // The whole network; the field name is the state-dict prefix ("main.0.weight", ...).
    private readonly Sequential main;

    private readonly DcganArchitecture _architecture;

    /// <summary>
    /// Builds the generator with TorchSharp's default layer initialisation (which draws from the global RNG).
    /// Use <see cref="DcganGenerator(DcganModelOptions, torch.Generator)"/> or <see cref="DcganModels.Create"/>
    /// for the paper's seeded N(0, 0.02) initialisation.
    /// </summary>
    /// <param name="options">The architecture; validated and copied.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure with its value.</exception>
    public DcganGenerator(DcganModelOptions options)
        : base(TorchRuntime.Checked(nameof(DcganGenerator))) // a TorchLoadException, never a bare TypeInitializationException
    {
        _architecture = DcganArchitecture.For(options);
        main = nn.Sequential(BuildLayers(_architecture));
        RegisterComponents();
    }

    /// <summary>
    /// Builds the generator and initialises it as the paper does (<see cref="DcganWeightInit.Apply"/>), drawing
    /// from <paramref name="generator"/> only.
    /// </summary>
    /// <param name="options">The architecture; validated and copied.</param>
    /// <param name="generator">The random source for the initial weights (a CPU generator).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure with its value.</exception>
    public DcganGenerator(DcganModelOptions options, torch.Generator generator)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(generator);
        DcganWeightInit.Apply(this, generator);
    }

    /// <summary>The layer plan derived from the options.</summary>
    public DcganArchitecture Architecture => _architecture;

    /// <summary>A copy of the options the generator was built from.</summary>
    public DcganModelOptions Options => _architecture.Options.Clone();

    /// <inheritdoc />
    public int LatentDimension => _architecture.Options.LatentDimension;

    /// <inheritdoc />
    public LatentDistribution LatentDistribution => _architecture.Options.LatentDistribution;

    /// <inheritdoc />
    public ImageShape ImageShape => new(_architecture.Options.Channels, _architecture.ImageHeight, _architecture.ImageWidth);

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Network => this;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="latent"/> is not [N, LatentDimension].</exception>
    public Tensor Generate(Tensor latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        if (latent.dim() != 2 || latent.shape[1] != LatentDimension || latent.shape[0] < 1)
        {
            throw new ArgumentException(
                $"Expected latent vectors of shape [N, {LatentDimension}], got {ImageTensors.ShapeText(latent)}.", nameof(latent));
        }

        return forward(latent);
    }

    /// <summary>
    /// z [N, Z] (or pytorch/examples' [N, Z, 1, 1]) to images [N, C, s, s] in [-1, 1]. The caller owns the result.
    /// </summary>
    /// <param name="latent">Latent vectors on the module's device.</param>
    /// <exception cref="ArgumentException">The latent tensor has another shape.</exception>
    public override Tensor forward(Tensor latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        using var scope = torch.NewDisposeScope();
        Tensor images = main.forward(NetworkInput(latent));               // [N, C, s, s]
        return images.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Number of hidden blocks, k (= <see cref="DcganArchitecture.Doublings"/>). Hidden block i is the projection
    /// (i = 0) or the i-th up-convolution, with its batch norm and ReLU; its output (after the ReLU) is
    /// [N, <see cref="DcganArchitecture.GeneratorWidths"/>[i], bh * 2^i, bw * 2^i]. Block k - 1 is the
    /// second-highest layer (the last before the output convolution).
    /// </summary>
    public int HiddenBlockCount => _architecture.Doublings;

    /// <inheritdoc />
    /// <remarks>Block i is (<see cref="DcganArchitecture.GeneratorWidths"/>[i], bh * 2^i, bw * 2^i).</remarks>
    public IReadOnlyList<ImageShape> HiddenBlockShapes =>
        [.. _architecture.GeneratorWidths.Select((width, i) => new ImageShape(width, _architecture.BaseHeight << i, _architecture.BaseWidth << i))];

    /// <summary>
    /// Runs the network as <see cref="forward"/> does, layer by layer, but replaces the output of hidden block
    /// <paramref name="blockIndex"/> (after its ReLU) by <paramref name="intervention"/>'s result before the
    /// remaining layers run. Weights and buffers are not touched by this method (batch-norm running statistics
    /// still update in training mode, as in <see cref="forward"/>). With an identity intervention the result is
    /// bit-identical to <see cref="forward"/>.
    /// </summary>
    /// <param name="latent">Latent vectors [N, Z] (or [N, Z, 1, 1]) on the module's device.</param>
    /// <param name="blockIndex">0 to <see cref="HiddenBlockCount"/> - 1.</param>
    /// <param name="intervention">
    /// Receives the block's activations [N, C, h, w] and returns the tensor of the same shape to continue with
    /// (the same one or a new one). Both live in this call's dispose scope: copy what must outlive the call.
    /// </param>
    /// <returns>Images [N, C, s, s]; the caller owns the tensor (or its dispose scope does).</returns>
    /// <exception cref="ArgumentException">The latent tensor has another shape, or the intervention changed the shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockIndex"/> is out of range.</exception>
    public Tensor ForwardWithIntervention(Tensor latent, int blockIndex, Func<Tensor, Tensor> intervention)
    {
        ArgumentNullException.ThrowIfNull(latent);
        ArgumentNullException.ThrowIfNull(intervention);
        if (blockIndex < 0 || blockIndex >= HiddenBlockCount)
        {
            throw new ArgumentOutOfRangeException(nameof(blockIndex), blockIndex,
                $"Hidden block {blockIndex} does not exist; valid blocks are 0..{HiddenBlockCount - 1}.");
        }

        using var scope = torch.NewDisposeScope();
        Tensor x = NetworkInput(latent);                                  // [N, Z, 1, 1] or [N, Z]
        int relus = 0;
        foreach (nn.Module layer in main.children())
        {
            x = ((nn.Module<Tensor, Tensor>)layer).call(x);
            if (layer is ReLU && relus++ == blockIndex)
            {
                long[] shape = x.shape;                                   // [N, C, h, w]
                x = intervention(x);                                      // [N, C, h, w]
                if (x is null || !x.shape.SequenceEqual(shape))
                {
                    throw new ArgumentException(
                        $"The intervention must return a tensor of shape [{string.Join(", ", shape)}], got {(x is null ? "null" : ImageTensors.ShapeText(x))}.",
                        nameof(intervention));
                }
            }
        }

        return x.MoveToOuterDisposeScope();                               // [N, C, s, s]
    }

    // Validates z and reshapes it to what main's first layer takes; the result belongs to the current scope.
    private Tensor NetworkInput(Tensor latent)
    {
        long z = LatentDimension;
        bool flat = latent.dim() == 2 && latent.shape[1] == z;
        bool column = latent.dim() == 4 && latent.shape[1] == z && latent.shape[2] == 1 && latent.shape[3] == 1;
        if (!(flat || column) || latent.shape[0] < 1)
        {
            throw new ArgumentException(
                $"Expected latent vectors of shape [N, {z}] or [N, {z}, 1, 1], got {ImageTensors.ShapeText(latent)}.", nameof(latent));
        }

        long n = latent.shape[0];
        return _architecture.Options.Projection == LatentProjection.TransposedConvolution
            ? latent.reshape(n, z, 1, 1)                                  // [N, Z, 1, 1]
            : latent.reshape(n, z);                                       // [N, Z]
    }



    private static nn.Module<Tensor, Tensor>[] BuildLayers(DcganArchitecture a)
    {
        DcganModelOptions o = a.Options;
        IReadOnlyList<int> w = a.GeneratorWidths;
        int bh = a.BaseHeight, bw = a.BaseWidth;
        var layers = new List<nn.Module<Tensor, Tensor>>();

        // Projection of z to the first bh x bw map.
        if (o.Projection == LatentProjection.TransposedConvolution)
        {
            // [N, Z, 1, 1] -> [N, w0, bh, bw]: a bh x bw kernel on a 1x1 map (pytorch/examples' first layer).
            layers.Add(bh == bw
                ? nn.ConvTranspose2d(in_channels: o.LatentDimension, out_channels: w[0], kernel_size: bh, stride: 1, padding: 0, bias: false)
                : nn.ConvTranspose2d(in_channels: o.LatentDimension, out_channels: w[0], kernel_size: (bh, bw), stride: (1, 1), padding: (0, 0), bias: false));
        }
        else
        {
            // [N, Z] -> [N, bh*bw*w0] -> [N, w0, bh, bw]: the paper's matrix multiply and reshape.
            layers.Add(nn.Linear(inputSize: o.LatentDimension, outputSize: (long)bh * bw * w[0], hasBias: false));
            layers.Add(nn.Unflatten(dim: 1, unflattened_size: [w[0], bh, bw]));
        }

        layers.Add(new ScalarSafeBatchNorm2d(w[0]));
        layers.Add(nn.ReLU());

        // Up blocks: [N, w(i-1), rh, rw] -> [N, w(i), 2rh, 2rw].
        for (int i = 1; i < a.Doublings; i++)
        {
            layers.Add(UpConvolution(a, w[i - 1], w[i]));
            layers.Add(new ScalarSafeBatchNorm2d(w[i]));
            layers.Add(nn.ReLU());
        }

        // Output: [N, w(k-1), h/2, w/2] -> [N, C, h, w], no BN (guideline 3) unless the ablation switch asks.
        layers.Add(UpConvolution(a, w[a.Doublings - 1], o.Channels));
        if (o.BatchNormOnGeneratorOutput)
        {
            layers.Add(new ScalarSafeBatchNorm2d(o.Channels));
        }

        layers.Add(nn.Tanh());
        return [.. layers];
    }

    private static ConvTranspose2d UpConvolution(DcganArchitecture a, int inChannels, int outChannels) =>
        nn.ConvTranspose2d(in_channels: inChannels, out_channels: outChannels, kernel_size: a.Options.KernelSize,
            stride: 2, padding: a.StridedPadding, output_padding: a.OutputPadding, bias: false);
}

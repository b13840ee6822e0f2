// FeatureMapDropout: the paper's "forgetting" intervention (section 6.3.2). Chosen feature maps of one hidden
// block are set to zero at every spatial position while generating; the stored weights are never touched.
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Interventions;

/// <summary>
/// Generates images with chosen feature maps of a chosen generator block dropped (zeroed at every position),
/// as in the paper's window-forgetting experiment, for any <see cref="ILayeredGenerator"/> (such as
/// <see cref="DcganGenerator"/>). Nothing is changed in the model: parameters, buffers and
/// training flags are as before the call (see <see cref="GeneratorExtensions.GenerateImages"/>).
/// </summary>
public static class FeatureMapDropout
{
    /// <summary>
    /// Generates images from <paramref name="latent"/> with <paramref name="maps"/> of <paramref name="layer"/>
    /// zeroed. With no maps the result is bit-identical to <see cref="GeneratorExtensions.GenerateImages"/>.
    /// </summary>
    /// <param name="generator">The generator.</param>
    /// <param name="latent">Latent vectors [N, Z] on the generator's device.</param>
    /// <param name="layer">A block name (<c>block0</c> ..); null means the second-highest layer.</param>
    /// <param name="maps">Indices of the feature maps to drop; may be empty; duplicates are ignored.</param>
    /// <param name="mode">Batch-norm statistics to use; the default is running statistics.</param>
    /// <returns>Images [N, C, s, s] in [-1, 1] without gradient history; the caller owns the tensor (or its dispose scope does).</returns>
    /// <exception cref="ArgumentException">Unknown layer or map index (the message names the value and the valid range), or a badly shaped latent.</exception>
    public static Tensor Generate(ILayeredGenerator generator, Tensor latent, string? layer, IEnumerable<int> maps,
        BatchNormMode mode = BatchNormMode.RunningStatistics) =>
        Run(generator, latent, layer, maps, mode, observe: null);

    /// <summary>
    /// Like <see cref="Generate"/>, and also returns the block's activations as they went on to the next layer
    /// (dropped maps are zero), all as managed values.
    /// </summary>
    /// <param name="generator">The generator.</param>
    /// <param name="latent">Latent vectors [N, Z] on the generator's device; stays the caller's.</param>
    /// <param name="layer">A block name; null means the second-highest layer.</param>
    /// <param name="maps">Indices of the feature maps to drop; may be empty.</param>
    /// <param name="mode">Batch-norm statistics to use; the default is running statistics.</param>
    /// <returns>The images and the activations of <paramref name="layer"/>, [N, C, h, w].</returns>
    /// <exception cref="ArgumentException">Unknown layer or map index, or a badly shaped latent.</exception>
    public static (ImageBatch Images, LayerActivations Activations) GenerateAndCapture(ILayeredGenerator generator,
        Tensor latent, string? layer, IEnumerable<int> maps, BatchNormMode mode = BatchNormMode.RunningStatistics)
    {
        LayerActivations? captured = null;
        using var scope = torch.NewDisposeScope();
        Tensor images = Run(generator, latent, layer, maps, mode, a => captured = LayerActivations.FromTensor(a)); // [N, C, s, s]
        return (ImageTensors.FromTensor(images), captured!);
    }

    /// <summary>
    /// The activations of <paramref name="layer"/> for <paramref name="latent"/> (no maps dropped), as managed values.
    /// </summary>
    /// <param name="generator">The generator.</param>
    /// <param name="latent">Latent vectors [N, Z] on the generator's device; stays the caller's.</param>
    /// <param name="layer">A block name; null means the second-highest layer.</param>
    /// <param name="mode">Batch-norm statistics to use; the default is running statistics.</param>
    /// <exception cref="ArgumentException">Unknown layer, or a badly shaped latent.</exception>
    public static LayerActivations Capture(ILayeredGenerator generator, Tensor latent, string? layer,
        BatchNormMode mode = BatchNormMode.RunningStatistics) =>
        GenerateAndCapture(generator, latent, layer, [], mode).Activations;

    private static Tensor Run(ILayeredGenerator generator, Tensor latent, string? layer, IEnumerable<int> maps,
        BatchNormMode mode, Action<Tensor>? observe)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(latent);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"BatchNormMode {mode} is not defined.");
        }

        GeneratorLayer block = GeneratorLayer.Resolve(generator, layer);
        int[] dropped = block.ValidateMaps(maps);
        return GeneratorExtensions.RunForInference(generator, mode, () => generator.ForwardWithIntervention(latent, block.Index, x =>
        {
            // x: [N, C, h, w]. A 0/1 mask over channels zeroes the dropped maps at every position.
            Tensor y = x;
            if (dropped.Length > 0)
            {
                Tensor index = torch.tensor(dropped.Select(m => (long)m).ToArray(), device: x.device);  // [D]
                Tensor keep = torch.ones(block.Channels, dtype: x.dtype, device: x.device)
                    .index_fill_(0, index, Scalars.Constant(0L));                                                   // [C]
                y = x.mul(keep.reshape(1, block.Channels, 1, 1));                                       // [N, C, h, w]
            }

            observe?.Invoke(y);
            return y;
        }));
    }
}

// IDiscriminator: the discriminator extension point (images -> one real/fake logit per image).
using Dcgan.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>
/// A discriminator network: maps images to one real/fake logit each. An extension point: the trainer and the
/// feature extraction work with any implementation.
/// </summary>
public interface IDiscriminator : IDisposable
{
    /// <summary>Shape of the images it judges.</summary>
    ImageShape ImageShape { get; }

    /// <summary>The trainable network. Its state-dict keys are the checkpoint format.</summary>
    nn.Module<Tensor, Tensor> Network { get; }

    /// <summary>
    /// Number of output channels of each convolution block, input side first (the widths that
    /// <see cref="ForwardWithFeatures"/> returns activations for).
    /// </summary>
    IReadOnlyList<int> FeatureWidths { get; }

    /// <summary>
    /// Images [N, C, H, W] in [-1, 1] to logits [N] (no sigmoid: use a with-logits loss). The caller owns the
    /// returned tensor (or its dispose scope does).
    /// </summary>
    Tensor Judge(Tensor images);

    /// <summary>
    /// Like <see cref="Judge"/>, and also returns the activation of every convolution block after its
    /// nonlinearity ([N, FeatureWidths[i], H_i, W_i]), input side first. The caller owns every returned tensor.
    /// </summary>
    (Tensor Logits, IReadOnlyList<Tensor> Features) ForwardWithFeatures(Tensor images);
}

// IGenerator: the generator extension point (z [N, Z] -> images [N, C, H, W] in [-1, 1]) that the trainer and the
// latent tools work with.
using Dcgan.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>
/// A generator network: maps latent vectors z to images in [-1, 1]. An extension point: the trainer and the
/// latent tools work with any implementation.
/// </summary>
public interface IGenerator : IDisposable
{
    /// <summary>Length of a latent vector z.</summary>
    int LatentDimension { get; }

    /// <summary>The prior that z is drawn from during training and sampling.</summary>
    LatentDistribution LatentDistribution { get; }

    /// <summary>Shape of one generated image.</summary>
    ImageShape ImageShape { get; }

    /// <summary>
    /// The trainable network (parameters, buffers, train/eval mode, device moves, state dict).
    /// Its state-dict keys are the checkpoint format.
    /// </summary>
    nn.Module<Tensor, Tensor> Network { get; }

    /// <summary>
    /// Runs the network: z [N, LatentDimension] to images [N, C, H, W] in [-1, 1]. The caller owns the
    /// returned tensor (or its dispose scope does).
    /// </summary>
    /// <param name="latent">Latent vectors, [N, LatentDimension], on the network's device.</param>
    Tensor Generate(Tensor latent);
}

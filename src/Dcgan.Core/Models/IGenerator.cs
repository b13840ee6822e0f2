// IGenerator: the generator extension point (z [N, Z] -> images [N, C, H, W] in [-1, 1]) that the trainer and the
// latent tools work with.
using Dcgan.Data;
using Dcgan.Generation;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>
/// A generator network: maps latent vectors z to images in [-1, 1]. An extension point: the trainer and the
/// latent tools work with any implementation.
/// </summary>
public interface IGenerator : IImageGenerator, IDisposable
{
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

    /// <summary>
    /// The rendering contract for a TorchSharp generator: one forward pass over the rows in eval mode (running
    /// batch-norm statistics, no autograd) on the network's device, in one dispose scope; see
    /// <see cref="LatentImages.Render"/>. An implementation may override it.
    /// </summary>
    /// <param name="latents">One or more rows of length <see cref="IImageGenerator.LatentDimension"/>.</param>
    /// <returns>The images, [latents.Count, C, H, W] in [-1, 1].</returns>
    ImageBatch IImageGenerator.RenderBatch(IReadOnlyList<float[]> latents) =>
        this.Render(latents, BatchNormMode.RunningStatistics, Math.Max(1, latents?.Count ?? 1));
}

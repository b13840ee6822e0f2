// GeneratorExtensions: generation with an explicit batch-norm policy (what users of peer libraries trip over:
// with batch statistics a sample depends on its batch-mates). Runs without autograd and leaves the network
// exactly as it found it: training flags of every submodule and batch-norm running statistics.

using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>Inference helpers for any <see cref="IGenerator"/>.</summary>
public static class GeneratorExtensions
{
    /// <summary>
    /// Generates images from <paramref name="latent"/> under <c>torch.no_grad()</c> with the batch-norm policy
    /// <paramref name="mode"/>: <see cref="BatchNormMode.RunningStatistics"/> runs the network in eval mode
    /// (a z always gives the same image); <see cref="BatchNormMode.BatchStatistics"/> runs it in training mode
    /// (statistics of this batch, as in the paper's sample grids). Afterwards the training flag of every
    /// submodule is restored, and with <see cref="BatchNormMode.BatchStatistics"/> the running statistics that
    /// the forward pass updated are restored too, so generating never changes the model.
    /// </summary>
    /// <param name="generator">The generator.</param>
    /// <param name="latent">Latent vectors [N, LatentDimension] on the network's device.</param>
    /// <param name="mode">Which batch-norm statistics to use.</param>
    /// <returns>
    /// Images [N, C, H, W] in [-1, 1], without gradient history. The caller owns the tensor: dispose it, or let
    /// the caller's current dispose scope do so.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static Tensor GenerateImages(this IGenerator generator, Tensor latent, BatchNormMode mode)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(latent);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"BatchNormMode {mode} is not defined.");
        }

        return RunForInference(generator, mode, () => generator.Generate(latent));
    }

    /// <summary>
    /// The body of <see cref="GenerateImages"/> for any forward pass of <paramref name="generator"/>'s network:
    /// runs <paramref name="forward"/> under <c>torch.no_grad()</c> with the batch-norm policy
    /// <paramref name="mode"/>, then restores every training flag and (for batch statistics) every buffer.
    /// The tensor <paramref name="forward"/> returns is moved out of this call's dispose scope: the caller owns it.
    /// </summary>
    /// <param name="generator">The generator whose network <paramref name="forward"/> runs.</param>
    /// <param name="mode">Which batch-norm statistics to use.</param>
    /// <param name="forward">The forward pass; its temporaries belong to this call's dispose scope.</param>
    internal static Tensor RunForInference(IGenerator generator, BatchNormMode mode, Func<Tensor> forward)
    {
        nn.Module<Tensor, Tensor> network = generator.Network;
        // modules() is pre-order: restoring in this order lets children override their parent's recursive train().
        var flags = network.modules().Select(m => (Module: m, Training: m.training)).ToList();
        using var scope = torch.NewDisposeScope();
        // Buffers (running mean/var, batch counts) change only in training mode; keep copies to put back.
        List<(Tensor Buffer, Tensor Saved)> saved = mode == BatchNormMode.BatchStatistics
            ? network.buffers().Select(b => (b, b.clone())).ToList()
            : [];
        try
        {
            network.train(mode == BatchNormMode.BatchStatistics);
            using (torch.no_grad())
            {
                Tensor images = forward();                                // [N, C, H, W]
                return images.MoveToOuterDisposeScope();
            }
        }
        finally
        {
            using (torch.no_grad())
            {
                foreach ((Tensor buffer, Tensor copy) in saved)
                {
                    buffer.copy_(copy);
                }
            }

            foreach ((nn.Module module, bool training) in flags)
            {
                module.train(training);
            }
        }
    }
}

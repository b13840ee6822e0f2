using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>Generation with an explicit batch-norm policy.</summary>
public static class GeneratorExtensions
{
    /// <summary>
    /// Runs the generator without gradients, with the batch-norm statistics <paramref name="mode"/> asks for, and
    /// restores the network's training flag afterwards. Returns [N, C, H, W] in [-1, 1]; the caller (or its
    /// dispose scope) owns it.
    /// </summary>
    /// <param name="generator">The generator.</param>
    /// <param name="latent">z, [N, LatentDimension], on the generator's device.</param>
    /// <param name="mode">Which batch-norm statistics to use.</param>
    public static Tensor GenerateImages(this IGenerator generator, Tensor latent, BatchNormMode mode = BatchNormMode.RunningStatistics)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(latent);
        bool wasTraining = generator.Network.training;
        using var noGrad = torch.no_grad();
        try
        {
            if (mode == BatchNormMode.RunningStatistics)
            {
                generator.Network.eval();
            }
            else
            {
                generator.Network.train();
            }

            return generator.Generate(latent);
        }
        finally
        {
            generator.Network.train(wasTraining);
        }
    }
}

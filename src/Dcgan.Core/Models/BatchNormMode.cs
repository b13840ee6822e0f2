// BatchNormMode: which batch-norm statistics generation uses (running statistics, or those of the batch).
namespace Dcgan.Models;

/// <summary>
/// Which statistics the batch-normalization layers use when a model runs outside training.
/// </summary>
public enum BatchNormMode
{
    /// <summary>
    /// Running (population) statistics accumulated during training: a latent vector always gives the same
    /// image, whatever else is in its batch. The default for generation.
    /// </summary>
    RunningStatistics,

    /// <summary>
    /// Statistics of the current batch, as during training (what the paper's and pytorch/examples' sample
    /// grids use). An image then depends on its batch-mates; use batches of the training size.
    /// </summary>
    BatchStatistics,
}

// ScalarSafeBatchNorm2d: BatchNorm2d whose training-mode counter update holds its Scalar.
// TorchSharp 0.107's BatchNorm.forward runs `num_batches_tracked.add_(1)` in training mode, converting 1 into a temporary
// Scalar that a garbage collection on another thread can free during the native call ("For integral input tensors,
// argument alpha must not be a floating point number", docs/native-memory.md). This module derives from the same
// TorchSharp base (NormBase: the same fields, so the same state-dict keys weight, bias, running_mean, running_var,
// num_batches_tracked) and runs the same functional batch_norm with the same arguments, so outputs, running statistics
// and checkpoints are bit for bit those of nn.BatchNorm2d.

using Dcgan.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>
/// Batch normalisation over the channels of <c>[N, C, H, W]</c> images, equal bit for bit to TorchSharp's
/// <c>nn.BatchNorm2d</c> (same state-dict keys, outputs and running statistics) and safe to train while other threads
/// trigger garbage collections. It is a <see cref="BatchNorm"/>, so code that looks for batch-norm layers finds it.
/// </summary>
public sealed class ScalarSafeBatchNorm2d : BatchNorm
{
    /// <summary>Creates the layer with ones as scale, zeros as shift, zero running mean and unit running variance.</summary>
    /// <param name="numFeatures">The number of channels C. Must be positive.</param>
    /// <param name="eps">Added to the variance for numerical stability. The default value is 1e-5 (PyTorch's).</param>
    /// <param name="momentum">The weight of the current batch in the running statistics. The default value is 0.1 (PyTorch's).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numFeatures"/> is not positive.</exception>
    public ScalarSafeBatchNorm2d(long numFeatures, double eps = 1e-5, double momentum = 0.1)
        : base(CheckedFeatures(numFeatures), eps, momentum, affine: true, track_running_stats: true, device: null, dtype: null, nameof(ScalarSafeBatchNorm2d))
    {
    }

    /// <summary>
    /// Normalises <paramref name="input"/> [N, C, H, W] -> [N, C, H, W]: with the batch's statistics in training mode
    /// (updating the running statistics and the batch counter), with the running statistics in eval mode.
    /// </summary>
    /// <param name="input">A 4-D tensor whose dimension 1 has <see cref="NormBase.num_features"/> channels.</param>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not 4-D.</exception>
    public override Tensor forward(Tensor input)
    {
        ValidateInputDimensions(input);
        if (training && num_batches_tracked is not null)
            num_batches_tracked.add_(Scalars.One, Scalars.One); // int64 counter += 1 (integer Scalars; add_(Scalar) alone would make a temporary alpha)
        // The same call as TorchSharp's BatchNorm.forward with track_running_stats (momentum is never null here).
        return nn.functional.batch_norm(input, running_mean, running_var, weight, bias, training, momentum!.Value, eps);
    }

    /// <summary>Throws unless <paramref name="input"/> is 4-D.</summary>
    /// <param name="input">The input to <see cref="forward"/>.</param>
    protected override void ValidateInputDimensions(Tensor input)
    {
        if (input.ndim != 4)
            throw new ArgumentException($"ScalarSafeBatchNorm2d expects 4-D input [N, C, H, W], but got {input.ndim}-D input of shape [{string.Join(", ", input.shape)}].", nameof(input));
    }

    private static long CheckedFeatures(long numFeatures) => numFeatures > 0
        ? numFeatures
        : throw new ArgumentOutOfRangeException(nameof(numFeatures), numFeatures, "A batch-norm layer needs at least one channel.");
}

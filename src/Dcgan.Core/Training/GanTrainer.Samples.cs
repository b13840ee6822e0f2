// What the trainer samples: the fixed latent vectors of the sample grids, the grids' images, and the exponential moving
// average of the generator's weights (GanTrainerOptions.GeneratorEmaDecay): updated after every finite step, saved in
// checkpoints, swapped in for sample grids and on request.
using Dcgan.Data;
using Dcgan.Models;
using static TorchSharp.torch;

namespace Dcgan.Training;

public sealed partial class GanTrainer
{
    private readonly GeneratorAverage? _average;

    /// <summary>
    /// A copy of the fixed latent vectors of the sample grids, [FixedSampleCount][LatentDimension] (managed: the tensor
    /// stays the trainer's).
    /// </summary>
    public float[][] FixedLatents
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return LatentTensors.FromTensor(_fixedNoise); // [S, Z] -> rows
        }
    }

    /// <summary>
    /// Generates images from <see cref="FixedLatents"/> (or its first <paramref name="count"/> rows) as managed values,
    /// with the generator's weight average when the trainer keeps one (<see cref="GanTrainerOptions.GeneratorEmaDecay"/>).
    /// </summary>
    /// <param name="mode">Batch-norm statistics to use; running statistics make each image independent of the others.</param>
    /// <param name="count">How many, 1 to <see cref="GanTrainerOptions.FixedSampleCount"/>; null means all fixed vectors.</param>
    public ImageBatch GenerateFixedSamples(BatchNormMode mode = BatchNormMode.RunningStatistics, int? count = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var scope = NewDisposeScope();
        int available = (int)_fixedNoise.shape[0];
        int n = count ?? available;
        if (n < 1 || n > available)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Expected 1 to {available} (FixedSampleCount) samples.");
        }

        Tensor z = _fixedNoise.narrow(0, 0, n).to(Device); // [n, Z]
        using IDisposable? average = _average?.Swap(Generator.Network);
        return ImageTensors.FromTensor(Generator.GenerateImages(z, mode));
    }

    /// <summary>Whether this trainer keeps an average of the generator's weights (<see cref="GanTrainerOptions.GeneratorEmaDecay"/> above 0).</summary>
    public bool HasGeneratorAverage => _average is not null;

    /// <summary>
    /// Puts the averaged weights into <see cref="Generator"/> until the returned object is disposed (then the trained
    /// weights return): to sample, render or save the average in process. Do not train inside the scope.
    /// </summary>
    /// <returns>The scope; the caller disposes it.</returns>
    /// <exception cref="InvalidOperationException">The trainer keeps no average.</exception>
    public IDisposable UseGeneratorAverage()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _average?.Swap(Generator.Network)
            ?? throw new InvalidOperationException("This trainer keeps no average of the generator's weights: set GanTrainerOptions.GeneratorEmaDecay above 0 (for example 0.999).");
    }
}

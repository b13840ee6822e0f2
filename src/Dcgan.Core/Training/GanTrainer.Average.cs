// The trainer's exponential moving average of the generator's weights (GanTrainerOptions.GeneratorEmaDecay): updated
// after every finite step, saved in checkpoints, swapped in for sample grids and on request.
namespace Dcgan.Training;

public sealed partial class GanTrainer
{
    private readonly GeneratorAverage? _average;

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

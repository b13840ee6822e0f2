using Dcgan.Data;
using Dcgan.Imaging;
using Dcgan.Models;

namespace Dcgan.Training.Callbacks;

/// <summary>
/// Writes a PNG grid generated from the trainer's fixed noise at the end of every epoch
/// (<c>samples-e0001.png</c>, ...) and, for watching progress, <c>samples-latest.png</c>.
/// </summary>
/// <param name="folder">Where the PNGs go (created if missing).</param>
/// <param name="mode">Batch-norm statistics used to generate; the default is running statistics.</param>
public sealed class SampleGridCallback(string folder, BatchNormMode mode = BatchNormMode.RunningStatistics) : GanCallback
{
    /// <summary>The file written last, or null.</summary>
    public string? LastWritten { get; private set; }

    /// <inheritdoc />
    public override void OnEpochEnd(GanEpochArguments arguments)
    {
        ImageBatch samples = arguments.Trainer.GenerateFixedSamples(mode);
        string path = Path.Combine(folder, $"samples-e{arguments.Epoch + 1:D4}.png");
        ImageGrid.SavePng(samples, path);
        ImageGrid.SavePng(samples, Path.Combine(folder, "samples-latest.png"));
        LastWritten = path;
    }
}

// RealSamplesCallback: writes real-samples.png, a grid of the run's first training batch as the networks see it.
using Dcgan.Data;
using Dcgan.Imaging;

namespace Dcgan.Training.Callbacks;

/// <summary>
/// Writes <c>real-samples.png</c> when training starts: a grid of the run's first batch (epoch 0, batch 0) exactly as
/// the discriminator receives it (shuffled, resized, scaled to [-1, 1] and mapped back to pixels), like
/// pytorch/examples' <c>real_samples.png</c>, so the data pipeline can be checked by eye. A resumed run writes the same
/// picture again (the batch is a pure function of the seed).
/// </summary>
/// <param name="folder">Where the PNG goes (created if missing).</param>
public sealed class RealSamplesCallback(string folder) : GanCallback
{
    /// <summary>The file name.</summary>
    public const string FileName = "real-samples.png";

    /// <summary>The PNG's full path.</summary>
    public string FilePath { get; } = Path.GetFullPath(Path.Combine(folder, FileName));

    /// <inheritdoc />
    public override void OnTrainStart(GanCallbackArguments arguments)
    {
        ImageBatch batch = arguments.Trainer.ReadTrainingBatch(0, 0);
        ImageGrid.SavePng(batch, FilePath);
    }
}

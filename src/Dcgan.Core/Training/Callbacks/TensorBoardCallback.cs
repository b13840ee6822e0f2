// TensorBoardCallback: TensorBoard event files through TorchSharp's SummaryWriter: losses, D(x), D(G(z)) and images/s
// every N steps, the fixed-noise sample grid every epoch.
using Dcgan.Data;
using Dcgan.Imaging;
using Dcgan.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Training.Callbacks;

/// <summary>
/// Writes a TensorBoard event file (<c>events.out.tfevents.*</c>) into a folder with TorchSharp's
/// <c>torch.utils.tensorboard.SummaryWriter</c>: the scalars <see cref="DiscriminatorLossTag"/>,
/// <see cref="GeneratorLossTag"/>, <see cref="RealScoreTag"/> (D(x)), <see cref="FakeScoreTag"/> (D(G(z))) and
/// <see cref="ImagesPerSecondTag"/> at every <c>everySteps</c>-th global step, and the grid of the trainer's fixed-noise
/// samples as the image <see cref="SamplesTag"/> at the end of every epoch (at the global step reached). Open the folder
/// with <c>tensorboard --logdir</c>.
/// </summary>
/// <remarks>
/// Every event carries the step and the wall time in seconds since the Unix epoch (whole seconds: SummaryWriter takes
/// an integer). Each event is appended to the file as it is written, so a stopped run leaves a readable file. A resumed
/// run writing to the same folder starts a new event file; TensorBoard merges the files of a folder.
/// </remarks>
public sealed class TensorBoardCallback : GanCallback
{
    /// <summary>Tag of the discriminator loss.</summary>
    public const string DiscriminatorLossTag = "loss/discriminator";

    /// <summary>Tag of the generator loss.</summary>
    public const string GeneratorLossTag = "loss/generator";

    /// <summary>Tag of D(x), the mean discriminator probability on real images.</summary>
    public const string RealScoreTag = "score/d_real";

    /// <summary>Tag of D(G(z)), the mean discriminator probability on generated images.</summary>
    public const string FakeScoreTag = "score/d_fake";

    /// <summary>Tag of the real images trained per second.</summary>
    public const string ImagesPerSecondTag = "speed/images_per_second";

    /// <summary>Tag of the fixed-noise sample grid.</summary>
    public const string SamplesTag = "samples/fixed_noise";

    private readonly SummaryWriter _writer;
    private readonly int _everySteps;
    private readonly TimeProvider _clock;

    /// <summary>Creates the callback and its event file.</summary>
    /// <param name="folder">The log folder (created if missing); one event file per callback instance.</param>
    /// <param name="everySteps">Write the scalars at every this many global steps (1 or more); the default is 1, every step.</param>
    /// <param name="clock">The wall clock of the events; the default (null) is <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="everySteps"/> is less than 1.</exception>
    public TensorBoardCallback(string folder, int everySteps = 1, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(everySteps, 1);
        Folder = Path.GetFullPath(folder);
        _everySteps = everySteps;
        _clock = clock ?? TimeProvider.System;
        _writer = torch.utils.tensorboard.SummaryWriter(Folder);
    }

    /// <summary>The log folder (full path).</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public override void OnBatchEnd(GanStepArguments arguments)
    {
        long step = arguments.Position.GlobalStep;
        if (step % _everySteps != 0)
        {
            return;
        }

        int at = StepOf(step);
        long now = _clock.GetUtcNow().ToUnixTimeSeconds();
        StepLosses l = arguments.Losses;
        _writer.add_scalar(DiscriminatorLossTag, (float)l.DiscriminatorLoss, at, now);
        _writer.add_scalar(GeneratorLossTag, (float)l.GeneratorLoss, at, now);
        _writer.add_scalar(RealScoreTag, (float)l.RealScore, at, now);
        _writer.add_scalar(FakeScoreTag, (float)l.FakeScore, at, now);
        _writer.add_scalar(ImagesPerSecondTag, (float)arguments.ImagesPerSecond, at, now);
    }

    /// <inheritdoc />
    public override void OnEpochEnd(GanEpochArguments arguments)
    {
        ImageBatch samples = arguments.Trainer.GenerateFixedSamples(BatchNormMode.RunningStatistics);
        // SummaryWriter's tensor overload scales the image with temporary Scalars (unsafe while another thread collects
        // garbage, docs/native-memory.md); its file overload decodes a PNG with no tensor at all, so the grid goes
        // through a temporary PNG file, deleted right after.
        string file = Path.Combine(Path.GetTempPath(), $"dcgan-tensorboard-{Guid.NewGuid():N}.png");
        try
        {
            File.WriteAllBytes(file, ImageGrid.EncodePng(samples, columns: null, padding: 2, RgbColor.Black));
            _writer.add_img(SamplesTag, file, StepOf(arguments.Position.GlobalStep), _clock.GetUtcNow().ToUnixTimeSeconds());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int StepOf(long step) => step <= int.MaxValue
        ? (int)step
        : throw new InvalidOperationException($"Global step {step} is beyond what TensorBoard's SummaryWriter records (int steps, at most {int.MaxValue}).");
}

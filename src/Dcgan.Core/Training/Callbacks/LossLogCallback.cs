using System.Globalization;

namespace Dcgan.Training.Callbacks;

/// <summary>
/// Appends one CSV line per step to <c>losses.csv</c>: epoch, batch, step, D loss, G loss, D(x), D(G(z)),
/// images/s. Every line is flushed as it is written (a step takes far longer); a resumed run appends to the same file.
/// </summary>
public sealed class LossLogCallback : GanCallback, IDisposable
{
    /// <summary>The CSV header line.</summary>
    public const string Header = "epoch,batch,step,loss_d,loss_g,d_real,d_fake,images_per_second";

    private readonly StreamWriter _writer;

    /// <summary>Opens (or creates) <c>losses.csv</c> in <paramref name="folder"/>.</summary>
    /// <param name="folder">The run folder (created if missing).</param>
    public LossLogCallback(string folder)
    {
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, "losses.csv");
        bool fresh = !File.Exists(FilePath) || new FileInfo(FilePath).Length == 0;
        _writer = new StreamWriter(new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        if (fresh)
        {
            _writer.WriteLine(Header);
        }
    }

    /// <summary>The CSV file's path.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public override void OnBatchEnd(GanStepArguments arguments)
    {
        StepLosses l = arguments.Losses;
        TrainingPosition p = arguments.Position;
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{p.Epoch},{p.BatchInEpoch - 1},{p.GlobalStep},{l.DiscriminatorLoss:G6},{l.GeneratorLoss:G6},{l.RealScore:G6},{l.FakeScore:G6},{arguments.ImagesPerSecond:F1}"));
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose() => _writer.Dispose();
}

// LossLogCallback: losses.csv, one row per step; when training (re)starts, rows after the starting step are dropped.
using System.Globalization;

namespace Dcgan.Training.Callbacks;

/// <summary>
/// Appends one CSV line per step to <c>losses.csv</c>: epoch, batch, step, D loss, G loss, D(x), D(G(z)),
/// images/s. Every line is flushed as it is written (a step takes far longer).
/// </summary>
/// <remarks>
/// A resumed run continues the same file. When training starts (<see cref="OnTrainStart"/>), every row from the first
/// one whose step is after the trainer's position on is removed, so a resume from a checkpoint older than the last
/// logged step (or a fresh run, at step 0, in an old run folder) never repeats steps: the file lists each step once, in
/// order. The shortened file replaces the old one atomically (written to <c>losses.csv.tmp</c>, then renamed).
/// </remarks>
public sealed class LossLogCallback : GanCallback, IDisposable
{
    /// <summary>The CSV header line.</summary>
    public const string Header = "epoch,batch,step,loss_d,loss_g,d_real,d_fake,images_per_second";

    private const int StepColumn = 2;

    private StreamWriter _writer;

    /// <summary>Opens (or creates) <c>losses.csv</c> in <paramref name="folder"/>.</summary>
    /// <param name="folder">The run folder (created if missing).</param>
    public LossLogCallback(string folder)
    {
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, "losses.csv");
        _writer = OpenForAppend(FilePath);
    }

    /// <summary>The CSV file's path.</summary>
    public string FilePath { get; }

    /// <summary>Drops the logged rows after the step training starts from (see the remarks).</summary>
    /// <param name="arguments">The trainer and its starting position.</param>
    public override void OnTrainStart(GanCallbackArguments arguments)
    {
        long start = arguments.Position.GlobalStep;
        _writer.Flush();
        string[] lines = File.ReadAllLines(FilePath);
        int keep = lines.Length < 2 ? -1 : Array.FindIndex(lines, 1, l => StepOf(l) > start);
        if (keep < 0)
        {
            return;
        }

        _writer.Dispose();
        string temporary = FilePath + ".tmp";
        File.WriteAllLines(temporary, lines[..keep]);
        File.Move(temporary, FilePath, overwrite: true);
        _writer = OpenForAppend(FilePath);
    }

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

    private static StreamWriter OpenForAppend(string path)
    {
        bool fresh = !File.Exists(path) || new FileInfo(path).Length == 0;
        var writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        if (fresh)
        {
            writer.WriteLine(Header);
        }

        return writer;
    }

    // The step column of a data row, or -1 when the line is not a row this class wrote (such lines are kept).
    private static long StepOf(string line)
    {
        string[] fields = line.Split(',');
        return fields.Length > StepColumn && long.TryParse(fields[StepColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out long step)
            ? step
            : -1;
    }
}

// PngFolderSampleSink: one PNG per image (sample-0000.png, ...). A batch is encoded on the thread pool while the next
// one is generated; at most one batch waits, so memory stays bounded. Older sample-*.png files are removed first.
using Dcgan.Data;
using Dcgan.Imaging;

namespace Dcgan.Cli;

internal sealed class PngFolderSampleSink : ISampleSink
{
    public const string FilePrefix = "sample-";

    private readonly string _folder;
    private readonly int _digits;
    private Task? _pending;

    public PngFolderSampleSink(string folder, int count)
    {
        _folder = folder;
        _digits = Math.Max(4, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        Directory.CreateDirectory(folder);
        foreach (string stale in Directory.EnumerateFiles(folder, FilePrefix + "*.png"))
        {
            File.Delete(stale);
        }
    }

    public static string FileName(int index, int digits) => $"{FilePrefix}{index.ToString($"D{digits}", System.Globalization.CultureInfo.InvariantCulture)}.png";

    public void Write(ImageBatch batch, int first)
    {
        _pending?.GetAwaiter().GetResult(); // rethrows an encoding failure of the previous batch
        _pending = Task.Run(() => Parallel.For(0, batch.Count, i =>
        {
            var one = new ImageBatch(1, batch.Shape, batch.Image(i).ToArray());
            File.WriteAllBytes(Path.Combine(_folder, FileName(first + i, _digits)), ImageGrid.EncodePng(one, columns: 1, padding: 0));
        }));
    }

    public void Complete()
    {
        _pending?.GetAwaiter().GetResult();
        _pending = null;
    }

    public void Dispose()
    {
        try
        {
            _pending?.Wait();
        }
        catch (AggregateException)
        {
            // reported by Complete when the run got that far
        }
    }
}

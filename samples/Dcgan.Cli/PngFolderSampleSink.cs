// PngFolderSampleSink: one PNG per image (sample-0000.png, ...), encoded with SkiaSharp (ImageGrid.EncodePng of a
// 1-image batch, no padding) and written when the batch arrives; older sample-*.png files are removed first.
// It encodes on the calling thread (on all cores with parallel: true); `dcgan sample` calls it through a
// BackgroundSampleSink with parallel: true, so the encoding runs while the next batch is generated.
using Dcgan.Data;
using Dcgan.Imaging;

namespace Dcgan.Cli;

internal sealed class PngFolderSampleSink : ISampleSink
{
    public const string FilePrefix = "sample-";

    private readonly string _folder;
    private readonly int _digits;
    private readonly bool _parallel;

    /// <param name="folder">Created if missing; its sample-*.png files are deleted.</param>
    /// <param name="count">Number of images the run writes (sets the digits of the file names, at least 4).</param>
    /// <param name="parallel">Encode the images of a batch with Parallel.For (all cores) instead of one by one.</param>
    public PngFolderSampleSink(string folder, int count, bool parallel = false)
    {
        _folder = folder;
        _digits = Math.Max(4, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        _parallel = parallel;
        Directory.CreateDirectory(folder);
        foreach (string stale in Directory.EnumerateFiles(folder, FilePrefix + "*.png"))
        {
            File.Delete(stale);
        }
    }

    public static string FileName(int index, int digits) => $"{FilePrefix}{index.ToString($"D{digits}", System.Globalization.CultureInfo.InvariantCulture)}.png";

    public void Write(ImageBatch batch, int first)
    {
        if (_parallel)
        {
            Parallel.For(0, batch.Count, i => WriteOne(batch, i, first));
        }
        else
        {
            for (int i = 0; i < batch.Count; i++)
            {
                WriteOne(batch, i, first);
            }
        }
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
    }

    private void WriteOne(ImageBatch batch, int i, int first)
    {
        var one = new ImageBatch(1, batch.Shape, batch.Image(i).ToArray());
        File.WriteAllBytes(Path.Combine(_folder, FileName(first + i, _digits)), ImageGrid.EncodePng(one, columns: 1, padding: 0));
    }
}

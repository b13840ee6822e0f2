// SamplePipelines: `dcgan sample`'s streaming loop (z drawn per batch as SampleLatents does, LatentImages.Render with
// one dispose scope per batch, then the sink) with the CLI's own sink classes (linked from samples/Dcgan.Cli), each
// output form written inline on the generating thread or through BackgroundSampleSink, into a temporary folder.
// "discard" is the loop with a sink that drops the batches: generation plus z, the baseline of the encoding cost.
using Dcgan.Cli;
using Dcgan.Data;
using Dcgan.Latent;
using Dcgan.Models;

namespace Dcgan.SamplingBench;

internal static class SamplePipelines
{
    public static readonly string[] Names =
    [
        "discard", "png inline 1 thread", "png inline Parallel.For", "png background 1 thread", "png background Parallel.For",
        "npz inline", "npz background", "npy inline", "npy background",
    ];

    /// <summary>Images per wall second and per CPU second for <paramref name="count"/> images of seed 1.</summary>
    public static (double Wall, double Cpu) Rates(DcganGenerator generator, string name, int count, int batchSize, string folder)
    {
        string npz = Path.Combine(folder, "o.npz"), npy = Path.Combine(folder, "o.npy"), pngs = Path.Combine(folder, "o");
        ImageShape shape = generator.ImageShape;
        Func<ISampleSink> create = name switch
        {
            "discard" => () => new DiscardSink(),
            "png inline 1 thread" => () => new PngFolderSampleSink(pngs, count),
            "png inline Parallel.For" => () => new PngFolderSampleSink(pngs, count, parallel: true),
            "png background 1 thread" => () => new BackgroundSampleSink(new PngFolderSampleSink(pngs, count)),
            "png background Parallel.For" => () => new BackgroundSampleSink(new PngFolderSampleSink(pngs, count, parallel: true)),
            "npz inline" => () => new NpzSampleSink(npz, count, shape),
            "npz background" => () => new BackgroundSampleSink(new NpzSampleSink(npz, count, shape)),
            "npy inline" => () => new NpySampleSink(npy, count, shape),
            "npy background" => () => new BackgroundSampleSink(new NpySampleSink(npy, count, shape)),
            _ => throw new ArgumentException(name),
        };
        ISampleSink sink = create(); // outside the timing: the PNG sink deletes the previous round's files here
        SampleLatents latents = SampleLatents.FromSeed(generator, 1, count);
        try
        {
            return Measure.Rates(count, () =>
            {
                for (int start = 0; start < count; start += batchSize) // as SampleCommand.Stream
                {
                    int n = Math.Min(batchSize, count - start);
                    sink.Write(generator.Render(latents.Rows(start, n), BatchNormMode.RunningStatistics, batchSize: n), start);
                }

                sink.Complete();
            });
        }
        finally
        {
            sink.Dispose();
        }
    }

    private sealed class DiscardSink : ISampleSink
    {
        public void Write(ImageBatch batch, int first)
        {
        }

        public void Complete()
        {
        }

        public void Dispose()
        {
        }
    }
}

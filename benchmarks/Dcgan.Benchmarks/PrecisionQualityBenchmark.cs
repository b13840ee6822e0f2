// `dcgan-bench bf16-quality`: trains the bare loop in float32 and in bfloat16 (networks cast, no autocast: TorchSharp
// 0.107 has none) for the same steps and seeds, then scores each generator's samples with the frozen evaluation
// classifier (Frechet distance of 5,000 samples against the 10k test images).
using System.Diagnostics;
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using TorchSharp;
using static Dcgan.Benchmarks.AlternatingRounds;
using static TorchSharp.torch;

namespace Dcgan.Benchmarks;

/// <summary>Runs the float32-vs-bfloat16 quality comparison and prints FD, seconds and images/s per run.</summary>
internal static class PrecisionQualityBenchmark
{
    /// <summary>The shipped evaluation classifier, copied next to the executable by the build.</summary>
    public static string ClassifierPath => Path.Combine(AppContext.BaseDirectory, "data", "evaluation", "fashion-classifier.bin");

    public static int Run(int steps, int samples, IReadOnlyList<long> seeds, string dataPath)
    {
        foreach (string line in MachineInfo.Describe())
        {
            Print(line);
        }

        Print($"load average before: {MachineInfo.LoadAverage()}");
        IdxImageDataSource data = IdxImageDataSource.Open(dataPath); // 28x28x1, the classifier's size
        DcganModelOptions architecture = DcganModelOptions.Paper(data.Shape.Height, data.Shape.Channels);
        EvaluationClassifier classifier = EvaluationClassifier.Load(ClassifierPath);
        var quality = new SampleQuality(classifier, data.ReadAll());
        Print($"data: {data.Description}; model: paper preset {data.Shape.Height}x{data.Shape.Width}x{data.Shape.Channels}, widths 64, batch {BenchmarkSettings.BatchSize}, Adam(2e-4, 0.5, 0.999), {steps} steps (bare loop); FD of {samples} samples vs the same 10k images");
        foreach (long seed in seeds)
        {
            foreach (BareLoopVariant variant in new[] { BareLoopVariant.None, BareLoopVariant.BFloat16 })
            {
                manual_seed(seed); // the bare loop draws z from the global generator
                var batches = new PreparedBatches(data, BenchmarkSettings.BatchSize, seed);
                using var loop = new BareLoop(batches, variant, architecture, seed);
                var clock = Stopwatch.StartNew();
                loop.Run(steps);
                clock.Stop();
                loop.Generator.to(ScalarType.Float32); // scored in float32 (a no-op for the float32 run)
                using var rng = new Generator(unchecked((ulong)seed));
                float[][] z = LatentNoise.SampleRows(samples, loop.Generator.LatentDimension, loop.Generator.LatentDistribution, rng);
                SampleQualityResult result = quality.Evaluate(loop.Generator.Render(z, BatchNormMode.RunningStatistics));
                string name = variant == BareLoopVariant.None ? "float32" : "bfloat16";
                Print($"seed {seed}, {name}: FD {result.FrechetDistance:F1}, {clock.Elapsed.TotalSeconds:F1} s, {steps * BenchmarkSettings.BatchSize / clock.Elapsed.TotalSeconds:F1} img/s, last losses D {loop.LastLosses.Discriminator:F4} G {loop.LastLosses.Generator:F4}, load {MachineInfo.LoadAverage()}");
            }
        }

        Print($"load average after: {MachineInfo.LoadAverage()}");
        return 0;
    }
}

// The soak benchmark: trains many steps with the library and reports resident memory and live tensors every N steps.
using System.Diagnostics;
using System.Globalization;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Training;
using TorchSharp;

namespace Dcgan.Benchmarks;

/// <summary>
/// `dcgan-bench soak`: <see cref="GanTrainer.Fit"/> for a step budget with the default `dcgan train` model (the paper
/// preset at 28x28, widths 64, batch 128), printing at every report point the step, the process's resident set (RSS), the managed heap
/// and the training thread's live tensor count, then the growth of each after warm-up (the first report point).
/// </summary>
internal static class SoakBenchmark
{
    public static int Run(int steps, int every, string dataPath)
    {
        foreach (string line in MachineInfo.Describe())
        {
            Console.WriteLine(line);
        }

        IImageDataSource data = ImageDataSources.Open(dataPath);
        Console.WriteLine($"data: {dataPath} ({data.Count} images of {data.Shape}); {steps} steps, a report every {every}");
        DcganModelOptions architecture = DcganModelOptions.Paper(28, 1);
        architecture.GeneratorWidth = 64;     // `dcgan train`'s widths, not the preset's own 128 (the paper's Figure 1)
        architecture.DiscriminatorWidth = 64;
        (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, BenchmarkSettings.Seed);
        var options = new GanTrainerOptions
        {
            Epochs = 1_000_000, // ended by the probe's stop request
            BatchSize = BenchmarkSettings.BatchSize,
            Seed = BenchmarkSettings.Seed,
            Device = "cpu",
        };
        var probe = new SoakProbe(steps, every);
        using (generator)
        using (discriminator)
        using (var trainer = new GanTrainer(generator, discriminator, data, new GanTrainerSetup { Options = options, Callbacks = [probe] }))
        {
            TrainingResult result = trainer.Fit();
            Console.WriteLine($"trained {result.StepsTrained} steps ({result.Outcome})");
        }

        probe.PrintGrowth();
        return 0;
    }

    /// <summary>Samples the figures every <c>every</c> steps on the training thread and stops after <c>steps</c>.</summary>
    private sealed class SoakProbe(int steps, int every) : GanCallback
    {
        private readonly List<(long Step, long Rss, long Managed, long LiveTensors)> _points = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _done;

        public override void OnBatchEnd(GanStepArguments arguments)
        {
            _done++;
            if (_done % every == 0)
            {
                using var process = Process.GetCurrentProcess();
                (long Step, long Rss, long Managed, long LiveTensors) point = (_done, process.WorkingSet64,
                    GC.GetTotalMemory(forceFullCollection: false), DisposeScopeManager.Statistics.ThreadTotalLiveCount);
                _points.Add(point);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"step {point.Step,6}: RSS {point.Rss / 1048576.0,8:F1} MB  managed heap {point.Managed / 1048576.0,7:F1} MB  live tensors {point.LiveTensors,5}  ({_clock.Elapsed.TotalSeconds:F0} s)"));
            }

            if (_done >= steps)
            {
                arguments.Trainer.RequestStop();
            }
        }

        public void PrintGrowth()
        {
            if (_points.Count < 2)
            {
                Console.WriteLine("fewer than two report points: no growth figure");
                return;
            }

            var first = _points[0];
            var last = _points[^1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"growth from step {first.Step} (after warm-up) to step {last.Step}: RSS {100.0 * (last.Rss - first.Rss) / first.Rss:+0.00;-0.00} %, " +
                $"managed heap {(last.Managed - first.Managed) / 1048576.0:+0.0;-0.0} MB, live tensors {last.LiveTensors - first.LiveTensors:+0;-0;0}; " +
                $"RSS range over all points {_points.Min(p => p.Rss) / 1048576.0:F1} to {_points.Max(p => p.Rss) / 1048576.0:F1} MB"));
        }
    }
}

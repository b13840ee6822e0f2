// The soak benchmark: trains many steps with the library and reports resident memory and live tensors every N steps.
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
}

// The GC soak (issue 19): trains a small network for many steps while a timer thread forces a garbage collection (with
// Scalar finalizers) every few milliseconds, reports resident memory and live tensors over time, and checks that the
// weights after the first K steps equal bitwise those of the same K steps without the collections.
using System.Globalization;
using Dcgan.Core.Tests.GarbageCollection;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Training;
using static TorchSharp.torch;

namespace Dcgan.Benchmarks;

/// <summary>
/// `dcgan-bench gc-soak`: the paper preset at 28x28 with widths 16 and batches of 32 (Adam), trained for a step budget
/// under <see cref="GcPressure"/> with a period, then compared with an unpressured run of its first K steps.
/// </summary>
internal static class GcSoakBenchmark
{
    private const int Width = 16;
    private const int BatchSize = 32;

    public static int Run(int steps, int every, int periodMilliseconds, int compareSteps, string dataPath)
    {
        foreach (string line in MachineInfo.Describe())
        {
            Console.WriteLine(line);
        }

        IImageDataSource data = ImageDataSources.Open(dataPath);
        compareSteps = Math.Min(compareSteps, steps);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data: {dataPath} ({data.Count} images of {data.Shape}); paper preset 28x28, widths {Width}, batch {BatchSize}, Adam, seed {BenchmarkSettings.Seed}"));
        Console.WriteLine($"plan: {compareSteps} steps without pressure, then {steps} steps with a forced collection every {periodMilliseconds} ms; a report every {every}");

        uint[]? reference = null;
        Train(data, compareSteps, every: compareSteps, compareSteps, captured => reference = captured);
        Console.WriteLine($"unpressured reference: {compareSteps} steps trained");

        uint[]? pressured = null;
        long collections;
        using (GcPressure pressure = GcPressure.Start(TimeSpan.FromMilliseconds(periodMilliseconds)))
        {
            SoakProbe probe = Train(data, steps, every, compareSteps, captured => pressured = captured, () => $"  collections {pressure.Collections}");
            collections = pressure.Collections;
            probe.PrintGrowth();
        }

        bool equal = reference is not null && pressured is not null && reference.AsSpan().SequenceEqual(pressured);
        Console.WriteLine($"forced collections during the pressured run: {collections}");
        Console.WriteLine($"weights after step {compareSteps} with and without pressure: {(equal ? "bitwise equal" : "DIFFERENT")} ({reference?.Length ?? 0} values)");
        Console.WriteLine($"load average after: {MachineInfo.LoadAverage()}");
        return equal ? 0 : 1;
    }

    // Trains `steps` steps from the benchmark seed with a SoakProbe (a report every `every` steps, with `extra`'s text)
    // and hands the weights after step `captureAt` to `capture`.
    private static SoakProbe Train(IImageDataSource data, int steps, int every, int captureAt, Action<uint[]> capture, Func<string>? extra = null)
    {
        DcganModelOptions architecture = DcganModelOptions.Paper(28, 1);
        (architecture.GeneratorWidth, architecture.DiscriminatorWidth) = (Width, Width);
        (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, BenchmarkSettings.Seed);
        var options = new GanTrainerOptions { Epochs = 1_000_000, BatchSize = BatchSize, Seed = BenchmarkSettings.Seed, Device = "cpu" };
        var probe = new SoakProbe(steps, every, extra, (_, done) =>
        {
            if (done == captureAt)
            {
                capture(Bits(generator, discriminator));
            }
        });
        using (generator)
        using (discriminator)
        using (var trainer = new GanTrainer(generator, discriminator, data, new GanTrainerSetup { Options = options, Callbacks = [probe] }))
        {
            TrainingResult result = trainer.Fit();
            Console.WriteLine($"trained {result.StepsTrained} steps ({result.Outcome})");
        }

        return probe;
    }

    // Every parameter and buffer of both networks, by name, as float bit patterns.
    private static uint[] Bits(DcganGenerator generator, DcganDiscriminator discriminator)
    {
        using var scope = NewDisposeScope();
        return [.. new nn.Module[] { generator, discriminator }
            .SelectMany(m => m.state_dict().OrderBy(kv => kv.Key, StringComparer.Ordinal))
            .SelectMany(kv => kv.Value.to_type(ScalarType.Float32).data<float>().ToArray())
            .Select(BitConverter.SingleToUInt32Bits)];
    }
}

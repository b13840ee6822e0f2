// `dcgan-bench ab`: the bare loop against a modified bare loop (one change at a time), alternating rounds in one
// process, so that each idea for a faster step is measured on its own before it goes into the library.
using Dcgan.Data;
using static Dcgan.Benchmarks.AlternatingRounds;

namespace Dcgan.Benchmarks;

/// <summary>Runs two <see cref="BareLoop"/> variants in alternating rounds and prints their median ratio.</summary>
internal static class AbBenchmark
{
    public static int Run(BenchmarkSettings settings, BareLoopVariant a, BareLoopVariant b)
    {
        foreach (string line in MachineInfo.Describe())
        {
            Print(line);
        }

        Print($"load average before: {MachineInfo.LoadAverage()}");
        IdxImageDataSource data = IdxImageDataSource.Open(settings.DataPath, imageSize: BenchmarkSettings.ImageSize);
        Print($"A/B: {BareLoopVariants.Describe(a)} vs {BareLoopVariants.Describe(b)}; {settings.WarmupSteps} warm-up steps each, {settings.Rounds} rounds x {settings.Steps} steps");
        var batchesA = new PreparedBatches(data, BenchmarkSettings.BatchSize, BenchmarkSettings.Seed);
        var batchesB = new PreparedBatches(data, BenchmarkSettings.BatchSize, BenchmarkSettings.Seed);
        using var loopA = new BareLoop(batchesA, a);
        using var loopB = new BareLoop(batchesB, b);
        (double rateA, double rateB) = AlternatingRounds.Run(loopA, loopB, settings);
        Print($"load average after: {MachineInfo.LoadAverage()}");
        Print($"last losses: {loopA.Name} D {loopA.LastLosses.Discriminator:F6} G {loopA.LastLosses.Generator:F6}; {loopB.Name} D {loopB.LastLosses.Discriminator:F6} G {loopB.LastLosses.Generator:F6}");
        Print($"median {loopA.Name}: {rateA:F1} img/s, {loopB.Name}: {rateB:F1} img/s, ratio B/A = {rateB / rateA:F3}");
        return 0;
    }
}

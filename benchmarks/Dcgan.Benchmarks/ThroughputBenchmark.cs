// The throughput comparison: warm up both loops, then rounds of K library steps and K bare steps, interleaved
// in one process with the order alternating, and report per-round and median images/s and their ratio.
using System.Globalization;
using Dcgan.Data;

namespace Dcgan.Benchmarks;

/// <summary>Runs the library-vs-bare throughput comparison and prints the results.</summary>
internal static class ThroughputBenchmark
{
    public static int Run(BenchmarkSettings settings)
    {
        foreach (string line in MachineInfo.Describe())
        {
            Print(line);
        }

        Print($"load average before: {MachineInfo.LoadAverage()}");
        IdxImageDataSource data = IdxImageDataSource.Open(settings.DataPath, imageSize: BenchmarkSettings.ImageSize);
        Print($"data: {data.Description}");
        Print($"model: pytorch/examples DCGAN {BenchmarkSettings.ImageSize}x{BenchmarkSettings.ImageSize}x1, ngf = ndf = 64, batch {BenchmarkSettings.BatchSize}, Adam(2e-4, 0.5, 0.999), BCE-with-logits");
        Print($"plan: {settings.WarmupSteps} warm-up steps each, then {settings.Rounds} rounds x {settings.Steps} steps per loop, order alternating");

        var batches = new PreparedBatches(data, BenchmarkSettings.BatchSize, BenchmarkSettings.Seed);
        using var library = new LibraryRun(data);
        using var bare = new BareLoop(batches);

        if (settings.WarmupSteps > 0)
        {
            TimeSpan warmLibrary = library.Run(settings.WarmupSteps);
            TimeSpan warmBare = bare.Run(settings.WarmupSteps);
            Print($"warm-up: library {Rate(settings.WarmupSteps, warmLibrary):F1} img/s, bare {Rate(settings.WarmupSteps, warmBare):F1} img/s (not counted)");
        }

        var libraryRates = new List<double>();
        var bareRates = new List<double>();
        for (int round = 1; round <= settings.Rounds; round++)
        {
            // Alternate which loop goes first so drift (thermal, caches, other load) hits both equally.
            ITimedLoop first = round % 2 == 1 ? library : bare;
            ITimedLoop second = ReferenceEquals(first, library) ? bare : library;
            double firstRate = Rate(settings.Steps, first.Run(settings.Steps));
            double secondRate = Rate(settings.Steps, second.Run(settings.Steps));
            double libraryRate = ReferenceEquals(first, library) ? firstRate : secondRate;
            double bareRate = ReferenceEquals(first, library) ? secondRate : firstRate;
            libraryRates.Add(libraryRate);
            bareRates.Add(bareRate);
            Print($"round {round,2} ({first.Name} first): library {libraryRate,7:F1} img/s   bare {bareRate,7:F1} img/s   ratio {libraryRate / bareRate:F3}   load {MachineInfo.LoadAverage()}");
        }

        double libraryMedian = Median(libraryRates);
        double bareMedian = Median(bareRates);
        Print($"load average after: {MachineInfo.LoadAverage()}");
        Print($"bare loop last losses: D {bare.LastLosses.Discriminator:F4}, G {bare.LastLosses.Generator:F4}");
        Print($"median library: {libraryMedian:F1} img/s ({BenchmarkSettings.BatchSize * 1000.0 / libraryMedian:F0} ms/step)");
        Print($"median bare:    {bareMedian:F1} img/s ({BenchmarkSettings.BatchSize * 1000.0 / bareMedian:F0} ms/step)");
        Print($"ratio library/bare = {libraryMedian / bareMedian:F2}");
        return 0;
    }

    private static double Rate(int steps, TimeSpan elapsed) =>
        steps * (double)BenchmarkSettings.BatchSize / elapsed.TotalSeconds;

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void Print(string line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

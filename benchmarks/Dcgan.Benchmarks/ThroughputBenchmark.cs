// The throughput comparison: warm up both loops, then rounds of K library steps and K bare steps, interleaved
// in one process with the order alternating; report per-round and median images/s, their ratio, and the
// arithmetic rate of each (GFLOP/s) next to the machine's float32 GEMM rate measured in the same run.
using Dcgan.Data;
using static Dcgan.Benchmarks.AlternatingRounds;

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
        StepFlops flops = StepFlops.For(BenchmarkSettings.Architecture());
        Print($"work per image: G forward {flops.GeneratorForward / 1e6:F2} M multiply-adds (first layer {flops.GeneratorFirstLayer / 1e6:F2}), D forward {flops.DiscriminatorForward / 1e6:F2} M (first layer {flops.DiscriminatorFirstLayer / 1e6:F2})");
        Print($"work per step (x{BenchmarkSettings.BatchSize} images, 1 multiply-add = 2 FLOP): library {LibraryGflop(flops):F2} GFLOP (3 F_G - G1 + 8 F_D - 2 D1), bare {BareGflop(flops):F2} GFLOP (+ F_D: D's weight gradients in the G step)");
        (double sgemmBefore, double sgemmBeforeMedian) = SgemmProbe.Measure();
        Print($"sgemm before: torch.mm {SgemmProbe.Size}x{SgemmProbe.Size} float32, best {sgemmBefore:F1} GFLOP/s, median {sgemmBeforeMedian:F1} of 5");
        Print($"plan: {settings.WarmupSteps} warm-up steps each, then {settings.Rounds} rounds x {settings.Steps} steps per loop, order alternating");

        var batches = new PreparedBatches(data, BenchmarkSettings.BatchSize, BenchmarkSettings.Seed);
        using var library = new LibraryRun(data);
        using var bare = new BareLoop(batches);
        (double libraryMedian, double bareMedian) = AlternatingRounds.Run(library, bare, settings);

        Print($"load average after: {MachineInfo.LoadAverage()}");
        (double sgemmAfter, double sgemmAfterMedian) = SgemmProbe.Measure();
        Print($"sgemm after: best {sgemmAfter:F1} GFLOP/s, median {sgemmAfterMedian:F1} of 5");
        double sgemm = Math.Max(sgemmBefore, sgemmAfter);
        Print($"bare loop last losses: D {bare.LastLosses.Discriminator:F4}, G {bare.LastLosses.Generator:F4}");
        double libraryRate = LibraryGflop(flops) * libraryMedian / BenchmarkSettings.BatchSize;
        double bareRate = BareGflop(flops) * bareMedian / BenchmarkSettings.BatchSize;
        Print($"median library: {libraryMedian:F1} img/s ({BenchmarkSettings.BatchSize * 1000.0 / libraryMedian:F0} ms/step), {libraryRate:F1} GFLOP/s = {100 * libraryRate / sgemm:F1}% of sgemm {sgemm:F1}");
        Print($"median bare:    {bareMedian:F1} img/s ({BenchmarkSettings.BatchSize * 1000.0 / bareMedian:F0} ms/step), {bareRate:F1} GFLOP/s = {100 * bareRate / sgemm:F1}% of sgemm {sgemm:F1}");
        Print($"ratio library/bare = {libraryMedian / bareMedian:F2}");
        return 0;
    }

    private static double LibraryGflop(StepFlops f) => 2 * f.LibraryMacsPerImage * BenchmarkSettings.BatchSize / 1e9;

    private static double BareGflop(StepFlops f) => 2 * f.BareMacsPerImage * BenchmarkSettings.BatchSize / 1e9;
}

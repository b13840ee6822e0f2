// Two training loops timed in one process: warm-up, then rounds of K steps of each with the order alternating,
// per-round images/s and their medians. Also per wall second, the images per CPU-second of this process (less
// sensitive to other processes taking the cores) and the median of the per-round ratios.
using System.Diagnostics;
using System.Globalization;

namespace Dcgan.Benchmarks;

/// <summary>Runs two <see cref="ITimedLoop"/>s in alternating rounds and prints each round.</summary>
internal static class AlternatingRounds
{
    /// <summary>Median images/s of <paramref name="a"/> and <paramref name="b"/>; every round is printed.</summary>
    public static (double A, double B) Run(ITimedLoop a, ITimedLoop b, BenchmarkSettings settings)
    {
        var cpuA = new List<double>();
        var cpuB = new List<double>();
        var ratios = new List<double>();
        var cpuRatios = new List<double>();
        (double rateA, double rateB) = Run(a, b, settings, cpuA, cpuB, ratios, cpuRatios);
        Print($"median of per-round ratios {a.Name}/{b.Name}: wall {Statistics.Median(ratios):F3}, CPU time {Statistics.Median(cpuRatios):F3}");
        Print($"median images per CPU-second: {a.Name} {Statistics.Median(cpuA):F1}, {b.Name} {Statistics.Median(cpuB):F1} (ratio of medians {Statistics.Median(cpuA) / Statistics.Median(cpuB):F3})");
        return (rateA, rateB);
    }

    private static (double A, double B) Run(ITimedLoop a, ITimedLoop b, BenchmarkSettings settings,
        List<double> cpuA, List<double> cpuB, List<double> ratios, List<double> cpuRatios)
    {
        if (settings.WarmupSteps > 0)
        {
            TimeSpan warmA = a.Run(settings.WarmupSteps);
            TimeSpan warmB = b.Run(settings.WarmupSteps);
            Print($"warm-up: {a.Name} {Rate(settings.WarmupSteps, warmA):F1} img/s, {b.Name} {Rate(settings.WarmupSteps, warmB):F1} img/s (not counted)");
        }

        var ratesA = new List<double>();
        var ratesB = new List<double>();
        for (int round = 1; round <= settings.Rounds; round++)
        {
            // Alternate which loop goes first so drift (thermal, caches, other load) hits both equally.
            ITimedLoop first = round % 2 == 1 ? a : b;
            ITimedLoop second = ReferenceEquals(first, a) ? b : a;
            (double firstRate, double firstCpu) = Timed(first, settings.Steps);
            (double secondRate, double secondCpu) = Timed(second, settings.Steps);
            bool aFirst = ReferenceEquals(first, a);
            double rateA = aFirst ? firstRate : secondRate;
            double rateB = aFirst ? secondRate : firstRate;
            ratesA.Add(rateA);
            ratesB.Add(rateB);
            cpuA.Add(aFirst ? firstCpu : secondCpu);
            cpuB.Add(aFirst ? secondCpu : firstCpu);
            ratios.Add(rateA / rateB);
            cpuRatios.Add(cpuA[^1] / cpuB[^1]);
            Print($"round {round,2} ({first.Name} first): {a.Name} {rateA,7:F1} img/s   {b.Name} {rateB,7:F1} img/s   ratio {rateA / rateB:F3}   per CPU-s {cpuA[^1]:F1} / {cpuB[^1]:F1}   load {MachineInfo.LoadAverage()}");
        }

        return (Statistics.Median(ratesA), Statistics.Median(ratesB));
    }

    // Images per wall second and per CPU-second of this process (all threads) for one run of `steps` steps.
    private static (double Wall, double Cpu) Timed(ITimedLoop loop, int steps)
    {
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        TimeSpan wall = loop.Run(steps);
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return (Rate(steps, wall), Rate(steps, cpu));
    }

    private static double Rate(int steps, TimeSpan elapsed) =>
        steps * (double)BenchmarkSettings.BatchSize / elapsed.TotalSeconds;

    public static void Print(string line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

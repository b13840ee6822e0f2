// Measure: timing helpers of the sampling bench (wall and process CPU time, medians, peak RSS from /proc).
using System.Diagnostics;

namespace Dcgan.SamplingBench;

internal static class Measure
{
    /// <summary>Runs <paramref name="action"/> and returns (count per wall second, count per CPU second of the process).</summary>
    public static (double Wall, double Cpu) Rates(int count, Action action)
    {
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        double wall = watch.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return (count / wall, count / cpuSeconds);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>A /proc/self/status field in MB (VmHWM: peak resident set; VmRSS: current).</summary>
    public static double StatusMegabytes(string field)
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    public static string Load() => File.ReadAllText("/proc/loadavg").Trim();

    public static string N0(double value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}

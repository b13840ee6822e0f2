// The machine facts printed with every result: cores, CPU, OS, .NET, TorchSharp and libtorch thread counts.
using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Dcgan.Benchmarks;

/// <summary>Describes the machine and the TorchSharp runtime the numbers were measured on.</summary>
internal static class MachineInfo
{
    public static IEnumerable<string> Describe()
    {
        yield return $"machine: {Environment.ProcessorCount} logical cores, {CpuModel()}";
        yield return $"os: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
        yield return $".NET: {RuntimeInformation.FrameworkDescription}";
        yield return $"TorchSharp: {TorchSharpVersion()}, libtorch {torch.__version__}, device cpu";
        yield return $"libtorch threads: torch.get_num_threads() = {torch.get_num_threads()}, interop = {torch.get_num_interop_threads()}";
    }

    /// <summary>The 1/5/15-minute load averages (Linux), to show whether other work shared the cores.</summary>
    public static string LoadAverage()
    {
        const string loadAvg = "/proc/loadavg";
        return File.Exists(loadAvg) ? string.Join(' ', File.ReadAllText(loadAvg).Split(' ').Take(3)) : "n/a";
    }

    private static string TorchSharpVersion()
    {
        Assembly assembly = typeof(torch).Assembly;
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return (informational ?? assembly.GetName().Version?.ToString() ?? "unknown").Split('+')[0];
    }

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        string? line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}

// Entry point: `dcgan-bench throughput [--rounds N] [--steps N] [--warmup N] [--data PATH]` or
// `dcgan-bench soak [--steps N] [--every N] [--data PATH]`.
using System.Globalization;
using Dcgan.Benchmarks;

return BenchmarkCommand.Run(args);

namespace Dcgan.Benchmarks
{
    /// <summary>Parses the command line and runs the chosen benchmark.</summary>
    internal static class BenchmarkCommand
    {
        private const string Usage =
            "usage: dcgan-bench throughput [--rounds N] [--steps N] [--warmup N] [--data PATH]\n" +
            "  --rounds  timed rounds, each running both loops (default 8)\n" +
            "  --steps   training steps per loop per round (default 20)\n" +
            "  --warmup  untimed steps of each loop first (default 3)\n" +
            "  --data    IDX image file (default: the shipped Fashion-MNIST test split)\n" +
            "usage: dcgan-bench soak [--steps N] [--every N] [--data PATH]\n" +
            "  --steps   training steps (default 5000)\n" +
            "  --every   steps between reports of RSS, managed heap and live tensors (default 500)";

        public static int Run(string[] args)
        {
            if (args.Length > 0 && args[0] == "soak")
            {
                return RunSoak(args);
            }

            if (args.Length == 0 || args[0] != "throughput")
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            var counts = new Dictionary<string, (int Minimum, int Value)>
            {
                ["--rounds"] = (1, BenchmarkSettings.DefaultRounds),
                ["--steps"] = (1, BenchmarkSettings.DefaultSteps),
                ["--warmup"] = (0, BenchmarkSettings.DefaultWarmupSteps),
            };
            return TryParse(args, counts, out string data)
                ? ThroughputBenchmark.Run(new BenchmarkSettings(counts["--rounds"].Value, counts["--steps"].Value, counts["--warmup"].Value, data))
                : 2;
        }

        private static int RunSoak(string[] args)
        {
            var counts = new Dictionary<string, (int Minimum, int Value)>
            {
                ["--steps"] = (1, 5000),
                ["--every"] = (1, 500),
            };
            return TryParse(args, counts, out string data) ? SoakBenchmark.Run(counts["--steps"].Value, counts["--every"].Value, data) : 2;
        }

        // Reads the options after the command word: "--name N" for each name in counts (N at least its minimum; the
        // entry's value is replaced) and "--data PATH"; anything else prints the usage and returns false.
        private static bool TryParse(string[] args, Dictionary<string, (int Minimum, int Value)> counts, out string data)
        {
            data = BenchmarkSettings.DefaultDataPath;
            for (int i = 1; i < args.Length; i++)
            {
                string? value = i + 1 < args.Length ? args[i + 1] : null;
                if (counts.TryGetValue(args[i], out var count) && TryCount(value, count.Minimum, out int parsed))
                {
                    counts[args[i]] = (count.Minimum, parsed);
                    i++;
                }
                else if (args[i] == "--data" && value is not null)
                {
                    data = value;
                    i++;
                }
                else
                {
                    Console.Error.WriteLine($"invalid argument '{args[i]}'{(value is null ? "" : $" '{value}'")}\n{Usage}");
                    return false;
                }
            }

            if (!File.Exists(data) && !Directory.Exists(data))
            {
                Console.Error.WriteLine($"--data: there is no file or folder at '{Path.GetFullPath(data)}'; expected an IDX image file or a data folder.");
                return false;
            }

            return true;
        }

        private static bool TryCount(string? text, int minimum, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= minimum;
    }
}

// Entry point: `dcgan-bench throughput [--rounds N] [--steps N] [--warmup N] [--data PATH]` or
// `dcgan-bench soak [--steps N] [--every N] [--data PATH]` or
// `dcgan-bench gc-soak [--steps N] [--every N] [--period-ms N] [--compare N] [--data PATH]` or
// `dcgan-bench ab --a VARIANT --b VARIANT [--rounds N] [--steps N] [--warmup N] [--data PATH]`.
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
            "  --every   steps between reports of RSS, managed heap and live tensors (default 500)\n" +
            "usage: dcgan-bench gc-soak [--steps N] [--every N] [--period-ms N] [--compare N] [--data PATH]\n" +
            "  trains a small paper-preset network (28x28, widths 16, batch 32) while a thread forces a garbage collection every\n" +
            "  --period-ms (default 10); reports as soak does and checks the weights after --compare steps (default 300)\n" +
            "  against an unpressured run (defaults: 5000 steps, a report every 500)\n" +
            "usage: dcgan-bench ab [--a VARIANT] [--b VARIANT] [--rounds N] [--steps N] [--warmup N] [--data PATH]\n" +
            "  --a, --b  bare-loop variants to compare, names joined by '+' (default none vs skip-d-weight-grads): {0}\n" +
            "usage: dcgan-bench bf16-quality [--steps N] [--samples N] [--seeds N] [--data PATH]\n" +
            "  trains float32 and bfloat16 bare loops (28x28 paper preset) with seeds 1..N and prints FD (default 300 steps, 5000 samples, 2 seeds)\n" +
            "usage: dcgan-bench overheads\n" +
            "  times per-step chores (zeroing gradients, label tensors, scalar reads) in isolation";

        public static int Run(string[] args)
        {
            if (args.Length > 0 && args[0] == "soak")
            {
                return RunSoak(args);
            }

            if (args.Length > 0 && args[0] == "gc-soak")
            {
                return RunGcSoak(args);
            }

            if (args.Length > 0 && args[0] == "bf16-quality")
            {
                return RunQuality(args);
            }

            if (args.Length == 1 && args[0] == "overheads")
            {
                return OverheadProbe.Run();
            }

            if (args.Length > 0 && args[0] == "ab")
            {
                return RunAb(args);
            }

            if (args.Length == 0 || args[0] != "throughput")
            {
                Console.Error.WriteLine(UsageText);
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

        private static string UsageText => string.Format(CultureInfo.InvariantCulture, Usage, BareLoopVariants.Accepted);

        private static int RunAb(string[] args)
        {
            var counts = new Dictionary<string, (int Minimum, int Value)>
            {
                ["--rounds"] = (1, 6),
                ["--steps"] = (1, 10),
                ["--warmup"] = (0, 2),
            };
            var names = new Dictionary<string, string> { ["--a"] = "none", ["--b"] = "skip-d-weight-grads" };
            if (!TryParse(args, counts, out string data, names))
            {
                return 2;
            }

            if (!BareLoopVariants.TryParse(names["--a"], out BareLoopVariant a) || !BareLoopVariants.TryParse(names["--b"], out BareLoopVariant b))
            {
                Console.Error.WriteLine($"--a/--b: unknown variant in '{names["--a"]}' or '{names["--b"]}'; expected names joined by '+' from: {BareLoopVariants.Accepted}.");
                return 2;
            }

            return AbBenchmark.Run(new BenchmarkSettings(counts["--rounds"].Value, counts["--steps"].Value, counts["--warmup"].Value, data), a, b);
        }

        private static int RunQuality(string[] args)
        {
            var counts = new Dictionary<string, (int Minimum, int Value)>
            {
                ["--steps"] = (1, 300),
                ["--samples"] = (100, 5000),
                ["--seeds"] = (1, 2),
            };
            return TryParse(args, counts, out string data)
                ? PrecisionQualityBenchmark.Run(counts["--steps"].Value, counts["--samples"].Value, [.. Enumerable.Range(1, counts["--seeds"].Value).Select(i => (long)i)], data)
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

        private static int RunGcSoak(string[] args)
        {
            var counts = new Dictionary<string, (int Minimum, int Value)>
            {
                ["--steps"] = (1, 5000),
                ["--every"] = (1, 500),
                ["--period-ms"] = (0, 10),
                ["--compare"] = (1, 300),
            };
            return TryParse(args, counts, out string data)
                ? GcSoakBenchmark.Run(counts["--steps"].Value, counts["--every"].Value, counts["--period-ms"].Value, counts["--compare"].Value, data)
                : 2;
        }

        // Reads the options after the command word: "--name N" for each name in counts (N at least its minimum; the
        // entry's value is replaced), "--name TEXT" for each name in texts, and "--data PATH"; anything else prints the usage and returns false.
        private static bool TryParse(string[] args, Dictionary<string, (int Minimum, int Value)> counts, out string data, Dictionary<string, string>? texts = null)
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
                else if (texts is not null && texts.ContainsKey(args[i]) && value is not null)
                {
                    texts[args[i]] = value;
                    i++;
                }
                else if (args[i] == "--data" && value is not null)
                {
                    data = value;
                    i++;
                }
                else
                {
                    Console.Error.WriteLine($"invalid argument '{args[i]}'{(value is null ? "" : $" '{value}'")}\n{UsageText}");
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

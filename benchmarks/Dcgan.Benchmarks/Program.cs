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

            int rounds = BenchmarkSettings.DefaultRounds;
            int steps = BenchmarkSettings.DefaultSteps;
            int warmup = BenchmarkSettings.DefaultWarmupSteps;
            string data = BenchmarkSettings.DefaultDataPath;
            for (int i = 1; i < args.Length; i++)
            {
                string? value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--rounds" when TryCount(value, 1, out rounds):
                    case "--steps" when TryCount(value, 1, out steps):
                    case "--warmup" when TryCount(value, 0, out warmup):
                        i++;
                        break;
                    case "--data" when value is not null:
                        data = value;
                        i++;
                        break;
                    default:
                        Console.Error.WriteLine($"invalid argument '{args[i]}'{(value is null ? "" : $" '{value}'")}\n{Usage}");
                        return 2;
                }
            }

            return ThroughputBenchmark.Run(new BenchmarkSettings(rounds, steps, warmup, data));
        }

        private static int RunSoak(string[] args)
        {
            int steps = 5000, every = 500;
            string data = BenchmarkSettings.DefaultDataPath;
            for (int i = 1; i < args.Length; i++)
            {
                string? value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--steps" when TryCount(value, 1, out steps):
                    case "--every" when TryCount(value, 1, out every):
                        i++;
                        break;
                    case "--data" when value is not null:
                        data = value;
                        i++;
                        break;
                    default:
                        Console.Error.WriteLine($"invalid argument '{args[i]}'{(value is null ? "" : $" '{value}'")}\n{Usage}");
                        return 2;
                }
            }

            return SoakBenchmark.Run(steps, every, data);
        }

        private static bool TryCount(string? text, int minimum, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= minimum;
    }
}

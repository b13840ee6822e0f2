// `dcgan-bench overheads`: the cost of the small per-step chores that a faster step could skip (zeroing gradients,
// making label tensors, reading scalars back), timed in isolation over many repetitions. On a shared machine a whole
// training step varies by far more than these costs, so they are measured alone and compared with the step time.
using System.Diagnostics;
using Dcgan.Models;
using Dcgan.Training;
using TorchSharp;
using static Dcgan.Benchmarks.AlternatingRounds;
using static TorchSharp.torch;

namespace Dcgan.Benchmarks;

/// <summary>Times per-step chores of the benchmark's model in microseconds (median of rounds of 50 repetitions).</summary>
internal static class OverheadProbe
{
    private const int Repetitions = 50;

    public static int Run()
    {
        foreach (string line in MachineInfo.Describe())
        {
            Print(line);
        }

        Print($"load average before: {MachineInfo.LoadAverage()}");
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(BenchmarkSettings.Architecture(), BenchmarkSettings.Seed);
        using (g)
        using (d)
        {
            using var optimizerG = new Dcgan.Training.Adam(g.parameters(), lr: BenchmarkSettings.LearningRate, beta1: BenchmarkSettings.Beta1, beta2: BenchmarkSettings.Beta2);
            using var optimizerD = new Dcgan.Training.Adam(d.parameters(), lr: BenchmarkSettings.LearningRate, beta1: BenchmarkSettings.Beta1, beta2: BenchmarkSettings.Beta2);
            long parameters = g.parameters().Concat(d.parameters()).Sum(p => p.numel());
            Print($"parameters of G and D: {parameters:N0}");
            int b = BenchmarkSettings.BatchSize;
            Tensor logits = randn(b).DetachFromDisposeScope(); // [B]
            var chores = new (string Name, Action Body)[]
            {
                ("zero_grad of both optimizers (grads exist, zeroed in place)", () =>
                {
                    FillGradients(g, d);
                    var clock = Stopwatch.StartNew();
                    optimizerG.zero_grad();
                    optimizerD.zero_grad();
                    Elapsed = clock.Elapsed;
                }),
                ("zero_grad(set_to_none) of both networks", () =>
                {
                    FillGradients(g, d);
                    var clock = Stopwatch.StartNew();
                    g.zero_grad(set_to_none: true);
                    d.zero_grad(set_to_none: true);
                    Elapsed = clock.Elapsed;
                }),
                ("ones(B) + zeros(B) + ones_like x2 + zeros_like (the step's labels)", () =>
                {
                    var clock = Stopwatch.StartNew();
                    using (NewDisposeScope())
                    {
                        _ = torch.ones(b);
                        _ = torch.zeros(b);
                        _ = ones_like(logits);
                        _ = ones_like(logits);
                        _ = zeros_like(logits);
                    }

                    Elapsed = clock.Elapsed;
                }),
                ("four scalar reads (sigmoid().mean().item() x2, item() x2)", () =>
                {
                    var clock = Stopwatch.StartNew();
                    using (NewDisposeScope())
                    {
                        _ = logits.sigmoid().mean().item<float>();
                        _ = logits.sigmoid().mean().item<float>();
                        _ = logits.mean().item<float>();
                        _ = logits.mean().item<float>();
                    }

                    Elapsed = clock.Elapsed;
                }),
            };
            foreach ((string name, Action body) in chores)
            {
                var rounds = new List<double>();
                for (int round = 0; round < 5; round++)
                {
                    double total = 0;
                    for (int i = 0; i < Repetitions; i++)
                    {
                        body();
                        total += Elapsed.TotalMicroseconds;
                    }

                    rounds.Add(total / Repetitions);
                }

                Print($"{name}: {Statistics.Median(rounds):F1} us per step (median of 5 rounds of {Repetitions}; rounds {string.Join(", ", rounds.Select(r => r.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))})");
            }

            logits.Dispose();
        }

        Print($"load average after: {MachineInfo.LoadAverage()}");
        return 0;
    }

    // The timed part of the last chore.
    private static TimeSpan Elapsed { get; set; }

    // Gives every parameter a gradient of ones, as a backward pass would (untimed).
    private static void FillGradients(nn.Module g, nn.Module d)
    {
        using var scope = NewDisposeScope();
        stack(g.parameters().Concat(d.parameters()).Select(p => p.sum()).ToArray()).sum().backward(); // every grad += 1
    }
}

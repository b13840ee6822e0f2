// The machine's matrix-multiply ceiling, measured in the same run as the training loops: libtorch's float32 GEMM.
using System.Diagnostics;
using static TorchSharp.torch;

namespace Dcgan.Benchmarks;

/// <summary>Times <c>torch.mm</c> of two n x n float32 matrices (2 n^3 FLOP each) on the CPU.</summary>
internal static class SgemmProbe
{
    /// <summary>The matrix side: 4096 is large enough for libtorch's GEMM to reach its plateau on a few cores.</summary>
    public const int Size = 4096;

    /// <summary>GFLOP/s of <paramref name="repetitions"/> timed products after one untimed one: (best, median).</summary>
    public static (double Best, double Median) Measure(int repetitions = 5)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var generator = new Generator(7);
        Tensor a = randn([Size, Size], generator: generator); // [n, n]
        Tensor b = randn([Size, Size], generator: generator); // [n, n]
        a.mm(b).Dispose();                                     // warm-up (allocations, thread pool)
        double flops = 2.0 * Size * Size * Size;
        var rates = new List<double>();
        for (int i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            a.mm(b).Dispose();                                 // [n, n]
            clock.Stop();
            rates.Add(flops / clock.Elapsed.TotalSeconds / 1e9);
        }

        return (rates.Max(), Statistics.Median(rates));
    }
}

// GeneratorFlops: multiply-adds per generated image, counted from the layer shapes of a DcganArchitecture.
// Projection: Z * b*b*w0 (dense and 1x1 transposed convolution alike). A stride-2 transposed convolution from an r x r
// map: r*r * Cin * Cout * K*K (each input pixel scatters a K x K x Cout patch; libtorch's GEMM + col2im does exactly
// this many multiply-adds). Batch norm, ReLU and Tanh (a few operations per output element) are not counted.
using Dcgan.Models;

namespace Dcgan.SamplingBench;

internal static class GeneratorFlops
{
    /// <summary>The multiply-adds of each layer, input side first, with a short description.</summary>
    public static IReadOnlyList<(string Layer, long MultiplyAdds)> Layers(DcganArchitecture a, DcganModelOptions o)
    {
        IReadOnlyList<int> w = a.GeneratorWidths;
        long bh = a.BaseHeight, bw = a.BaseWidth, k2 = (long)o.KernelSize * o.KernelSize;
        var layers = new List<(string, long)> { ($"project z {o.LatentDimension} -> {w[0]}x{bh}x{bw}", o.LatentDimension * bh * bw * w[0]) };
        for (int i = 1; i <= a.Doublings; i++)
        {
            long rh = bh << (i - 1), rw = bw << (i - 1);
            long cin = w[i - 1], cout = i < a.Doublings ? w[i] : o.Channels;
            layers.Add(($"convT {cin}x{rh}x{rw} -> {cout}x{2 * rh}x{2 * rw}, {o.KernelSize}x{o.KernelSize}", rh * rw * cin * cout * k2));
        }

        return layers;
    }

    /// <summary>Floating-point operations per image: 2 per multiply-add.</summary>
    public static long PerImage(DcganArchitecture a, DcganModelOptions o) => 2 * Layers(a, o).Sum(l => l.MultiplyAdds);
}

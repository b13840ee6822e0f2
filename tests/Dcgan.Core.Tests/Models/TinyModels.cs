using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Models;

/// <summary>Small option sets and helpers shared by the model tests (tiny widths keep them fast on CPU).</summary>
internal static class TinyModels
{
    public static DcganModelOptions Options(bool paper, int size, int channels = 3, int width = 4, int latent = 8)
    {
        DcganModelOptions o = paper ? DcganModelOptions.Paper(size, channels) : DcganModelOptions.PyTorchExample(size, channels);
        o.GeneratorWidth = width;
        o.DiscriminatorWidth = width;
        o.LatentDimension = latent;
        return o;
    }

    /// <summary>The children of the module's <c>main</c> Sequential, in order.</summary>
    public static IReadOnlyList<nn.Module> MainLayers(nn.Module module)
    {
        nn.Module main = module.named_children().Single(c => c.name == "main").module;
        return main.children().ToList();
    }

    public static Tensor Latent(int n, int dim, long seed)
    {
        using var g = new torch.Generator(seed: (ulong)seed, device: torch.CPU);
        return torch.randn(n, dim, generator: g);
    }

    /// <summary>Same shape, dtype and every element bit-equal (TorchSharp's <c>equal</c> is element-wise).</summary>
    public static bool BitEqual(Tensor a, Tensor b)
    {
        if (!a.shape.SequenceEqual(b.shape) || a.dtype != b.dtype)
        {
            return false;
        }

        using var scope = torch.NewDisposeScope();
        return a.eq(b).all().item<bool>();
    }
}

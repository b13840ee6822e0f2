using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Forgetting;

/// <summary>The tiny 28x28 generator of the forgetting tests: block0 = 8 maps of 7x7, block1 = 4 maps of 14x14.</summary>
internal static class ForgettingFixtures
{
    public static DcganModelOptions Tiny(bool paper = true)
    {
        DcganModelOptions o = paper ? DcganModelOptions.Paper(28, 1) : DcganModelOptions.PyTorchExample(28, 1);
        o.LatentDimension = 8;
        o.GeneratorWidth = 4;
        o.DiscriminatorWidth = 4;
        return o;
    }

    public static DcganGenerator Generator(long seed = 3, bool paper = true)
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(Tiny(paper), seed);
        d.Dispose();
        return g;
    }

    public static Tensor Latent(int n, long seed)
    {
        using var g = new torch.Generator(seed: (ulong)seed, device: torch.CPU);
        return torch.randn(n, 8, generator: g);
    }

    /// <summary>A deep copy of the state dict (key, clone).</summary>
    public static Dictionary<string, Tensor> Snapshot(nn.Module module) =>
        module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
}

// PyTorchKeyLayout: the state-dict keys and shapes of Dcgan's networks, written out from the architecture alone (not
// read from a module), so that the file format is stated in one place and a change to the networks cannot slip by.
//
// Everything is one nn.Sequential named `main`, layers numbered from 0 as PyTorch numbers them; only layers with
// state have keys. h x w = bh * 2^k x bw * 2^k (bases in 4..7; b x b for square images), g_i = ngf * 2^(k-1-i), d_i = ndf * 2^i, K the kernel (4 or 5), C channels.
// A batch norm at index j has main.j.weight, .bias, .running_mean, .running_var [n] (float32) and
// .num_batches_tracked [] (int64).
//   Generator, TransposedConvolution projection (PyTorchExample):  main.0 ConvTranspose2d weight [nz, g0, b, b]
//   Generator, Dense projection (Paper):  main.0 Linear weight [b*b*g0, nz], main.1 Unflatten(1, (g0, b, b))
//   then BatchNorm2d(g0), ReLU; for i = 1..k-1: ConvTranspose2d weight [g(i-1), g(i), K, K], BatchNorm2d(g(i)), ReLU;
//   then ConvTranspose2d weight [g(k-1), C, K, K] [+ BatchNorm2d(C) if BatchNormOnGeneratorOutput], Tanh.
//   Discriminator: for i = 0..k-1: Conv2d weight [d(i), C or d(i-1), K, K] [+ BatchNorm2d(d(i)) unless i = 0 without
//   BatchNormOnDiscriminatorInput], LeakyReLU(0.2); then (PyTorchExample) Conv2d weight [1, d(k-1), b, b] or
//   (Paper) Flatten, Linear weight [1, b*b*d(k-1)]. pytorch/examples' final Sigmoid has no state.
// At 64x64 with the PyTorchExample preset this is pytorch/examples' dcgan netG (25 keys) and netD (20 keys).
using Dcgan.Models;

namespace Dcgan.Interop;

/// <summary>
/// The state-dict layout (keys, shapes, element types) of <see cref="DcganGenerator"/> and
/// <see cref="DcganDiscriminator"/> for an architecture: the format of the <c>netG.pth</c>/<c>netD.pth</c> files that
/// <see cref="PyTorchStateDict"/> reads and writes. With <see cref="DcganModelOptions.PyTorchExample"/> at 64x64 it is
/// exactly pytorch/examples' dcgan; other sizes keep the same pattern with a b x b first (generator) and last
/// (discriminator) kernel. See the README section "Interop with PyTorch" for the PyTorch classes of each layout.
/// </summary>
public static class PyTorchKeyLayout
{
    private const string Float = "float32";

    /// <summary>The generator's state-dict entries for <paramref name="architecture"/>, in layer order.</summary>
    /// <param name="architecture">The model options; validated.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid.</exception>
    public static IReadOnlyList<StateDictEntry> Generator(DcganModelOptions architecture)
    {
        DcganArchitecture a = DcganArchitecture.For(architecture);
        DcganModelOptions o = architecture;
        IReadOnlyList<int> g = a.GeneratorWidths;
        int bh = a.BaseHeight, bw = a.BaseWidth, k = a.Doublings, kernel = o.KernelSize;
        var entries = new List<StateDictEntry>();
        int index;
        if (o.Projection == LatentProjection.TransposedConvolution)
        {
            entries.Add(Weight(0, o.LatentDimension, g[0], bh, bw));               // ConvTranspose2d(nz -> g0, bh x bw)
            index = 1;
        }
        else
        {
            entries.Add(Weight(0, (long)bh * bw * g[0], o.LatentDimension));     // Linear(nz -> bh*bw*g0); main.1 Unflatten
            index = 2;
        }

        index = AddBatchNorm(entries, index, g[0]) + 1;                           // BatchNorm2d(g0), ReLU
        for (int i = 1; i < k; i++)
        {
            entries.Add(Weight(index++, g[i - 1], g[i], kernel, kernel));         // ConvTranspose2d(g(i-1) -> g(i))
            index = AddBatchNorm(entries, index, g[i]) + 1;                       // BatchNorm2d(g(i)), ReLU
        }

        entries.Add(Weight(index++, g[k - 1], o.Channels, kernel, kernel));       // ConvTranspose2d(g(k-1) -> C)
        if (o.BatchNormOnGeneratorOutput)
        {
            AddBatchNorm(entries, index, o.Channels);
        }

        return entries.AsReadOnly();                                              // (Tanh has no state)
    }

    /// <summary>The discriminator's state-dict entries for <paramref name="architecture"/>, in layer order.</summary>
    /// <param name="architecture">The model options; validated.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid.</exception>
    public static IReadOnlyList<StateDictEntry> Discriminator(DcganModelOptions architecture)
    {
        DcganArchitecture a = DcganArchitecture.For(architecture);
        DcganModelOptions o = architecture;
        IReadOnlyList<int> d = a.DiscriminatorWidths;
        int bh = a.BaseHeight, bw = a.BaseWidth, k = a.Doublings, kernel = o.KernelSize;
        var entries = new List<StateDictEntry>();
        int index = 0;
        for (int i = 0; i < k; i++)
        {
            entries.Add(Weight(index++, d[i], i == 0 ? o.Channels : d[i - 1], kernel, kernel)); // Conv2d
            if (i > 0 || o.BatchNormOnDiscriminatorInput)
            {
                index = AddBatchNorm(entries, index, d[i]);                       // BatchNorm2d(d(i))
            }

            index++;                                                              // LeakyReLU(0.2)
        }

        if (o.Projection == LatentProjection.TransposedConvolution)
        {
            entries.Add(Weight(index, 1, d[k - 1], bh, bw));                       // Conv2d(d(k-1) -> 1, bh x bw)
        }
        else
        {
            entries.Add(Weight(index + 1, 1, (long)bh * bw * d[k - 1]));           // Flatten, Linear(bh*bw*d(k-1) -> 1)
        }

        return entries.AsReadOnly();
    }

    private static StateDictEntry Weight(int index, params long[] shape) => new($"main.{index}.weight", shape, Float);

    // Adds the five entries of a BatchNorm2d(n) at main.<index> and returns the index of the next layer.
    private static int AddBatchNorm(List<StateDictEntry> entries, int index, int n)
    {
        string prefix = $"main.{index}.";
        entries.Add(new(prefix + "weight", [n], Float));
        entries.Add(new(prefix + "bias", [n], Float));
        entries.Add(new(prefix + "running_mean", [n], Float));
        entries.Add(new(prefix + "running_var", [n], Float));
        entries.Add(new(prefix + "num_batches_tracked", [], "int64"));
        return index + 1;
    }
}

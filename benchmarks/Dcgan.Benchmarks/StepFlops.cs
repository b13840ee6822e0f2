// The exact multiply-add count of one DCGAN training step (convolutions, transposed convolutions, linear layers),
// for the library's step and for the bare pytorch/examples-style step, so that a measured step rate becomes GFLOP/s.
using Dcgan.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Benchmarks;

/// <summary>
/// Multiply-adds (MACs; 1 MAC = 2 FLOP) per image of the layers that carry the step's arithmetic. Counted from the
/// layers themselves (weights and the feature-map sizes of a probe forward pass), not from a formula of the options.
/// </summary>
/// <remarks>
/// <para>Per image and per layer, forward: a Conv2d costs (output pixels) x (weight elements) (each output value is a
/// dot product of length Cin/g x kh x kw per output channel); a ConvTranspose2d costs (input pixels) x (weight elements)
/// (every input pixel scatters a kh x kw x Cout patch, the GEMM + col2im the kernels run, including the patches that the
/// padding later crops); a Linear costs its weight elements. Batch norm, activations, the loss and Adam are elementwise
/// (O(elements), not O(elements x fan-in)) and are left out.</para>
/// <para>Backward of a layer: the weight gradient costs one forward (same GEMM shapes), the input gradient costs one
/// forward; libtorch computes each only when needed. With F_G and F_D the forward MACs of G and D and G1, D1 those of
/// their first layers (whose inputs, z and the images, need no gradient):</para>
/// <code>
///   G forward (fake = G(z))                                   F_G
///   D step: D(real), D(fake.detach())                         2 F_D
///           weight grads of both passes                       2 F_D
///           input grads of both passes (not D's first layer)  2 (F_D - D1)
///   G step: D(fake) with the updated D                        F_D
///           D input grads (all layers: they reach fake)       F_D
///           D weight grads: bare loop only (library skips)    F_D  (bare) / 0 (library)
///           G weight grads                                    F_G
///           G input grads (not G's first layer)               F_G - G1
///   library = 3 F_G - G1 + 8 F_D - 2 D1,  bare = library + F_D
/// </code>
/// </remarks>
internal sealed record StepFlops(double GeneratorForward, double GeneratorFirstLayer, double DiscriminatorForward, double DiscriminatorFirstLayer)
{
    /// <summary>MACs per image of the library's step (D's weight gradients skipped in the G step).</summary>
    public double LibraryMacsPerImage => (3 * GeneratorForward) - GeneratorFirstLayer + (8 * DiscriminatorForward) - (2 * DiscriminatorFirstLayer);

    /// <summary>MACs per image of the bare loop's step (D's weight gradients computed in the G step too).</summary>
    public double BareMacsPerImage => LibraryMacsPerImage + DiscriminatorForward;

    /// <summary>Counts the layers of the networks <paramref name="architecture"/> builds.</summary>
    public static StepFlops For(DcganModelOptions architecture)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, seed: 0);
        using (generator)
        using (discriminator)
        {
            generator.eval(); // the probe networks are thrown away; eval mode lets a batch of 2 pass every batch norm
            discriminator.eval();
            Tensor z = zeros(2, architecture.LatentDimension);                           // [2, Z]
            (double g, double g1, Tensor images) = Count(generator, z);                 // images [2, C, s, s]
            (double d, double d1, _) = Count(discriminator, images);
            return new StepFlops(g, g1, d, d1);
        }
    }

    // Runs x through the network's `main` Sequential layer by layer; returns the MACs per image of all layers and of
    // the first counted layer, and the output.
    private static (double Total, double First, Tensor Output) Count(nn.Module network, Tensor x)
    {
        var main = (Sequential)network.named_children().Single(c => c.name == "main").module;
        double total = 0;
        double? first = null;
        foreach (nn.Module layer in main.children())
        {
            if (layer is ConvTranspose2d && x.dim() == 2)
            {
                x = x.reshape(x.shape[0], x.shape[1], 1, 1); // pytorch/examples' z view [N, Z, 1, 1]
            }

            Tensor input = x;
            x = ((nn.Module<Tensor, Tensor>)layer).call(x);
            double macs = layer switch
            {
                ConvTranspose2d t => Pixels(input) * t.weight!.numel(), // input pixels x [Cin, Cout/g, kh, kw]
                Conv2d c => Pixels(x) * c.weight!.numel(),              // output pixels x [Cout, Cin/g, kh, kw]
                Linear l => l.weight!.numel(),                          // [out, in]
                _ => 0,
            };
            if (macs > 0)
            {
                first ??= macs;
                total += macs;
            }
        }

        return (total, first ?? 0, x);
    }

    private static double Pixels(Tensor maps) => maps.shape[2] * maps.shape[3]; // H x W of [N, C, H, W]
}

// GeneratorAlone: images/s of a generator's forward pass with z drawn once as a tensor, each pass followed by the copy
// of the output into a managed float[] (what LatentImages.Render does), one dispose scope per batch. The variants
// change how the same forward runs: autograd off by no_grad (the library's way) or inference_mode, one libtorch thread
// instead of all, or channels-last activations before every transposed convolution (TorchSharp 0.107 has the
// memory_format enum but no method that takes it, so the strides are made by permute + contiguous + permute).
using Dcgan.Generation;
using Dcgan.Models;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.SamplingBench;

internal enum ForwardVariant
{
    NoGrad,
    InferenceMode,
    OneThread,
    ChannelsLast,
}

internal static class GeneratorAlone
{
    /// <summary>(images per wall second, images per CPU second of the process) over at least <paramref name="images"/> images.</summary>
    public static (double Wall, double Cpu) Rates(DcganGenerator generator, int batch, int images, ForwardVariant variant)
    {
        using var z = LatentZ(generator, batch);                              // [batch, Z]
        var buffer = new float[batch * generator.ImageShape.ElementCount];
        int threads = torch.get_num_threads();
        if (variant == ForwardVariant.OneThread)
        {
            torch.set_num_threads(1);
        }

        try
        {
            int passes = Math.Max(1, (images + batch - 1) / batch);
            return Measure.Rates(passes * batch, () =>
            {
                for (int pass = 0; pass < passes; pass++)
                {
                    using var scope = NewDisposeScope();
                    Forward(generator, z, variant).data<float>().CopyTo(buffer, 0);
                }
            });
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    /// <summary>The variant's output for one batch of z, as managed floats (for comparing outputs).</summary>
    public static float[] Output(DcganGenerator generator, int batch, ForwardVariant variant)
    {
        using var z = LatentZ(generator, batch);
        using var scope = NewDisposeScope();
        return Forward(generator, z, variant).data<float>().ToArray();
    }

    // The generator is in eval mode; the result is contiguous [N, C, H, W] in the caller's scope.
    private static Tensor Forward(DcganGenerator generator, Tensor z, ForwardVariant variant)
    {
        using IDisposable gradMode = variant == ForwardVariant.InferenceMode ? inference_mode(true) : no_grad();
        if (variant != ForwardVariant.ChannelsLast)
        {
            return generator.forward(z);                                      // [N, C, H, W]
        }

        var main = (Sequential)generator.children().Single();
        Tensor x = z;                                                         // [N, Z]
        foreach (nn.Module layer in main.children())
        {
            if (layer is ConvTranspose2d)
            {
                x = x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);  // [N, C, h, w] with NHWC strides
            }

            x = ((nn.Module<Tensor, Tensor>)layer).call(x);
        }

        return x.contiguous();                                                // [N, C, H, W]
    }

    // Same z for every variant: uniform in [-1, 1] from a fixed CPU generator.
    private static Tensor LatentZ(DcganGenerator generator, int batch)
    {
        using var random = new torch.Generator(7, CPU);
        return Models.LatentNoise.Sample(batch, generator.LatentDimension, generator.LatentDistribution, random);
    }
}

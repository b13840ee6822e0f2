// TinyNetworks: small generators of every preset for the backend comparisons, with batch-norm parameters and running
// statistics set to values far from their initial ones (so an export that ignored them would be caught).
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Onnx.Tests;

internal static class TinyNetworks
{
    /// <summary>The preset's options at a tiny width (4) and latent dimension (8).</summary>
    public static DcganModelOptions Options(string preset, int size, int channels)
    {
        DcganModelOptions o = preset switch
        {
            "paper" => DcganModelOptions.Paper(size, channels),
            "pytorch" => DcganModelOptions.PyTorchExample(size, channels),
            // The builders' other combinations: the paper's kernel with pytorch/examples' projection, and BN on the output.
            "paper-tconv-bn-out" => WithVariant(DcganModelOptions.Paper(size, channels), o => { o.Projection = LatentProjection.TransposedConvolution; o.BatchNormOnGeneratorOutput = true; }),
            "pytorch-dense" => WithVariant(DcganModelOptions.PyTorchExample(size, channels), o => o.Projection = LatentProjection.Dense),
            _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown preset"),
        };
        o.GeneratorWidth = 4;
        o.DiscriminatorWidth = 4;
        o.LatentDimension = 8;
        return o;
    }

    /// <summary>A seeded generator in eval mode; with <paramref name="perturb"/>, order-1 weights and non-trivial BN statistics and parameters.</summary>
    public static DcganGenerator Generator(DcganModelOptions options, bool perturb, long seed = 5)
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(options, seed);
        d.Dispose();
        if (perturb)
        {
            Perturb(g, new Random((int)seed));
        }

        g.eval();
        return g;
    }

    /// <summary>
    /// Redraws every convolution and dense weight at a scale that keeps activations of order 1 (the DCGAN init's
    /// N(0, 0.02) on a width-4 network gives images within 0.001 of 0, which would make 1e-5 a loose bound), then sets
    /// every batch-norm layer's running mean to N(0, 0.5), running variance to U(0.25, 2.25), scale to U(0.5, 1.5)
    /// and shift to N(0, 0.3) (managed random numbers copied in: no Scalar is involved).
    /// </summary>
    public static void Perturb(nn.Module module, Random random)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach ((string name, Tensor buffer) in module.named_buffers())
        {
            if (name.EndsWith("running_mean", StringComparison.Ordinal))
            {
                buffer.copy_(tensor(Values(buffer.numel(), () => 0.5 * Gaussian(random))));
            }
            else if (name.EndsWith("running_var", StringComparison.Ordinal))
            {
                buffer.copy_(tensor(Values(buffer.numel(), () => 0.25 + 2 * random.NextDouble())));
            }
        }

        foreach ((string name, nn.Module layer) in module.named_modules())
        {
            // Fan-in of one output: in * k * k / stride^2 for a transposed convolution ([in, out, k, k]), in for a dense layer ([out, in]).
            (Tensor? weight, double fanIn) = layer switch
            {
                TorchSharp.Modules.ConvTranspose2d t => (t.weight, t.weight!.shape[0] * t.weight.shape[2] * t.weight.shape[3] / 4.0),
                TorchSharp.Modules.Conv2d c => (c.weight, c.weight!.shape[1] * c.weight.shape[2] * c.weight.shape[3]),
                TorchSharp.Modules.Linear l => (l.weight, (double)l.weight!.shape[1]),
                _ => ((Tensor?)null, 0.0),
            };
            if (weight is not null)
            {
                double sigma = 1 / Math.Sqrt(Math.Max(1, fanIn));
                weight.copy_(tensor(Values(weight.numel(), () => sigma * Gaussian(random))).reshape(weight.shape));
            }

            if (layer is TorchSharp.Modules.BatchNorm bn && bn.weight is not null && bn.bias is not null)
            {
                bn.weight.copy_(tensor(Values(bn.weight.numel(), () => 0.5 + random.NextDouble())));
                bn.bias.copy_(tensor(Values(bn.bias.numel(), () => 0.3 * Gaussian(random))));
            }
        }
    }

    /// <summary>Largest absolute difference between two batches of the same shape.</summary>
    public static float MaxDifference(ImageBatch actual, ImageBatch expected)
    {
        actual.Shape.Should().Be(expected.Shape);
        actual.Count.Should().Be(expected.Count);
        return MaxDifference(actual.Pixels, expected.Pixels);
    }

    /// <summary>Largest absolute difference between two arrays of the same length.</summary>
    public static float MaxDifference(float[] actual, float[] expected)
    {
        actual.Should().HaveCount(expected.Length);
        float max = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            float d = Math.Abs(actual[i] - expected[i]);
            max = float.IsNaN(d) ? float.PositiveInfinity : Math.Max(max, d);
        }

        return max;
    }

    private static float[] Values(long count, Func<double> draw)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)draw();
        }

        return values;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static DcganModelOptions WithVariant(DcganModelOptions o, Action<DcganModelOptions> change)
    {
        change(o);
        return o;
    }
}

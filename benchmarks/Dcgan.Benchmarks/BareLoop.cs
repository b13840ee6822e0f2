// Loop (b): the minimal hand-written TorchSharp DCGAN loop a competent user would write (pytorch/examples' shape),
// optionally with one of the changes `dcgan-bench ab` measures.
using System.Diagnostics;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Native;
using Dcgan.Training;
using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Dcgan.Benchmarks;

/// <summary>
/// The same networks (<see cref="DcganModels.Create"/> with the same options and seed), two Adam optimizers,
/// BCE-with-logits, one dispose scope per step. With <see cref="BareLoopVariant.None"/> the generator step
/// back-propagates through D with D's weight gradients computed too (a plain loop does not switch them off, nor does
/// pytorch/examples).
/// </summary>
internal sealed class BareLoop : ITimedLoop
{
    private readonly DcganGenerator _generator;
    private readonly DcganDiscriminator _discriminator;
    private readonly Parameter[] _discriminatorParameters;
    private readonly optim.Optimizer _generatorOptimizer;
    private readonly optim.Optimizer _discriminatorOptimizer;
    private readonly PreparedBatches _batches;
    private readonly BareLoopVariant _variant;
    private readonly ScalarType _dtype;
    private readonly Tensor _ones;  // [B] real label, used when the variant reuses labels
    private readonly Tensor _zeros; // [B] fake label
    private readonly int _latent;

    /// <param name="batches">The real batches.</param>
    /// <param name="variant">The change to the plain loop, if any.</param>
    /// <param name="architecture">The networks; null means <see cref="BenchmarkSettings.Architecture"/>.</param>
    /// <param name="seed">Seed of the networks' initial weights.</param>
    public BareLoop(PreparedBatches batches, BareLoopVariant variant = BareLoopVariant.None, DcganModelOptions? architecture = null, long seed = BenchmarkSettings.Seed)
    {
        architecture ??= BenchmarkSettings.Architecture();
        (_generator, _discriminator) = DcganModels.Create(architecture, seed);
        _variant = variant;
        _dtype = variant.HasFlag(BareLoopVariant.BFloat16) ? ScalarType.BFloat16 : ScalarType.Float32;
        if (_dtype != ScalarType.Float32)
        {
            _generator.to(_dtype); // before the optimizers: casting replaces the parameters
            _discriminator.to(_dtype);
        }

        _discriminatorParameters = [.. _discriminator.parameters()];
        _latent = architecture.LatentDimension;
        _batches = batches;
        _generatorOptimizer = new Dcgan.Training.Adam(_generator.parameters(), lr: BenchmarkSettings.LearningRate,
            beta1: BenchmarkSettings.Beta1, beta2: BenchmarkSettings.Beta2);
        _discriminatorOptimizer = new Dcgan.Training.Adam(_discriminator.parameters(), lr: BenchmarkSettings.LearningRate,
            beta1: BenchmarkSettings.Beta1, beta2: BenchmarkSettings.Beta2);
        _ones = torch.ones(BenchmarkSettings.BatchSize).DetachFromDisposeScope();
        _zeros = torch.zeros(BenchmarkSettings.BatchSize).DetachFromDisposeScope();
        _generator.train();
        _discriminator.train();
    }

    /// <summary>The generator being trained (in its training dtype).</summary>
    public DcganGenerator Generator => _generator;

    public string Name => _variant == BareLoopVariant.None ? "bare" : BareLoopVariants.Describe(_variant);

    /// <summary>The losses of the last step (read so the work cannot be skipped, and printed as a sanity check).</summary>
    public (float Discriminator, float Generator) LastLosses { get; private set; }

    public TimeSpan Run(int steps)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++)
        {
            LastLosses = Step(_batches.Next());
        }

        clock.Stop();
        return clock.Elapsed;
    }

    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
        _ones.Dispose();
        _zeros.Dispose();
    }

    private (float Discriminator, float Generator) Step(float[] pixels)
    {
        using var scope = NewDisposeScope(); // one scope per step: every tensor below dies at its end
        ImageShape shape = _batches.Shape;
        int b = BenchmarkSettings.BatchSize;
        bool channelsLast = _variant.HasFlag(BareLoopVariant.ChannelsLast);
        Tensor real = tensor(pixels, [b, shape.Channels, shape.Height, shape.Width]); // [B, C, H, W]
        Tensor z = channelsLast
            ? randn(b, 1, 1, _latent).permute(0, 3, 1, 2)                         // [B, Z, 1, 1], strides of NHWC
            : randn(b, _latent);                                                    // [B, Z] ~ N(0, 1), the same values
        if (channelsLast)
        {
            real = real.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);       // [B, C, H, W] stored as NHWC
        }

        if (_dtype != ScalarType.Float32)
        {
            real = real.to(_dtype);
            z = z.to(_dtype);
        }

        Tensor fake = _generator.forward(z);                                        // [B, C, H, W]
        bool reuse = _variant.HasFlag(BareLoopVariant.ReuseLabels);
        Tensor ones = reuse ? _ones : torch.ones(b);                                // [B] real label
        Tensor zeros = reuse ? _zeros : torch.zeros(b);                             // [B] fake label

        // D: maximise log D(x) + log(1 - D(G(z))).
        ZeroGrad(_discriminatorOptimizer, _discriminator);
        Tensor realLogits = Logits(real);                                           // [B]
        Tensor fakeLogits = Logits(fake.detach());                                  // [B]
        Tensor lossD = nn.functional.binary_cross_entropy_with_logits(realLogits, ones)
            .Plus(nn.functional.binary_cross_entropy_with_logits(fakeLogits, zeros)); // []
        lossD.backward();
        _discriminatorOptimizer.step();

        // G: maximise log D(G(z)); D's weight gradients are computed too (and cleared by D's next zero_grad),
        // unless the variant switches them off as the library does.
        ZeroGrad(_generatorOptimizer, _generator);
        bool skip = _variant.HasFlag(BareLoopVariant.SkipDiscriminatorWeightGradients);
        if (skip)
        {
            SetRequiresGrad(false);
        }

        Tensor judged = Logits(fake);                                               // [B]
        Tensor lossG = nn.functional.binary_cross_entropy_with_logits(judged, ones); // []
        lossG.backward();
        _generatorOptimizer.step();
        if (skip)
        {
            SetRequiresGrad(true);
        }

        return (lossD.item<float>(), lossG.item<float>());
    }

    // D's logits in float32, whatever the networks compute in.
    private Tensor Logits(Tensor images)
    {
        Tensor logits = _discriminator.forward(images);                             // [B]
        return logits.dtype == ScalarType.Float32 ? logits : logits.to(ScalarType.Float32);
    }

    private void ZeroGrad(optim.Optimizer optimizer, nn.Module network)
    {
        if (_variant.HasFlag(BareLoopVariant.GradientsToNone))
        {
            network.zero_grad(set_to_none: true);
        }
        else
        {
            optimizer.zero_grad();
        }
    }

    private void SetRequiresGrad(bool value)
    {
        foreach (Parameter parameter in _discriminatorParameters)
        {
            parameter.requires_grad = value;
        }
    }
}

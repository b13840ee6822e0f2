// Loop (b): the minimal hand-written TorchSharp DCGAN loop a competent user would write (pytorch/examples' shape).
using Dcgan.Data;
using System.Diagnostics;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Benchmarks;

/// <summary>
/// The same networks (<see cref="DcganModels.Create"/> with the same options and seed), two Adam optimizers,
/// BCE-with-logits, one dispose scope per step. The generator step back-propagates through D with D's weight
/// gradients computed too (a plain loop does not switch them off, nor does pytorch/examples).
/// </summary>
internal sealed class BareLoop : ITimedLoop
{
    private readonly DcganGenerator _generator;
    private readonly DcganDiscriminator _discriminator;
    private readonly optim.Optimizer _generatorOptimizer;
    private readonly optim.Optimizer _discriminatorOptimizer;
    private readonly PreparedBatches _batches;
    private readonly int _latent;

    public BareLoop(PreparedBatches batches)
    {
        DcganModelOptions architecture = BenchmarkSettings.Architecture();
        (_generator, _discriminator) = DcganModels.Create(architecture, BenchmarkSettings.Seed);
        _latent = architecture.LatentDimension;
        _batches = batches;
        _generatorOptimizer = optim.Adam(_generator.parameters(), lr: BenchmarkSettings.LearningRate,
            beta1: BenchmarkSettings.Beta1, beta2: BenchmarkSettings.Beta2);
        _discriminatorOptimizer = optim.Adam(_discriminator.parameters(), lr: BenchmarkSettings.LearningRate,
            beta1: BenchmarkSettings.Beta1, beta2: BenchmarkSettings.Beta2);
        _generator.train();
        _discriminator.train();
    }

    public string Name => "bare";

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
    }

    private (float Discriminator, float Generator) Step(float[] pixels)
    {
        using var scope = NewDisposeScope(); // one scope per step: every tensor below dies at its end
        ImageShape shape = _batches.Shape;
        int b = BenchmarkSettings.BatchSize;
        Tensor real = tensor(pixels, [b, shape.Channels, shape.Height, shape.Width]); // [B, C, H, W]
        Tensor z = randn(b, _latent);                                               // [B, Z] ~ N(0, 1)
        Tensor fake = _generator.forward(z);                                        // [B, C, H, W]
        Tensor ones = torch.ones(b);                                                // [B] real label
        Tensor zeros = torch.zeros(b);                                              // [B] fake label

        // D: maximise log D(x) + log(1 - D(G(z))).
        _discriminatorOptimizer.zero_grad();
        Tensor realLogits = _discriminator.forward(real);                           // [B]
        Tensor fakeLogits = _discriminator.forward(fake.detach());                  // [B]
        Tensor lossD = nn.functional.binary_cross_entropy_with_logits(realLogits, ones)
            + nn.functional.binary_cross_entropy_with_logits(fakeLogits, zeros);    // []
        lossD.backward();
        _discriminatorOptimizer.step();

        // G: maximise log D(G(z)); D's weight gradients are computed too (and cleared by D's next zero_grad).
        _generatorOptimizer.zero_grad();
        Tensor judged = _discriminator.forward(fake);                               // [B]
        Tensor lossG = nn.functional.binary_cross_entropy_with_logits(judged, ones); // []
        lossG.backward();
        _generatorOptimizer.step();

        return (lossD.item<float>(), lossG.item<float>());
    }
}

// Issue 19: training steps under continuous garbage collection (GcPressure) give bitwise the weights of the same steps
// without it, for both optimizers, with and without the divergence checks, and leave no tensors behind.
using Dcgan.Core.Tests.Training;
using Dcgan.Models;
using Dcgan.Training;
using TorchSharp;

namespace Dcgan.Core.Tests.GarbageCollection;

[Collection(GcPressureCollection.Name)]
public class TrainingUnderGcPressureTests
{
    /// <summary>Steps per run: 8 epochs of 16 batches (on main at 96e2818 every variant failed in all 3 runs; at 64 steps 6 of 8).</summary>
    private const int Epochs = 8;
    private const int Images = 256;
    private const int BatchSize = 16;

    /// <summary>The Paper preset at 28x28, widths 8, z of 16: LeakyReLU, BatchNorm in training mode and the optimizer every step.</summary>
    internal static DcganModelOptions PaperArchitecture()
    {
        DcganModelOptions architecture = DcganModelOptions.Paper(28, 1);
        (architecture.GeneratorWidth, architecture.DiscriminatorWidth, architecture.LatentDimension) = (8, 8, 16);
        return architecture;
    }

    [Theory]
    [InlineData("Adam", false)]
    [InlineData("Adam", true)]
    [InlineData("RMSprop", false)]
    [InlineData("RMSprop", true)]
    public void Steps_under_gc_pressure_give_bitwise_the_weights_of_the_same_steps_without_it(string optimizer, bool divergenceChecks)
    {
        var (quiet, pressured, collections) = GcPressure.QuietThenPressured(() => Train(optimizer, divergenceChecks));

        collections.Should().BeGreaterThanOrEqualTo(GcPressure.MeaningfulCollections, "the pressure thread collected throughout the pressured run");
        pressured.Steps.Should().Be(Epochs * Images / BatchSize);
        TrainingFixtures.Bits(pressured.Weights).Should().Equal(TrainingFixtures.Bits(quiet.Weights), "a collection must not change any update");
        foreach (long[] live in new[] { quiet.LiveTensors, pressured.LiveTensors })
        {
            live.Skip(2).Should().OnlyContain(c => c == live[2], "after the optimizers' lazily created state, no step may leave tensors behind");
        }
    }

    private static (long Steps, float[] Weights, long[] LiveTensors) Train(string optimizer, bool divergenceChecks)
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(PaperArchitecture(), seed: 3);
        using var _g = g;
        using var _d = d;
        GanTrainerOptions options = TrainingFixtures.FastOptions(epochs: Epochs, batchSize: BatchSize, seed: 3);
        if (divergenceChecks)
        {
            options.OnDivergence = DivergencePolicy.SkipBatch; // a copy of weights and optimizer states before every step
            options.WeightCheckInterval = 1;                   // and a weight check after it
        }

        var live = new List<long>();
        var probe = new LambdaCallback(onBatchEnd: _ => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount));
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(Images), TrainingFixtures.Setup(optimizer, "D-then-G", options, probe));
        TrainingResult result = trainer.Fit();
        return (result.StepsTrained, TrainingFixtures.Flatten(g).Concat(TrainingFixtures.Flatten(d)).ToArray(), live.ToArray());
    }
}

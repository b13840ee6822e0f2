// The default step drops gradients (set to none) instead of zeroing them: the training must be bit for bit the one
// the optimizers' zero_grad gave, and leave no tensors behind.
using Dcgan.Models;
using Dcgan.Training;
using FluentAssertions;
using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Dcgan.Core.Tests.Training;

public class GradientClearingTests
{
    [Theory]
    [InlineData("Adam")]
    [InlineData("RMSprop")]
    public void The_default_step_trains_bit_for_bit_like_zeroing_the_gradients(string optimizer)
    {
        (List<StepLosses> cleared, float[] clearedG, float[] clearedD) = Train(new DiscriminatorThenGeneratorStep(), optimizer);
        (List<StepLosses> zeroed, float[] zeroedG, float[] zeroedD) = Train(new ZeroingReferenceStep(), optimizer);

        cleared.Should().HaveCount(8);
        Bits(cleared).Should().Equal(Bits(zeroed)); // every loss and score of every step, bitwise
        TrainingFixtures.Bits(clearedG).Should().Equal(TrainingFixtures.Bits(zeroedG));
        TrainingFixtures.Bits(clearedD).Should().Equal(TrainingFixtures.Bits(zeroedD));
        Bits(cleared).Distinct().Should().HaveCountGreaterThan(8, "the steps really trained (the losses change)");
    }

    [Fact]
    public void The_live_tensor_count_stays_flat_with_gradients_set_to_none()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var counts = new List<long>();
        var probe = new LambdaCallback(onBatchEnd: _ => counts.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount));
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(128), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 3), probe));

        trainer.Fit();

        counts.Should().HaveCount(24);
        counts.Skip(2).Should().OnlyContain(c => c == counts[2], "gradients re-created by every backward must not accumulate");
    }

    private static (List<StepLosses> Losses, float[] Generator, float[] Discriminator) Train(IAdversarialStep step, string optimizer)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var losses = new List<StepLosses>();
        GanTrainerSetup setup = TrainingFixtures.Setup(optimizer, "D-then-G", TrainingFixtures.FastOptions(epochs: 2), new LambdaCallback(onBatchEnd: a => losses.Add(a.Losses)));
        setup.Step = step;
        using (var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), setup))
        {
            trainer.Fit();
        }

        return (losses, TrainingFixtures.Flatten(g), TrainingFixtures.Flatten(d));
    }

    private static ulong[] Bits(IEnumerable<StepLosses> losses) =>
        losses.SelectMany(l => new[] { l.DiscriminatorLoss, l.GeneratorLoss, l.RealScore, l.FakeScore }).Select(BitConverter.DoubleToUInt64Bits).ToArray();

    // The default step as it was before gradients were set to none: each optimizer's zero_grad fills them with zeros.
    private sealed class ZeroingReferenceStep : IAdversarialStep
    {
        public StepLosses Run(AdversarialStepContext context)
        {
            Tensor z = context.SampleLatent(context.BatchSize);                      // [B, Z]
            Tensor fake = context.Generator.Generate(z);                              // [B, C, H, W]
            context.DiscriminatorOptimizer.zero_grad();
            Tensor realLogits = context.Discriminator.Judge(context.RealImages);     // [B]
            Tensor fakeLogits = context.Discriminator.Judge(fake.detach());          // [B]
            Tensor discriminatorLoss = context.Loss.DiscriminatorLoss(realLogits, fakeLogits);
            discriminatorLoss.backward();
            context.DiscriminatorOptimizer.step();
            double realScore = realLogits.detach().sigmoid().mean().item<float>();
            double fakeScore = fakeLogits.detach().sigmoid().mean().item<float>();
            double dLoss = discriminatorLoss.item<float>();
            context.ReportDiscriminatorStep(new StepLosses(dLoss, 0, realScore, fakeScore));

            context.GeneratorOptimizer.zero_grad();
            Parameter[] parameters = context.Discriminator.Network.parameters().ToArray();
            Array.ForEach(parameters, p => p.requires_grad = false);
            Tensor judged = context.Discriminator.Judge(fake);                       // [B]
            Tensor generatorLoss = context.Loss.GeneratorLoss(judged);
            generatorLoss.backward();
            context.GeneratorOptimizer.step();
            Array.ForEach(parameters, p => p.requires_grad = true);
            return new StepLosses(dLoss, generatorLoss.item<float>(), realScore, fakeScore);
        }
    }
}

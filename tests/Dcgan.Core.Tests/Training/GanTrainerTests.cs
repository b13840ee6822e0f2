using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Training;
using TorchSharp;

namespace Dcgan.Core.Tests.Training;

public class GanTrainerTests
{
    [Fact]
    public void A_tiny_run_on_real_data_moves_the_losses_and_changes_the_samples()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var recorder = new RecordingCallback();
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(256), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 3), recorder));
        ImageBatch before = trainer.GenerateFixedSamples();

        TrainingResult result = trainer.Fit();

        result.Outcome.Should().Be(TrainingOutcome.Completed);
        result.StepsTrained.Should().Be(3 * 16);
        recorder.Losses.Should().HaveCount(48).And.OnlyContain(l => double.IsFinite(l.DiscriminatorLoss) && double.IsFinite(l.GeneratorLoss));
        recorder.Losses.Select(l => l.DiscriminatorLoss).Distinct().Should().HaveCountGreaterThan(40, "the losses move from step to step");
        ImageBatch after = trainer.GenerateFixedSamples();
        double change = before.Pixels.Zip(after.Pixels, (a, b) => Math.Abs(a - b)).Average();
        change.Should().BeGreaterThan(0.01, "training changes what the fixed noise generates");
    }

    [Fact]
    public void Hooks_run_in_the_documented_order()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var recorder = new RecordingCallback();
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 1), recorder));

        trainer.Fit();

        recorder.Events.Should().Equal(
            "TrainStart", "EpochStart",
            "BatchStart", "DStep", "GStep", "BatchEnd",
            "BatchStart", "DStep", "GStep", "BatchEnd",
            "EpochEnd", "TrainEnd");
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_weights_and_another_seed_does_not()
    {
        float[] first = TrainAndFlatten(seed: 11);
        float[] second = TrainAndFlatten(seed: 11);
        float[] other = TrainAndFlatten(seed: 12);

        TrainingFixtures.Bits(second).Should().Equal(TrainingFixtures.Bits(first)); // bitwise: NaN-aware
        TrainingFixtures.Bits(other).Should().NotEqual(TrainingFixtures.Bits(first));
    }

    [Theory]
    [InlineData("Adam", "D-then-G")]
    [InlineData("RMSprop", "D-then-G")]
    [InlineData("RMSprop", "2 critic updates")]
    public void The_live_tensor_count_stays_flat_across_steps(string optimizer, string step)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var counts = new List<long>();
        var probe = new LambdaCallback(onBatchEnd: _ => counts.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount));
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(256), TrainingFixtures.Setup(optimizer, step, TrainingFixtures.FastOptions(epochs: 2), probe));

        trainer.Fit();

        counts.Should().HaveCount(32);
        counts.Skip(2).Should().OnlyContain(c => c == counts[2], "after the optimizers' lazily created state, no step may leave tensors behind");
    }

    [Fact]
    public void Cancellation_stops_at_a_step_boundary_and_reports_it()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        using var cancel = new CancellationTokenSource();
        var stopper = new LambdaCallback(onBatchEnd: a => { if (a.Position.GlobalStep == 3) cancel.Cancel(); });
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(256), TrainingFixtures.Setup(TrainingFixtures.FastOptions(), stopper));

        TrainingResult result = trainer.Fit(cancel.Token);

        result.Outcome.Should().Be(TrainingOutcome.Cancelled);
        result.StepsTrained.Should().Be(3);
        trainer.Position.Should().Be(new TrainingPosition(0, 3, 3, 16));
    }

    [Fact]
    public void Mismatched_image_shapes_are_refused_before_any_work()
    {
        var architecture = TrainingFixtures.TinyArchitecture();
        architecture.ImageSize = 32;
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(architecture, 1);
        using var _g = g;
        using var _d = d;

        Action create = () => new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), TrainingFixtures.Setup(TrainingFixtures.FastOptions()));

        create.Should().Throw<ArgumentException>().WithMessage("*1x28x28*1x32x32*");
    }

    private static float[] TrainAndFlatten(long seed)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed);
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 2, seed: seed)));
        trainer.Fit();
        return TrainingFixtures.Flatten(g).Concat(TrainingFixtures.Flatten(d)).ToArray();
    }
}

// The recovering divergence policies: SkipBatch undoes a diverged step exactly (weights, buffers and optimizer state)
// and gives up after too many in a row; RollBack reloads the last good checkpoint with lower learning rates and gives
// up after MaxRollBacks or without a checkpoint. Neither leaks tensors.
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;
using Dcgan.Training.Callbacks;
using TorchSharp;

namespace Dcgan.Core.Tests.Training;

public sealed class DivergenceRecoveryTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SkipBatch_restores_the_weights_and_optimizer_state_of_before_the_diverged_step_bit_for_bit()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        Directory.CreateDirectory(_temp.Path);
        // Step 3 diverges: the state after step 2 must be the state step 4 starts from.
        var snapshots = new HookAction(onBatchStart: a =>
        {
            if (a.Position.GlobalStep is 2 or 3)
            {
                a.Trainer.SaveCheckpoint(_temp.File($"before-step-{a.Position.GlobalStep + 1}.dcgan"));
            }
        });
        GanTrainerSetup setup = TrainingFixtures.Setup(Options(DivergencePolicy.SkipBatch, epochs: 2), snapshots);
        setup.Loss = new NanAtCallLoss(discriminatorCalls: new HashSet<int> { 3 });
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), setup);

        TrainingResult result = trainer.Fit();

        result.Outcome.Should().Be(TrainingOutcome.Completed);
        result.SkippedSteps.Should().Be(1);
        result.StepsTrained.Should().Be(7);
        result.Position.Should().Be(new TrainingPosition(2, 0, 8, 4), "a skipped batch counts as done");
        IReadOnlyDictionary<string, byte[]> before = CheckpointArchive.Read(_temp.File("before-step-3.dcgan")).Entries;
        IReadOnlyDictionary<string, byte[]> after = CheckpointArchive.Read(_temp.File("before-step-4.dcgan")).Entries;
        foreach (string entry in new[] { CheckpointEntries.GeneratorWeights, CheckpointEntries.DiscriminatorWeights, CheckpointEntries.GeneratorOptimizer, CheckpointEntries.DiscriminatorOptimizer })
        {
            after[entry].Should().Equal(before[entry], $"{entry} is restored exactly");
        }

        TrainingFixtures.Flatten(g).Should().OnlyContain(v => float.IsFinite(v));
    }

    [Fact]
    public void SkipBatch_gives_up_after_too_many_diverged_batches_in_a_row_with_finite_weights()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        GanTrainerOptions options = Options(DivergencePolicy.SkipBatch);
        options.MaxConsecutiveSkippedBatches = 2;
        GanTrainerSetup setup = TrainingFixtures.Setup(options);
        setup.Loss = new NanAtCallLoss(discriminatorCalls: new HashSet<int> { 2, 3, 5, 6, 7 }); // 2 in a row are fine, 3 are not
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), setup);

        Action fit = () => trainer.Fit();

        DivergenceException e = fit.Should().Throw<DivergenceException>().Which;
        e.Step.Should().Be(7);
        e.Message.Should().Contain("Gave up: 3 batches in a row diverged (MaxConsecutiveSkippedBatches = 2); the weights are those from before this step.");
        TrainingFixtures.Flatten(g).Concat(TrainingFixtures.Flatten(d)).Should().OnlyContain(v => float.IsFinite(v));
    }

    [Fact]
    public void RollBack_reloads_the_last_checkpoint_halves_the_learning_rates_and_finishes()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var factory = new RecordingOptimizerFactory();
        var recorder = new RecordingCallback();
        GanTrainerSetup setup = TrainingFixtures.Setup(Options(DivergencePolicy.RollBack, epochs: 3), recorder, new CheckpointCallback(_temp.Path, keep: 5));
        setup.Loss = new NanAtCallLoss(discriminatorCalls: new HashSet<int> { 6 }); // epoch 2, batch 2
        setup.OptimizerFactory = factory;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), setup);

        TrainingResult result = trainer.Fit();

        result.Outcome.Should().Be(TrainingOutcome.Completed);
        result.RollBacks.Should().Be(1);
        trainer.RollBacks.Should().Be(1);
        result.Position.Should().Be(new TrainingPosition(3, 0, 12, 4));
        result.StepsTrained.Should().Be(5 + 8, "steps 1-5, then 5-12 again from the epoch-1 checkpoint");
        recorder.Events.Count(e => e == "EpochStart").Should().Be(4, "epoch 2 is re-entered after the roll-back");
        BitConverter.DoubleToInt64Bits(trainer.Options.GeneratorLearningRate).Should().Be(BitConverter.DoubleToInt64Bits(2e-4 * 0.5));
        BitConverter.DoubleToInt64Bits(trainer.Options.DiscriminatorLearningRate).Should().Be(BitConverter.DoubleToInt64Bits(2e-4 * 0.5));
        factory.LearningRate(GanNetworkRole.Generator).Should().Be(1e-4, "the reloaded optimizer state carried the old rate; the trainer lowers it");
        factory.LearningRate(GanNetworkRole.Discriminator).Should().Be(1e-4);
        trainer.LastGoodCheckpoint.Should().Be(_temp.File("checkpoint-e0003-s00000012.dcgan"));
        CheckpointArchive.ReadManifest(trainer.LastGoodCheckpoint!).Trainer.GeneratorLearningRate.Should().Be(1e-4);
        DivergenceTests.AllFinite(trainer.LastGoodCheckpoint!).Should().BeTrue();
    }

    [Fact]
    public void RollBack_without_a_checkpoint_stops_and_says_so()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        GanTrainerSetup setup = TrainingFixtures.Setup(Options(DivergencePolicy.RollBack));
        setup.Loss = new NanAtCallLoss(discriminatorCalls: new HashSet<int> { 2 });
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), setup);

        Action fit = () => trainer.Fit();

        fit.Should().Throw<DivergenceException>().WithMessage("*There is no checkpoint to roll back to: this trainer has written or loaded none yet*");
    }

    [Fact]
    public void RollBack_gives_up_after_MaxRollBacks_when_the_same_batch_diverges_every_time()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var data = new PoisonedImageSource(TrainingFixtures.FashionSubset(64), poisonedIndex: 10) { Poisoned = false };
        GanTrainerOptions options = Options(DivergencePolicy.RollBack, epochs: 3);
        options.MaxRollBacks = 2;
        using var trainer = new GanTrainer(g, d, data, TrainingFixtures.Setup(options,
            new HookAction(onEpochEnd: a => data.Poisoned = true), new CheckpointCallback(_temp.Path)));

        Action fit = () => trainer.Fit();

        fit.Should().Throw<DivergenceException>().WithMessage("*Gave up after 2 roll-back(s) (MaxRollBacks = 2). Lower the learning rate (GeneratorLearningRate = 5E-05*");
        trainer.RollBacks.Should().Be(2);
        trainer.Options.GeneratorLearningRate.Should().Be(2e-4 * 0.5 * 0.5);
    }

    [Theory]
    [InlineData(DivergencePolicy.SkipBatch)]
    [InlineData(DivergencePolicy.RollBack)]
    public void Recovering_leaves_the_live_tensor_count_unchanged(DivergencePolicy policy)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var stopAfterEpoch1 = new HookAction(onEpochEnd: a =>
        {
            if (a.Epoch == 0)
            {
                a.Trainer.RequestStop();
            }
        });
        GanTrainerSetup setup = TrainingFixtures.Setup(Options(policy, epochs: 4), stopAfterEpoch1, new CheckpointCallback(_temp.Path));
        setup.Loss = new NanAtCallLoss(discriminatorCalls: new HashSet<int> { 6, 10, 11 });
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), setup);
        trainer.Fit().Outcome.Should().Be(TrainingOutcome.StopRequested); // first steps: lazy allocations happen here
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        TrainingResult result = trainer.Fit();

        result.Outcome.Should().Be(TrainingOutcome.Completed);
        (result.SkippedSteps + result.RollBacks).Should().BeGreaterThan(0);
        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
    }

    private static GanTrainerOptions Options(DivergencePolicy policy, int epochs = 2)
    {
        GanTrainerOptions options = TrainingFixtures.FastOptions(epochs: epochs);
        options.OnDivergence = policy;
        return options;
    }
}

// Divergence under the default policy (Stop): a NaN or infinite loss, a poisoned batch or a non-finite weight ends
// training with a DivergenceException that names the step and what diverged, OnException runs, and no checkpoint is
// written from non-finite weights (nor is the last finite one rotated away).
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;
using Dcgan.Training.Callbacks;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Training;

public sealed class DivergenceTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_NaN_discriminator_loss_stops_with_the_step_the_loss_and_the_last_finite_losses()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var recorder = new RecordingCallback();
        var exceptions = new ExceptionRecorder();
        GanTrainerSetup setup = TrainingFixtures.Setup(TrainingFixtures.FastOptions(), recorder, exceptions);
        setup.Loss = new NanAtCallLoss(discriminatorCalls: new HashSet<int> { 6 });
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), setup);

        Action fit = () => trainer.Fit();

        DivergenceException e = fit.Should().Throw<DivergenceException>().Which;
        e.Step.Should().Be(6);
        e.Position.Should().Be(new TrainingPosition(1, 1, 5, 4));
        e.Quantity.Should().Be("discriminator loss");
        e.Network.Should().Be(GanNetworkRole.Discriminator);
        e.Message.Should().StartWith("Training diverged at step 6 (epoch 2, batch 2 of 4): the discriminator loss is NaN; last finite losses (step 5): loss D ")
            .And.Contain("Lower the learning rate (GeneratorLearningRate = 0.0002, DiscriminatorLearningRate = 0.0002)")
            .And.NotContain("\n");
        recorder.Losses.Should().HaveCount(5, "the diverged step raises no OnBatchEnd");
        Bits(e.LastFiniteLosses!.Value).Should().Equal(Bits(recorder.Losses[4]));
        exceptions.Seen.Should().ContainSingle().Which.Should().BeSameAs(e);
        trainer.Position.GlobalStep.Should().Be(5, "the diverged step does not count as trained");
    }

    [Fact]
    public void An_infinite_generator_loss_names_the_generator()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        GanTrainerSetup setup = TrainingFixtures.Setup(TrainingFixtures.FastOptions());
        setup.Loss = new NanAtCallLoss(generatorCalls: new HashSet<int> { 3 });
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), setup);

        Action fit = () => trainer.Fit();

        DivergenceException e = fit.Should().Throw<DivergenceException>().Which;
        e.Step.Should().Be(3);
        e.Quantity.Should().Be("generator loss");
        e.Network.Should().Be(GanNetworkRole.Generator);
        e.Message.Should().Contain("the generator loss is +Infinity");
    }

    [Fact]
    public void A_poisoned_batch_stops_training_and_leaves_only_finite_checkpoints()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var data = new PoisonedImageSource(TrainingFixtures.FashionSubset(64), poisonedIndex: 10) { Poisoned = false };
        var poisonFromEpoch2 = new HookAction(onEpochEnd: a => data.Poisoned = true);
        var exceptions = new ExceptionRecorder();
        using var trainer = new GanTrainer(g, d, data, TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 3),
            poisonFromEpoch2, exceptions, new CheckpointCallback(_temp.Path, keep: 2)));

        Action fit = () => trainer.Fit();

        DivergenceException e = fit.Should().Throw<DivergenceException>().Which;
        e.Position.Epoch.Should().Be(1, "image 10 is read again in epoch 2, in whichever batch the shuffle puts it");
        e.Quantity.Should().Be("discriminator loss", "NaN pixels make D's logits and so its loss NaN");
        e.Message.Should().Contain($"Training diverged at step {e.Step} ");
        exceptions.Seen.Should().ContainSingle().Which.Should().BeSameAs(e);
        Directory.GetFiles(_temp.Path, "*.dcgan").Select(Path.GetFileName).Should().Equal("checkpoint-e0001-s00000004.dcgan");
        AllFinite(_temp.File("checkpoint-e0001-s00000004.dcgan")).Should().BeTrue();
    }

    [Fact]
    public void A_checkpoint_is_never_written_from_non_finite_weights()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        // Stands for a weight that went bad without a loss showing it: a callback corrupts G before the checkpoint.
        var corrupt = new HookAction(onEpochEnd: a =>
        {
            if (a.Epoch == 1)
            {
                using var noGrad = no_grad();
                g.parameters().First().fill_(float.NaN);
            }
        });
        var exceptions = new ExceptionRecorder();
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 3),
            corrupt, exceptions, new CheckpointCallback(_temp.Path, keep: 3)));

        Action fit = () => trainer.Fit();

        DivergenceException e = fit.Should().Throw<DivergenceException>().Which;
        e.Message.Should().StartWith($"Not writing checkpoint '{_temp.File("checkpoint-e0002-s00000008.dcgan")}': after step 8 the generator's weights are not finite (")
            .And.Contain($"The last good checkpoint is '{_temp.File("checkpoint-e0001-s00000004.dcgan")}'");
        e.Network.Should().Be(GanNetworkRole.Generator);
        exceptions.Seen.Should().ContainSingle().Which.Should().BeSameAs(e);
        Directory.GetFiles(_temp.Path, "*.dcgan").Select(Path.GetFileName).Should().Equal("checkpoint-e0001-s00000004.dcgan");
    }

    [Fact]
    public void Rotation_never_deletes_the_checkpoint_just_written_even_when_older_files_sort_after_it()
    {
        // A folder that already holds a later-named checkpoint (an earlier, longer run that diverged): keeping the newest
        // name alone would delete the finite checkpoint this run just wrote.
        Directory.CreateDirectory(_temp.Path);
        File.WriteAllBytes(_temp.File("checkpoint-e0009-s00000099.dcgan"), [1, 2, 3]);
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var checkpoints = new CheckpointCallback(_temp.Path, keep: 1);
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 2), checkpoints));

        trainer.Fit();

        checkpoints.LastWritten.Should().Be(_temp.File("checkpoint-e0002-s00000008.dcgan"));
        File.Exists(checkpoints.LastWritten).Should().BeTrue();
        AllFinite(checkpoints.LastWritten!).Should().BeTrue();
        File.Exists(_temp.File("checkpoint-e0001-s00000004.dcgan")).Should().BeFalse("keep: 1 still rotates this run's older checkpoints");
    }

    [Theory]
    [InlineData(1, 2)] // checked after every step: found right after the step that spoiled it
    [InlineData(0, 4)] // only at the epoch's last step: found before the end-of-epoch callbacks
    public void A_non_finite_buffer_is_found_by_the_weight_check(int interval, long expectedStep)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        // A NaN running mean does not change a training-mode loss: only the weight check can see it.
        string buffer = d.state_dict().Keys.First(k => k.EndsWith("running_mean", StringComparison.Ordinal));
        var spoil = new HookAction(onBatchStart: a =>
        {
            if (a.Position.GlobalStep == 1)
            {
                using var noGrad = no_grad();
                d.state_dict()[buffer].fill_(float.NaN);
            }
        });
        GanTrainerOptions options = TrainingFixtures.FastOptions();
        options.WeightCheckInterval = interval;
        var recorder = new RecordingCallback();
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), TrainingFixtures.Setup(options,
            spoil, recorder, new CheckpointCallback(_temp.Path)));

        Action fit = () => trainer.Fit();

        DivergenceException e = fit.Should().Throw<DivergenceException>().Which;
        e.Step.Should().Be(expectedStep);
        e.Quantity.Should().Be($"discriminator weights ({buffer})");
        e.Message.Should().Contain($"the discriminator's weights are not finite ({buffer} holds NaN or infinity)");
        recorder.Events.Should().NotContain("EpochEnd");
        Directory.Exists(_temp.Path).Should().BeFalse("no checkpoint was written");
    }

    internal static long[] Bits(StepLosses l) =>
        [BitConverter.DoubleToInt64Bits(l.DiscriminatorLoss), BitConverter.DoubleToInt64Bits(l.GeneratorLoss),
            BitConverter.DoubleToInt64Bits(l.RealScore), BitConverter.DoubleToInt64Bits(l.FakeScore)];

    internal static bool AllFinite(string checkpoint)
    {
        (DcganGenerator g, _) = CheckpointModels.LoadGenerator<DcganGenerator>(checkpoint);
        (DcganDiscriminator d, _) = CheckpointModels.LoadDiscriminator<DcganDiscriminator>(checkpoint);
        using (g)
        using (d)
        {
            return TrainingFixtures.Flatten(g).All(float.IsFinite) && TrainingFixtures.Flatten(d).All(float.IsFinite);
        }
    }
}

// The adversarial step is pluggable: a user-written step (CriticUpdatesStep) trains through the public API, does
// what it says, and the trainer enforces the step contract.
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Training;

public sealed class CustomStepTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Two_critic_updates_per_step_equal_two_discriminator_updates_recomputed_by_hand()
    {
        const int batch = 16;
        GanTrainerOptions options = TrainingFixtures.FastOptions(batchSize: batch, seed: 21);
        var data = new RepeatedImageSource(TrainingFixtures.FashionSubset(8), imageIndex: 3, count: 2 * batch);

        // Through the trainer: D right after its updates of the first step (before G's update touches D's BN statistics).
        float[]? byTrainer = null;
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 4);
        using (g)
        using (d)
        {
            var probe = new LambdaCallback(
                onBatchEnd: a => a.Trainer.RequestStop(),
                onDiscriminatorStepEnd: a => byTrainer ??= TrainingFixtures.Flatten(a.Trainer.Discriminator.Network));
            using var trainer = new GanTrainer(g, d, data, new GanTrainerSetup { Options = options, Step = new CriticUpdatesStep(2), Callbacks = [probe] });
            trainer.Fit().StepsTrained.Should().Be(1);
        }

        // By hand: the same initial networks, Adam with the paper's settings, the trainer's documented noise stream.
        float[] byHand;
        float[] initial;
        (DcganGenerator g2, DcganDiscriminator d2) = TrainingFixtures.Models(seed: 4);
        using (g2)
        using (d2)
        using (var noise = new torch.Generator((ulong)SeedSequence.Derive(options.Seed, GanTrainer.NoiseStream)))
        using (var adam = optim.Adam(d2.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999))
        using (var scope = NewDisposeScope())
        {
            initial = TrainingFixtures.Flatten(d2);
            g2.train();
            d2.train();
            Tensor real = tensor(data.Batch()[..(batch * 28 * 28)], [batch, 1, 28, 28]); // [B, 1, 28, 28]
            for (int update = 0; update < 2; update++)
            {
                Tensor z = LatentNoise.Sample(batch, g2.LatentDimension, g2.LatentDistribution, noise); // [B, Z]
                Tensor fake = g2.Generate(z).detach();                                                  // [B, 1, 28, 28]
                adam.zero_grad();
                Tensor realLogits = d2.Judge(real);
                Tensor fakeLogits = d2.Judge(fake);
                Tensor loss = nn.functional.binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
                    + nn.functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
                loss.backward();
                adam.step();
            }

            byHand = TrainingFixtures.Flatten(d2);
        }

        byTrainer.Should().NotBeNull();
        TrainingFixtures.Bits(byTrainer!).Should().Equal(TrainingFixtures.Bits(byHand), "the step makes exactly two discriminator updates before reporting");
        TrainingFixtures.Bits(byHand).Should().NotEqual(TrainingFixtures.Bits(initial));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public void The_discriminator_optimizer_steps_n_times_per_generator_step(int criticUpdates)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), new GanTrainerSetup
        {
            Options = TrainingFixtures.FastOptions(epochs: 1),
            Step = new CriticUpdatesStep(criticUpdates),
        });
        trainer.Fit().StepsTrained.Should().Be(4);
        string file = _temp.File("steps.dcgan");
        trainer.SaveCheckpoint(file);

        (_, IReadOnlyDictionary<string, byte[]> entries) = CheckpointArchive.Read(file);
        AdamStepCount(g, entries[CheckpointEntries.GeneratorOptimizer]).Should().Be(4);
        AdamStepCount(d, entries[CheckpointEntries.DiscriminatorOptimizer]).Should().Be(4 * criticUpdates);
    }

    [Fact]
    public void Hooks_keep_their_documented_order_with_a_custom_step()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var recorder = new RecordingCallback();
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(16), new GanTrainerSetup
        {
            Options = TrainingFixtures.FastOptions(epochs: 1),
            Step = new CriticUpdatesStep(3),
            Callbacks = [recorder],
        });

        trainer.Fit();

        recorder.Events.Should().Equal("TrainStart", "EpochStart", "BatchStart", "DStep", "GStep", "BatchEnd", "EpochEnd", "TrainEnd");
    }

    [Fact]
    public void A_step_that_does_not_report_its_discriminator_side_is_named()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(16), new GanTrainerSetup
        {
            Options = TrainingFixtures.FastOptions(epochs: 1),
            Step = new SilentStep(),
        });

        Action fit = () => trainer.Fit();

        fit.Should().Throw<InvalidOperationException>().WithMessage("SilentStep.Run returned without calling AdversarialStepContext.ReportDiscriminatorStep*");
    }

    [Fact]
    public void A_null_part_of_the_setup_is_named()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;

        Action create = () => new GanTrainer(g, d, TrainingFixtures.FashionSubset(16), new GanTrainerSetup { Options = TrainingFixtures.FastOptions(), Step = null! });

        create.Should().Throw<ArgumentException>().WithMessage("GanTrainerSetup.Step is null*");
    }

    private static long AdamStepCount(nn.Module network, byte[] state)
    {
        using var adam = optim.Adam(network.parameters());
        ModuleState.Load(adam, state, "test", "optimizer");
        return adam.state_dict().State.Cast<TorchSharp.Modules.Adam.State>().Select(s => s.step).Distinct().Single();
    }


    /// <summary>Trains nothing and never reports: breaks the step contract on purpose.</summary>
    private sealed class SilentStep : IAdversarialStep
    {
        public StepLosses Run(AdversarialStepContext context) => new(0, 0, 0, 0);
    }
}

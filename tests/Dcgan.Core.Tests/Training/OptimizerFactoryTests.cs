// Optimizers come from a factory: RMSprop trains and resumes bit-exactly (also with a custom step), checkpoints
// record the optimizer kind under neutral entry names, and state of another kind or that does not load is refused.
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

public sealed class OptimizerFactoryTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RMSprop_from_the_factory_trains_and_its_kind_and_state_are_checkpointed_under_neutral_names()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var recorder = new RecordingCallback();
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(128), TrainingFixtures.Setup("RMSprop", "D-then-G", TrainingFixtures.FastOptions(), recorder));
        float[] before = TrainingFixtures.Flatten(g);

        trainer.Fit().StepsTrained.Should().Be(16);
        string file = _temp.File("rmsprop.dcgan");
        trainer.SaveCheckpoint(file);

        recorder.Losses.Should().OnlyContain(l => double.IsFinite(l.DiscriminatorLoss) && double.IsFinite(l.GeneratorLoss));
        TrainingFixtures.Flatten(g).Should().NotEqual(before);
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries) = CheckpointArchive.Read(file);
        manifest.FormatVersion.Should().Be(CheckpointManifest.CurrentFormatVersion);
        manifest.Trainer.OptimizerKind.Should().Be("RMSprop");
        manifest.Architecture.Should().BeEquivalentTo(TrainingFixtures.TinyArchitecture(), "the architecture is read from the networks");
        entries.Keys.Should().BeEquivalentTo(
            CheckpointEntries.GeneratorWeights, CheckpointEntries.DiscriminatorWeights,
            CheckpointEntries.GeneratorOptimizer, CheckpointEntries.DiscriminatorOptimizer, CheckpointEntries.FixedNoise);
    }

    [Theory]
    [InlineData("RMSprop", "D-then-G")]
    [InlineData("RMSprop", "2 critic updates")]
    [InlineData("Adam", "2 critic updates")]
    public void N_steps_then_resume_then_M_steps_equals_N_plus_M_steps_bitwise(string optimizer, string step)
    {
        GanTrainerOptions options = TrainingFixtures.FastOptions(epochs: 2, seed: 9);
        float[] uninterrupted;
        (DcganGenerator g1, DcganDiscriminator d1) = TrainingFixtures.Models(seed: 9);
        using (g1)
        using (d1)
        using (var trainer = new GanTrainer(g1, d1, TrainingFixtures.FashionSubset(96), TrainingFixtures.Setup(optimizer, step, options)))
        {
            trainer.Fit().StepsTrained.Should().Be(12);
            uninterrupted = TrainingFixtures.Flatten(g1).Concat(TrainingFixtures.Flatten(d1)).ToArray();
        }

        // Interrupted mid-epoch after 7 steps (epoch 1, batch 1), checkpointed, resumed in fresh objects with another init.
        string file = _temp.File("mid.dcgan");
        (DcganGenerator g2, DcganDiscriminator d2) = TrainingFixtures.Models(seed: 9);
        using (g2)
        using (d2)
        {
            var stop = new LambdaCallback(onBatchEnd: a => { if (a.Position.GlobalStep == 7) a.Trainer.RequestStop(); });
            using var trainer = new GanTrainer(g2, d2, TrainingFixtures.FashionSubset(96), TrainingFixtures.Setup(optimizer, step, options, stop));
            trainer.Fit().StepsTrained.Should().Be(7);
            trainer.SaveCheckpoint(file);
        }

        (DcganGenerator g3, DcganDiscriminator d3) = TrainingFixtures.Models(seed: 999);
        using (g3)
        using (d3)
        using (var resumed = new GanTrainer(g3, d3, TrainingFixtures.FashionSubset(96), TrainingFixtures.Setup(optimizer, step, options)))
        {
            resumed.LoadCheckpoint(file);
            resumed.Position.Should().Be(new TrainingPosition(1, 1, 7, 6));
            resumed.Fit().StepsTrained.Should().Be(5);
            float[] continued = TrainingFixtures.Flatten(g3).Concat(TrainingFixtures.Flatten(d3)).ToArray();
            continued.Should().OnlyContain(v => float.IsFinite(v));
            TrainingFixtures.Bits(continued).Should().Equal(TrainingFixtures.Bits(uninterrupted), "resuming must reproduce the uninterrupted run bit for bit on the CPU");
        }
    }

    [Fact]
    public void Adam_state_is_refused_by_an_RMSprop_trainer_naming_both_and_nothing_changes()
    {
        string file = SaveOne(new AdamOptimizerFactory());

        AssertRefused(file, new RmsPropOptimizerFactory(), "*does not fit this trainer*written by the Adam optimizer*RmsPropOptimizerFactory builds RMSprop*");
    }

    [Fact]
    public void RMSprop_state_is_refused_by_the_default_Adam_trainer()
    {
        string file = SaveOne(new RmsPropOptimizerFactory());

        AssertRefused(file, new AdamOptimizerFactory(), "*written by the RMSprop optimizer*AdamOptimizerFactory builds Adam*");
    }

    [Fact]
    public void An_unknown_optimizer_kind_in_the_manifest_is_refused_by_name()
    {
        string file = Rewrite(SaveOne(new AdamOptimizerFactory()), "lion.dcgan", (manifest, _) => manifest.Trainer.OptimizerKind = "Lion");

        AssertRefused(file, new AdamOptimizerFactory(), "*lion.dcgan*written by the Lion optimizer*builds Adam*");
    }

    [Fact]
    public void Optimizer_state_that_does_not_load_is_refused_before_anything_changes()
    {
        string file = Rewrite(SaveOne(new AdamOptimizerFactory()), "garbage.dcgan",
            (_, entries) => entries[CheckpointEntries.DiscriminatorOptimizer] = [1, 2, 3, 4, 5, 6, 7, 8]);

        AssertRefused(file, new AdamOptimizerFactory(), "*garbage.dcgan*'discriminator.optimizer' does not load into Adam*");
    }

    [Fact]
    public void Optimizer_state_of_another_kind_than_the_manifest_claims_is_refused()
    {
        (_, IReadOnlyDictionary<string, byte[]> rmsprop) = CheckpointArchive.Read(SaveOne(new RmsPropOptimizerFactory(), "rmsprop.dcgan"));
        string file = Rewrite(SaveOne(new AdamOptimizerFactory()), "mislabelled.dcgan",
            (_, entries) => entries[CheckpointEntries.GeneratorOptimizer] = rmsprop[CheckpointEntries.GeneratorOptimizer]);

        AssertRefused(file, new AdamOptimizerFactory(), "*mislabelled.dcgan*'generator.optimizer' does not load into Adam*RMSProp*");
    }

    [Fact]
    public void A_factory_whose_optimizer_cannot_be_checkpointed_is_refused_when_the_trainer_is_built()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;

        Action create = () => new GanTrainer(g, d, TrainingFixtures.FashionSubset(16), new GanTrainerSetup
        {
            Options = TrainingFixtures.FastOptions(),
            OptimizerFactory = new NullFactory(),
        });

        create.Should().Throw<InvalidOperationException>().WithMessage("NullFactory.Create returned null for the Generator.");
    }

    private string SaveOne(IOptimizerFactory factory, string name = "good.dcgan")
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32),
            new GanTrainerSetup { Options = TrainingFixtures.FastOptions(epochs: 1), OptimizerFactory = factory });
        trainer.Fit();
        string file = _temp.File(name);
        trainer.SaveCheckpoint(file);
        return file;
    }

    private string Rewrite(string file, string name, Action<CheckpointManifest, Dictionary<string, byte[]>> change)
    {
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries) = CheckpointArchive.Read(file);
        var copy = entries.ToDictionary(e => e.Key, e => e.Value);
        change(manifest, copy);
        string target = _temp.File(name);
        CheckpointArchive.Write(target, manifest, copy);
        return target;
    }

    private static void AssertRefused(string file, IOptimizerFactory factory, string expectedMessage)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 77);
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32),
            new GanTrainerSetup { Options = TrainingFixtures.FastOptions(), OptimizerFactory = factory });
        float[] before = TrainingFixtures.Flatten(g).Concat(TrainingFixtures.Flatten(d)).ToArray();

        Action load = () => trainer.LoadCheckpoint(file);

        load.Should().Throw<CheckpointException>().WithMessage(expectedMessage);
        TrainingFixtures.Bits(TrainingFixtures.Flatten(g).Concat(TrainingFixtures.Flatten(d)).ToArray()).Should().Equal(TrainingFixtures.Bits(before));
        trainer.Position.GlobalStep.Should().Be(0);
    }


    private sealed class NullFactory : IOptimizerFactory
    {
        public string Kind => "None";

        public TorchSharp.torch.optim.Optimizer Create(GanNetworkRole role, IEnumerable<TorchSharp.Modules.Parameter> parameters, GanTrainerOptions options) => null!;
    }
}

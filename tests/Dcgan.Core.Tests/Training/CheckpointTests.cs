using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;
using Dcgan.Training.Callbacks;

namespace Dcgan.Core.Tests.Training;

public sealed class CheckpointTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void N_steps_then_resume_then_M_steps_equals_N_plus_M_uninterrupted_steps()
    {
        // Uninterrupted: 3 epochs of 8 batches.
        float[] uninterrupted;
        (DcganGenerator g1, DcganDiscriminator d1) = TrainingFixtures.Models(seed: 5);
        using (g1)
        using (d1)
        using (var trainer = new GanTrainer(g1, d1, TrainingFixtures.FashionSubset(128), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 3, seed: 5))))
        {
            trainer.Fit().StepsTrained.Should().Be(24);
            uninterrupted = TrainingFixtures.Flatten(g1).Concat(TrainingFixtures.Flatten(d1)).ToArray();
        }

        // Interrupted mid-epoch (after step 11 = epoch 1, batch 3), checkpointed, and resumed in fresh objects.
        string file = _temp.File("mid.dcgan");
        (DcganGenerator g2, DcganDiscriminator d2) = TrainingFixtures.Models(seed: 5);
        using (g2)
        using (d2)
        {
            GanTrainer? trainer = null;
            var stop = new LambdaCallback(onBatchEnd: a => { if (a.Position.GlobalStep == 11) a.Trainer.RequestStop(); });
            using (trainer = new GanTrainer(g2, d2, TrainingFixtures.FashionSubset(128), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 3, seed: 5), stop)))
            {
                trainer.Fit().Outcome.Should().Be(TrainingOutcome.StopRequested);
                trainer.Position.Should().Be(new TrainingPosition(1, 3, 11, 8));
                trainer.SaveCheckpoint(file);
            }
        }

        (DcganGenerator g3, DcganDiscriminator d3) = TrainingFixtures.Models(seed: 999); // different init: the checkpoint must overwrite it
        using (g3)
        using (d3)
        using (var resumed = new GanTrainer(g3, d3, TrainingFixtures.FashionSubset(128), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 3, seed: 5))))
        {
            resumed.LoadCheckpoint(file);
            resumed.Position.Should().Be(new TrainingPosition(1, 3, 11, 8));
            resumed.Fit().StepsTrained.Should().Be(13);
            float[] continued = TrainingFixtures.Flatten(g3).Concat(TrainingFixtures.Flatten(d3)).ToArray();
            TrainingFixtures.Bits(continued).Should().Equal(TrainingFixtures.Bits(uninterrupted), "resuming must reproduce the uninterrupted run bit for bit on the CPU");
        }
    }

    [Fact]
    public void The_checkpoint_callback_writes_each_epoch_and_the_generator_loads_back_from_the_run_folder()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var checkpoints = new CheckpointCallback(_temp.Path, keep: 2);
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 3),
            new SampleGridCallback(_temp.Path), checkpoints));

        trainer.Fit();

        Directory.GetFiles(_temp.Path, "checkpoint-*.dcgan").Select(Path.GetFileName).Should().BeEquivalentTo(
            "checkpoint-e0002-s00000008.dcgan", "checkpoint-e0003-s00000012.dcgan");
        File.Exists(_temp.File("samples-e0003.png")).Should().BeTrue();
        CheckpointLocator.Resolve(_temp.Path).Should().EndWith("checkpoint-e0003-s00000012.dcgan");
        (DcganGenerator loaded, CheckpointInfo manifest) = CheckpointModels.LoadGenerator<DcganGenerator>(_temp.Path);
        using (loaded)
        {
            manifest.GlobalStep.Should().Be(12);
            TrainingFixtures.Bits(TrainingFixtures.Flatten(loaded)).Should().Equal(TrainingFixtures.Bits(TrainingFixtures.Flatten(g)));
        }
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_with_its_name_and_nothing_changes()
    {
        string file = SaveOne();
        byte[] bytes = File.ReadAllBytes(file);
        string truncated = _temp.File("truncated.dcgan");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        AssertRefusedWithoutChange(truncated, "*truncated.dcgan*");
    }

    [Fact]
    public void A_corrupt_checkpoint_is_refused_and_nothing_changes()
    {
        string file = SaveOne();
        byte[] bytes = File.ReadAllBytes(file);
        for (int i = bytes.Length / 3; i < bytes.Length / 3 + 64; i++)
        {
            bytes[i] ^= 0x5A;
        }

        string corrupt = _temp.File("corrupt.dcgan");
        File.WriteAllBytes(corrupt, bytes);

        AssertRefusedWithoutChange(corrupt, "*corrupt.dcgan*");
    }

    [Fact]
    public void A_checkpoint_of_another_architecture_names_the_difference()
    {
        string file = SaveOne();
        var wider = TrainingFixtures.TinyArchitecture();
        wider.GeneratorWidth = 8;
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(wider, 3);
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), TrainingFixtures.Setup(TrainingFixtures.FastOptions()));
        float[] before = TrainingFixtures.Flatten(g);

        Action load = () => trainer.LoadCheckpoint(file);

        load.Should().Throw<CheckpointException>().WithMessage("*GeneratorWidth is 4 in the checkpoint but 8 in this model*");
        TrainingFixtures.Bits(TrainingFixtures.Flatten(g)).Should().Equal(TrainingFixtures.Bits(before));
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_refused()
    {
        Directory.CreateDirectory(_temp.Path);
        string bogus = _temp.File("bogus.dcgan");
        File.WriteAllText(bogus, "hello");

        AssertRefusedWithoutChange(bogus, "*bogus.dcgan*");
    }

    [Fact]
    public void A_checkpoint_without_a_discriminator_gives_its_generator_but_refuses_the_discriminator_by_name()
    {
        string file = SaveOne();
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries) = CheckpointArchive.Read(file);
        string generatorOnly = _temp.File("generator-only.dcgan");
        CheckpointArchive.Write(generatorOnly, manifest,
            entries.Where(e => e.Key != CheckpointEntries.DiscriminatorWeights).ToDictionary(e => e.Key, e => e.Value));

        Action load = () => CheckpointModels.LoadDiscriminator(generatorOnly);

        load.Should().Throw<CheckpointException>().WithMessage($"*generator-only.dcgan*no '{CheckpointEntries.DiscriminatorWeights}' entry*");
        (DcganGenerator generator, _) = CheckpointModels.LoadGenerator<DcganGenerator>(generatorOnly);
        generator.Dispose();
    }

    private string SaveOne()
    {
        string file = CheckpointSamples.Trained(_temp.File("good.dcgan"));
        Directory.GetFiles(_temp.Path).Should().ContainSingle("the temporary file is renamed into place");
        return file;
    }

    private static void AssertRefusedWithoutChange(string file, string expectedMessage)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 77);
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32), TrainingFixtures.Setup(TrainingFixtures.FastOptions()));
        float[] before = TrainingFixtures.Flatten(g);

        Action load = () => trainer.LoadCheckpoint(file);

        load.Should().Throw<CheckpointException>().WithMessage(expectedMessage);
        TrainingFixtures.Bits(TrainingFixtures.Flatten(g)).Should().Equal(TrainingFixtures.Bits(before));
        trainer.Position.GlobalStep.Should().Be(0);
    }
}

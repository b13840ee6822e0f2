// Checkpoints written by main before the composable trainer (format 1, commit a5eb578) still load bit for bit and
// resume into the values main computed from them: Fixtures/main-a5eb578-tiny.dcgan and Fixtures/generator/Program.cs.
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

public sealed class CheckpointCompatibilityTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "main-a5eb578-tiny.dcgan");
    private static readonly string Expected = Path.Combine(AppContext.BaseDirectory, "Fixtures", "main-a5eb578-tiny.expected.json");

    [Fact]
    public void A_checkpoint_of_main_a5eb578_loads_bit_for_bit_and_resumes_into_the_values_main_computed()
    {
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Expected));
        JsonElement root = expected.RootElement;
        const long stopAt = 5; // 3 steps before the checkpoint + 2 after (the generator's StopAt callback)
        var steps = new List<(TrainingPosition Position, StepLosses Losses)>();
        var stop = new LambdaCallback(onBatchEnd: a =>
        {
            steps.Add((a.Position, a.Losses));
            if (a.Position.GlobalStep == stopAt)
            {
                a.Trainer.RequestStop();
            }
        });
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 999); // another init: the checkpoint must overwrite it
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), TrainingFixtures.Setup(TrainingFixtures.FastOptions(), stop));

        trainer.LoadCheckpoint(Fixture);

        trainer.Position.Should().Be(PositionOf(root.GetProperty("checkpointPosition")));
        Sha256(TrainingFixtures.Flatten(g)).Should().Be(root.GetProperty("atCheckpoint").GetProperty("generatorSha256").GetString());
        Sha256(TrainingFixtures.Flatten(d)).Should().Be(root.GetProperty("atCheckpoint").GetProperty("discriminatorSha256").GetString());

        TrainingResult result = trainer.Fit();

        result.Outcome.Should().Be(TrainingOutcome.StopRequested);
        result.StepsTrained.Should().Be(2);
        trainer.Position.Should().Be(PositionOf(root.GetProperty("finalPosition")));
        Keys(g).Should().Equal(root.GetProperty("generator").GetProperty("stateDict").EnumerateArray().Select(e => e.GetProperty("key").GetString()));
        Keys(d).Should().Equal(root.GetProperty("discriminator").GetProperty("stateDict").EnumerateArray().Select(e => e.GetProperty("key").GetString()));
        // The values after the resumed steps were computed on the machine that made the fixture (AVX-512, MKL in its
        // default mode). Another CPU runs other libtorch, oneDNN and MKL kernels (AVX2: other summation orders), and
        // this library now asks MKL for its strict mode, so they agree to float rounding, not bit for bit. Measured
        // (AVX-512 and AVX2 kernels, strict and default MKL): weights differ by at most 3.7e-9 (1-2 ulps), pixels by
        // 2.3e-10, losses by 1.2e-7 (1 ulp of a float near 1). The tolerances leave a margin of 25x or more and stay
        // far below what a wrong resume changes: one Adam step more or less moves weights by about the learning rate,
        // 2e-4. Bit-for-bit resume on one machine is CheckpointTests' claim.
        const double ValueTolerance = 1e-7, LossTolerance = 1e-6;
        Differences(TrainingFixtures.Flatten(g), ExpectedValues(root.GetProperty("generator"))).Should().BeLessThanOrEqualTo(ValueTolerance, "the generator after 2 resumed steps");
        Differences(TrainingFixtures.Flatten(d), ExpectedValues(root.GetProperty("discriminator"))).Should().BeLessThanOrEqualTo(ValueTolerance, "the discriminator after 2 resumed steps");
        Differences(trainer.GenerateFixedSamples().Pixels, ExpectedValues(root.GetProperty("fixedSamples"))).Should().BeLessThanOrEqualTo(ValueTolerance, "the fixed samples");

        JsonElement[] expectedSteps = root.GetProperty("steps").EnumerateArray().ToArray();
        steps.Should().HaveCount(expectedSteps.Length);
        for (int i = 0; i < steps.Count; i++)
        {
            JsonElement s = expectedSteps[i];
            StepLosses l = steps[i].Losses;
            steps[i].Position.Should().Be(PositionOf(s.GetProperty("position")));
            double[] expectedLosses = [.. new[] { "discriminatorLossBits", "generatorLossBits", "realScoreBits", "fakeScoreBits" }
                .Select(p => BitConverter.Int64BitsToDouble(s.GetProperty(p).GetInt64()))];
            new[] { l.DiscriminatorLoss, l.GeneratorLoss, l.RealScore, l.FakeScore }.Zip(expectedLosses, (a, e) => Math.Abs(a - e)).Max()
                .Should().BeLessThanOrEqualTo(LossTolerance, $"the losses of resumed step {i}");
        }
    }

    [Fact]
    public void A_format_1_manifest_is_read_in_the_current_format_with_Adam_and_neutral_entry_names()
    {
        CheckpointManifest manifest = CheckpointArchive.ReadManifest(Fixture);

        manifest.FormatVersion.Should().Be(CheckpointManifest.CurrentFormatVersion);
        manifest.Trainer.OptimizerKind.Should().Be(AdamOptimizerFactory.KindName);
        manifest.EntryHashes.Keys.Should().BeEquivalentTo(
            CheckpointEntries.GeneratorWeights, CheckpointEntries.DiscriminatorWeights,
            CheckpointEntries.GeneratorOptimizer, CheckpointEntries.DiscriminatorOptimizer, CheckpointEntries.FixedNoise);
        new CheckpointInfo(Fixture, manifest).ToTrainerOptions().Should().BeEquivalentTo(TrainingFixtures.FastOptions(), "version 1 stored the trainer's options object");
        manifest.Architecture.Should().BeEquivalentTo(TrainingFixtures.TinyArchitecture());
    }

    [Fact]
    public void The_generator_of_a_format_1_checkpoint_loads_without_a_trainer()
    {
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Expected));

        (DcganGenerator generator, _) = CheckpointModels.LoadGenerator<DcganGenerator>(Fixture);

        using (generator)
        {
            Sha256(TrainingFixtures.Flatten(generator)).Should().Be(expected.RootElement.GetProperty("atCheckpoint").GetProperty("generatorSha256").GetString());
        }
    }

    [Fact]
    public void A_format_1_checkpoint_is_refused_by_an_RMSprop_trainer_naming_Adam()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 999);
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64),
            new GanTrainerSetup { Options = TrainingFixtures.FastOptions(), OptimizerFactory = new RmsPropOptimizerFactory() });

        Action load = () => trainer.LoadCheckpoint(Fixture);

        load.Should().Throw<CheckpointException>().WithMessage("*main-a5eb578-tiny.dcgan*written by the Adam optimizer*builds RMSprop*");
    }

    [Fact]
    public void A_newer_format_version_is_refused_by_number()
    {
        using var temp = new TemporaryFolder();
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries) = CheckpointArchive.Read(Fixture);
        manifest.FormatVersion = CheckpointManifest.CurrentFormatVersion + 1;
        string future = temp.File("future.dcgan");
        CheckpointArchive.Write(future, manifest, entries);

        Action read = () => CheckpointArchive.ReadManifest(future);

        read.Should().Throw<CheckpointException>().WithMessage($"*future.dcgan' has format version {CheckpointManifest.CurrentFormatVersion + 1}; this library reads versions 1 to {CheckpointManifest.CurrentFormatVersion}.");
    }

    private static TrainingPosition PositionOf(JsonElement e) => new(
        e.GetProperty("epoch").GetInt32(), e.GetProperty("batchInEpoch").GetInt32(),
        e.GetProperty("globalStep").GetInt64(), e.GetProperty("batchesPerEpoch").GetInt32());

    private static IEnumerable<string> Keys(TorchSharp.torch.nn.Module module) =>
        module.state_dict().Keys.OrderBy(k => k, StringComparer.Ordinal);

    private static float[] ExpectedValues(JsonElement e) => [.. e.GetProperty("bits").EnumerateArray().Select(x => BitConverter.UInt32BitsToSingle(x.GetUInt32()))];

    /// <summary>The largest absolute difference; the lengths must match.</summary>
    private static double Differences(float[] actual, float[] expected)
    {
        actual.Should().HaveSameCount(expected);
        return actual.Zip(expected, (a, e) => Math.Abs((double)a - e)).Max();
    }


    private static string Sha256(float[] values) => Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan())));
}

// Checkpoints of format 2 (main from the composable trainer, f5947e0, to 349c866, before manifest hashes and entry
// lengths) still load and resume: Fixtures/main-349c866-tiny-format2.dcgan, written by main @ 349c866 after 3 steps,
// and the values that commit computed resuming from it for 2 more steps (Fixtures/generator, built with -p:Format=2).
//
// What "bit for bit" can honestly claim for a file written by an old commit, possibly on another CPU:
//   1. Reading is exact on any machine: every entry (weights, optimizer states, fixed noise) and every manifest field
//      of the training state comes out of the upgrade unchanged, so re-saving it in the current format writes the
//      same bytes, and the networks hold the recorded weights (SHA-256).
//   2. On this machine, resuming from the format-2 file and from that current-format copy gives the same bits: the
//      upgrade adds nothing and loses nothing that the resume reads.
//   3. The 2 resumed steps agree with what 349c866 computed within 1e-5: bitwise only on the CPU kind that recorded them
//      (libtorch picks other kernels on AVX2 than on AVX-512), while a lost optimizer or noise state is far outside.
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

public sealed class CheckpointFormatTwoTests
{
    private const double Tolerance = 1e-5;
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "main-349c866-tiny-format2.dcgan");
    private static readonly string Expected = Path.Combine(AppContext.BaseDirectory, "Fixtures", "main-349c866-tiny-format2.expected.json");

    [Fact]
    public void The_fixture_is_format_2_and_reads_in_the_current_format_with_its_training_state()
    {
        using ZipArchive zip = ZipFile.OpenRead(Fixture);
        using Stream manifestJson = zip.GetEntry("manifest.json")!.Open();
        using JsonDocument stored = JsonDocument.Parse(manifestJson);
        stored.RootElement.GetProperty("FormatVersion").GetInt32().Should().Be(2);

        CheckpointManifest manifest = CheckpointArchive.ReadManifest(Fixture);

        manifest.FormatVersion.Should().Be(CheckpointManifest.CurrentFormatVersion);
        manifest.GlobalStep.Should().Be(3);
        manifest.Trainer.OptimizerKind.Should().Be(AdamOptimizerFactory.KindName);
        new CheckpointInfo(Fixture, manifest).ToTrainerOptions().Should().BeEquivalentTo(TrainingFixtures.FastOptions());
        manifest.Architecture.Should().BeEquivalentTo(TrainingFixtures.TinyArchitecture());
        manifest.NoiseGeneratorState.Should().Be(stored.RootElement.GetProperty("NoiseGeneratorState").GetString());
    }

    [Fact]
    public void Loading_and_saving_again_in_the_current_format_keeps_every_entry_byte_for_byte()
    {
        using var temp = new TemporaryFolder();
        string current = temp.File("resaved.dcgan");
        using (LoadedTrainer trained = Load(Fixture, stopAt: 5))
        {
            trained.Trainer.SaveCheckpoint(current);
            Sha256(TrainingFixtures.Flatten(trained.Generator)).Should().Be(AtCheckpoint("generatorSha256"));
            Sha256(TrainingFixtures.Flatten(trained.Discriminator)).Should().Be(AtCheckpoint("discriminatorSha256"));
        }

        (CheckpointManifest before, IReadOnlyDictionary<string, byte[]> oldEntries) = CheckpointArchive.Read(Fixture);
        (CheckpointManifest after, IReadOnlyDictionary<string, byte[]> newEntries) = CheckpointArchive.Read(current);

        newEntries.Keys.Should().BeEquivalentTo(oldEntries.Keys);
        foreach ((string name, byte[] bytes) in oldEntries)
        {
            newEntries[name].Should().Equal(bytes, $"entry {name} holds the same state after the upgrade");
        }

        after.Should().BeEquivalentTo(before, o => o.Including(m => m.Epoch).Including(m => m.BatchInEpoch).Including(m => m.GlobalStep)
            .Including(m => m.NoiseGeneratorState).Including(m => m.FixedNoiseCount).Including(m => m.Trainer).Including(m => m.EntryHashes));
    }

    [Fact]
    public void Resuming_from_format_2_gives_the_bits_of_resuming_from_its_current_format_copy_and_the_recorded_steps()
    {
        using var temp = new TemporaryFolder();
        string current = temp.File("resaved.dcgan");
        using (LoadedTrainer copy = Load(Fixture, stopAt: 5))
        {
            copy.Trainer.SaveCheckpoint(current);
        }

        Run fromFormatTwo = Resume(Fixture);
        Run fromCurrent = Resume(current);

        fromFormatTwo.Generator.Should().Equal(fromCurrent.Generator, "the generator after 2 resumed steps, bit for bit on one machine");
        fromFormatTwo.Discriminator.Should().Equal(fromCurrent.Discriminator);
        fromFormatTwo.Samples.Should().Equal(fromCurrent.Samples);
        fromFormatTwo.Losses.Should().Equal(fromCurrent.Losses);

        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Expected));
        JsonElement root = expected.RootElement;
        Floats(fromFormatTwo.Generator).Should().Equal(ExpectedFloats(root.GetProperty("generator")), Close, "349c866's generator after the 2 steps");
        Floats(fromFormatTwo.Discriminator).Should().Equal(ExpectedFloats(root.GetProperty("discriminator")), Close, "349c866's discriminator");
        Floats(fromFormatTwo.Samples).Should().Equal(ExpectedFloats(root.GetProperty("fixedSamples")), Close, "349c866's fixed samples");
        double[] recordedLosses = [.. root.GetProperty("steps").EnumerateArray().SelectMany(s =>
            new[] { "discriminatorLossBits", "generatorLossBits", "realScoreBits", "fakeScoreBits" }.Select(p => BitConverter.Int64BitsToDouble(s.GetProperty(p).GetInt64())))];
        fromFormatTwo.Losses.Select(BitConverter.Int64BitsToDouble).Should().Equal(recordedLosses, (a, b) => Math.Abs(a - b) <= Tolerance * Math.Max(1, Math.Abs(b)),
            "349c866's losses of the 2 resumed steps");
    }

    private static bool Close(float actual, float expected) => Math.Abs(actual - expected) <= Tolerance;

    private static float[] Floats(uint[] bits) => [.. bits.Select(BitConverter.UInt32BitsToSingle)];

    private static float[] ExpectedFloats(JsonElement e) => [.. e.GetProperty("bits").EnumerateArray().Select(x => BitConverter.UInt32BitsToSingle(x.GetUInt32()))];

    private static string AtCheckpoint(string property)
    {
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Expected));
        return expected.RootElement.GetProperty("atCheckpoint").GetProperty(property).GetString()!;
    }

    // Fresh models (another init: the checkpoint must overwrite it), the fixture's data and options, 2 more steps.
    private static Run Resume(string checkpoint)
    {
        using LoadedTrainer t = Load(checkpoint, stopAt: 5);
        TrainingResult result = t.Trainer.Fit();
        result.StepsTrained.Should().Be(2);
        return new Run(
            TrainingFixtures.Bits(TrainingFixtures.Flatten(t.Generator)),
            TrainingFixtures.Bits(TrainingFixtures.Flatten(t.Discriminator)),
            TrainingFixtures.Bits(t.Trainer.GenerateFixedSamples().Pixels),
            [.. t.Losses.SelectMany(l => new[] { l.DiscriminatorLoss, l.GeneratorLoss, l.RealScore, l.FakeScore }).Select(BitConverter.DoubleToInt64Bits)]);
    }

    private static LoadedTrainer Load(string checkpoint, long stopAt)
    {
        var losses = new List<StepLosses>();
        var stop = new LambdaCallback(onBatchEnd: a =>
        {
            losses.Add(a.Losses);
            if (a.Position.GlobalStep == stopAt)
            {
                a.Trainer.RequestStop();
            }
        });
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 999);
        var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64), TrainingFixtures.Setup(TrainingFixtures.FastOptions(), stop));
        trainer.LoadCheckpoint(checkpoint);
        return new LoadedTrainer(trainer, g, d, losses);
    }

    private static string Sha256(float[] values) => Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan())));

    private sealed record Run(uint[] Generator, uint[] Discriminator, uint[] Samples, long[] Losses);

    private sealed record LoadedTrainer(GanTrainer Trainer, DcganGenerator Generator, DcganDiscriminator Discriminator, List<StepLosses> Losses) : IDisposable
    {
        public void Dispose()
        {
            Trainer.Dispose();
            Generator.Dispose();
            Discriminator.Dispose();
        }
    }
}

// LoadCheckpoint is all-or-nothing: for every kind of entry (weights, optimizer states, fixed noise, noise-generator
// state, manifest) that is corrupt, missing or misshaped, it throws a CheckpointException naming the file and the
// entry, and the trainer (weights, optimizer moments, RNG, fixed noise, position) is unchanged bit for bit.
using System.IO.Compression;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

public sealed class CheckpointAllOrNothingTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Cases =>
    [
        "generator weights: a key renamed", "generator weights: truncated", "generator weights: missing", "generator weights: of a wider model",
        "discriminator weights: a key renamed", "discriminator weights: truncated", "discriminator weights: missing", "discriminator weights: of a wider model",
        "generator optimizer: truncated", "generator optimizer: missing", "generator optimizer: the discriminator's",
        "discriminator optimizer: truncated", "discriminator optimizer: missing",
        "fixed noise: truncated", "fixed noise: missing",
        "noise generator state: not base64", "noise generator state: too short", "noise generator state: missing",
        "manifest: edited after writing", "manifest: its hash entry missing", "manifest: negative step", "manifest: batch beyond the epoch",
        "manifest: more steps than batches", "manifest: a declared length that lies",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_damaged_checkpoint_is_refused_naming_file_and_entry_and_the_trainer_is_unchanged_bitwise(string damage)
    {
        string good = SaveGood();
        (string file, string entry) = Damage(good, damage);
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 77);
        using var _g = g;
        using var _d = d;
        var stop = new LambdaCallback(onBatchEnd: a => a.Trainer.RequestStop());
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 1), stop));
        trainer.Fit(); // one step: optimizer moments, RNG state and position are no longer the initial ones
        Dictionary<string, byte[]> before = Fingerprint(trainer);

        Action load = () => trainer.LoadCheckpoint(file);

        load.Should().Throw<CheckpointException>().WithMessage($"*{Path.GetFileName(file)}*{entry}*");
        Dictionary<string, byte[]> after = Fingerprint(trainer);
        after.Keys.Should().BeEquivalentTo(before.Keys);
        foreach ((string name, byte[] bytes) in before)
        {
            after[name].Should().Equal(bytes, $"'{name}' of the trainer must be unchanged after a refused load ({damage})");
        }

        trainer.Position.Should().Be(new TrainingPosition(0, 1, 1, 2));
    }

    [Fact]
    public void The_undamaged_checkpoint_loads_into_the_same_trainer_setup()
    {
        string good = SaveGood();
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 77);
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 1)));

        trainer.LoadCheckpoint(good);

        trainer.Position.Should().Be(new TrainingPosition(1, 0, 2, 2));
    }

    [Fact]
    public void Loading_good_and_refused_checkpoints_leaves_the_live_tensor_count_flat()
    {
        string good = SaveGood();
        (string bad, _) = Damage(good, "discriminator weights: a key renamed");
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 77);
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 1)));
        trainer.LoadCheckpoint(good);
        long live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (int i = 0; i < 3; i++)
        {
            trainer.LoadCheckpoint(good);
            FluentActions.Invoking(() => trainer.LoadCheckpoint(bad)).Should().Throw<CheckpointException>();
        }

        TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(live);
    }

    private (string File, string Entry) Damage(string good, string damage)
    {
        string copy = _temp.File("damaged.dcgan");
        string[] parts = damage.Split(": ");
        string entry = parts[0] switch
        {
            "generator weights" => CheckpointEntries.GeneratorWeights,
            "discriminator weights" => CheckpointEntries.DiscriminatorWeights,
            "generator optimizer" => CheckpointEntries.GeneratorOptimizer,
            "discriminator optimizer" => CheckpointEntries.DiscriminatorOptimizer,
            "fixed noise" => CheckpointEntries.FixedNoise,
            "noise generator state" => nameof(CheckpointManifest.NoiseGeneratorState),
            _ => CheckpointArchive.ManifestEntry,
        };
        switch (damage)
        {
            case var _ when parts[1] == "missing" && parts[0] != "noise generator state":
                return (CheckpointTampering.Rewrite(good, copy, (_, e) => e.Remove(entry)), entry);
            case var _ when parts[1] == "truncated":
                return (CheckpointTampering.Rewrite(good, copy, (_, e) => e[entry] = e[entry][..^5]), entry);
            case var _ when parts[1] == "a key renamed":
                using (var model = parts[0].StartsWith("generator", StringComparison.Ordinal) ? (TorchSharp.torch.nn.Module)TrainingFixtures.Models().Item1 : TrainingFixtures.Models().Item2)
                {
                    string key = model.state_dict().Keys.Last();
                    string renamed = key[..^1] + (key[^1] == 'x' ? 'y' : 'x');
                    return (CheckpointTampering.Rewrite(good, copy, (_, e) => e[entry] = CheckpointTampering.ReplaceLast(e[entry], key, renamed)), entry);
                }

            case var _ when parts[1] == "of a wider model":
                var wider = TrainingFixtures.TinyArchitecture();
                wider.GeneratorWidth = wider.DiscriminatorWidth = 6;
                (DcganGenerator wg, DcganDiscriminator wd) = DcganModels.Create(wider, 1);
                using (wg)
                using (wd)
                {
                    byte[] bytes = ModuleState.Serialize(entry == CheckpointEntries.GeneratorWeights ? wg : wd);
                    return (CheckpointTampering.Rewrite(good, copy, (_, e) => e[entry] = bytes), entry);
                }

            case "generator optimizer: the discriminator's":
                return (CheckpointTampering.Rewrite(good, copy, (_, e) => e[entry] = e[CheckpointEntries.DiscriminatorOptimizer]), entry);
            case "noise generator state: not base64":
                return (CheckpointTampering.Rewrite(good, copy, (m, _) => m.NoiseGeneratorState = "not base64!"), entry);
            case "noise generator state: too short":
                return (CheckpointTampering.Rewrite(good, copy, (m, _) => m.NoiseGeneratorState = Convert.ToBase64String(new byte[16])), entry);
            case "noise generator state: missing":
                return (CheckpointTampering.Rewrite(good, copy, (m, _) => m.NoiseGeneratorState = ""), entry);
            case "manifest: edited after writing":
                return (CheckpointTampering.EditManifest(good, copy, m => m["GlobalStep"] = 1), "SHA-256");
            case "manifest: its hash entry missing":
                File.Copy(good, copy);
                using (var zip = ZipFile.Open(copy, ZipArchiveMode.Update))
                {
                    zip.GetEntry("manifest.sha256")!.Delete();
                }

                return (copy, "manifest.sha256");
            case "manifest: negative step":
                return (CheckpointTampering.Rewrite(good, copy, (m, _) => m.GlobalStep = -3), "GlobalStep is -3");
            case "manifest: batch beyond the epoch":
                return (CheckpointTampering.Rewrite(good, copy, (m, _) => m.BatchInEpoch = 1000), "BatchInEpoch, 1000");
            case "manifest: more steps than batches":
                return (CheckpointTampering.Rewrite(good, copy, (m, _) => m.GlobalStep = 9), "GlobalStep 9) is impossible");
            case "manifest: a declared length that lies":
                return (CheckpointTampering.EditManifestAndHash(good, copy, m => m["EntryLengths"]![CheckpointEntries.FixedNoise] = 12), CheckpointEntries.FixedNoise);
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }

    private string SaveGood() => CheckpointSamples.Trained(_temp.File("good.dcgan"));

    // Everything a checkpoint of the trainer holds (weights, optimizer state, fixed noise, and the manifest with its
    // position and RNG state), except the time it was written.
    private Dictionary<string, byte[]> Fingerprint(GanTrainer trainer)
    {
        string file = _temp.File($"fingerprint-{Guid.NewGuid():N}.dcgan");
        trainer.SaveCheckpoint(file);
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries) = CheckpointArchive.Read(file);
        File.Delete(file);
        manifest.CreatedUtc = default;
        var all = entries.ToDictionary(e => e.Key, e => e.Value);
        all["manifest"] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(manifest);
        return all;
    }
}

// Exact-resume checkpoints of a GanTrainer: networks, optimizer states (under neutral names, with their kind), RNG
// state, fixed noise, position and settings, loaded all or nothing (verified into temporaries, then applied).
// Training maps its options to Persistence's records, never the reverse.
using System.Runtime.InteropServices;
using Dcgan.Generation;
using Dcgan.Models;
using Dcgan.Persistence;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Training;

public sealed partial class GanTrainer
{
    private static readonly string[] RequiredEntries =
    [
        CheckpointEntries.GeneratorWeights, CheckpointEntries.DiscriminatorWeights,
        CheckpointEntries.GeneratorOptimizer, CheckpointEntries.DiscriminatorOptimizer, CheckpointEntries.FixedNoise,
    ];

    /// <summary>
    /// Writes everything needed to continue exactly from <see cref="Position"/> to <paramref name="path"/>, atomically
    /// (a temporary file renamed over the target: a crash never leaves a half-written checkpoint). The optimizer
    /// states are stored under optimizer-neutral names, with <see cref="IOptimizerFactory.Kind"/> in the manifest; the
    /// networks' <see cref="NetworkDescription"/> is recorded, so that a registry holding its kind rebuilds them.
    /// </summary>
    /// <param name="path">The checkpoint file, conventionally named by <see cref="CheckpointLocator.FileName"/>.</param>
    /// <exception cref="DivergenceException">A weight or buffer of either network is NaN or infinite: nothing is written.</exception>
    /// <exception cref="CheckpointException">The file could not be written (a read-only folder, a full disk): the message names the path; any previous file there is unchanged.</exception>
    public void SaveCheckpoint(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfWeightsNotFinite(path);
        var manifest = new CheckpointManifest
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            Epoch = Position.Epoch,
            BatchInEpoch = Position.BatchInEpoch,
            GlobalStep = Position.GlobalStep,
            Trainer = _options.ToCheckpointSettings(OptimizerFactory.Kind),
            Network = NetworkDescription is null ? null : CheckpointNetwork.From(NetworkDescription),
            Architecture = Architecture, // also for readers from before network kinds
            LatentDimension = Generator.LatentDimension,
            LatentDistribution = Generator.LatentDistribution,
            ImageShape = [_data.Shape.Channels, _data.Shape.Height, _data.Shape.Width],
            GeneratorState = ModuleState.Shapes(Generator.Network),
            DiscriminatorState = ModuleState.Shapes(Discriminator.Network),
            FixedNoiseCount = (int)_fixedNoise.shape[0],
            NoiseGeneratorState = Convert.ToBase64String(ModuleState.GeneratorState(_noise)),
            DataDescription = _data.Description,
            DataCount = _data.Count,
        };
        var entries = new Dictionary<string, byte[]>
        {
            [CheckpointEntries.GeneratorWeights] = ModuleState.Serialize(Generator.Network),
            [CheckpointEntries.DiscriminatorWeights] = ModuleState.Serialize(Discriminator.Network),
            [CheckpointEntries.GeneratorOptimizer] = ModuleState.Serialize(_generatorOptimizer),
            [CheckpointEntries.DiscriminatorOptimizer] = ModuleState.Serialize(_discriminatorOptimizer),
            [CheckpointEntries.FixedNoise] = MemoryMarshal.AsBytes(_fixedNoise.data<float>().ToArray().AsSpan()).ToArray(),
        };
        if (_average is not null)
        {
            using (_average.Swap(Generator.Network))
            {
                entries[CheckpointEntries.GeneratorAverageWeights] = ModuleState.Serialize(Generator.Network);
            }
        }

        CheckpointArchive.Write(path, manifest, entries);
        LastGoodCheckpoint = path;
    }

    /// <summary>
    /// Restores a checkpoint written by <see cref="SaveCheckpoint"/> (also by earlier versions of this library) so that
    /// <see cref="Fit"/> continues exactly where it left off. All or nothing: every entry (both networks, both
    /// optimizer states, the fixed noise, the noise generator's state, the manifest and its position) is read and
    /// verified into temporaries first and applied only when all of them are good; on any failure the trainer and its
    /// networks are unchanged.
    /// </summary>
    /// <param name="path">A checkpoint file, or a run folder (its newest checkpoint).</param>
    /// <exception cref="CheckpointException">
    /// The file is missing, truncated or corrupt (the message names the entry); it was made for another architecture,
    /// data set (image count or shape), drop-last setting, batch size or seed; or its optimizer state is of another
    /// kind than <see cref="OptimizerFactory"/> builds, or does not load (the message names the difference).
    /// </exception>
    public void LoadCheckpoint(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        string file = CheckpointLocator.Resolve(path);
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries) = CheckpointArchive.Read(file); // hashes, lengths, ranges
        ThrowIfIncompatible(file, manifest);
        foreach (string entry in RequiredEntries.Where(e => !entries.ContainsKey(e)))
        {
            throw new CheckpointException($"Checkpoint '{file}' has no '{entry}' entry: it was not written by GanTrainer.SaveCheckpoint.");
        }

        // 1. Verify everything into temporaries; nothing of the trainer changes here.
        ThrowIfWeightsDoNotFit(file, entries, CheckpointEntries.GeneratorWeights, Generator.Network);
        ThrowIfWeightsDoNotFit(file, entries, CheckpointEntries.DiscriminatorWeights, Discriminator.Network);
        bool savedAverage = entries.ContainsKey(CheckpointEntries.GeneratorAverageWeights);
        if (_average is not null && savedAverage)
        {
            ThrowIfWeightsDoNotFit(file, entries, CheckpointEntries.GeneratorAverageWeights, Generator.Network);
        }

        ThrowIfOptimizerStateDoesNotLoad(file, entries);
        byte[] noiseState = VerifiedNoiseState(file, manifest.NoiseGeneratorState);
        float[] fixedNoise = VerifiedFixedNoise(file, manifest, entries[CheckpointEntries.FixedNoise]);

        // 2. Apply. Networks load on the CPU, then move; the optimizers are rebuilt for the (possibly new) parameters
        // and then given their saved state (TorchSharp keys optimizer state by parameter).
        Generator.Network.to(CPU);
        Discriminator.Network.to(CPU);
        ModuleState.Load(Generator.Network, entries[CheckpointEntries.GeneratorWeights], file, CheckpointEntries.GeneratorWeights);
        ModuleState.Load(Discriminator.Network, entries[CheckpointEntries.DiscriminatorWeights], file, CheckpointEntries.DiscriminatorWeights);
        LoadAverage(file, entries, savedAverage);
        Generator.Network.to(Device);
        Discriminator.Network.to(Device);
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        (_generatorOptimizer, _discriminatorOptimizer) = CreateOptimizers();
        ModuleState.Load(_generatorOptimizer, entries[CheckpointEntries.GeneratorOptimizer], file, CheckpointEntries.GeneratorOptimizer);
        ModuleState.Load(_discriminatorOptimizer, entries[CheckpointEntries.DiscriminatorOptimizer], file, CheckpointEntries.DiscriminatorOptimizer);
        using (var state = tensor(noiseState))
        {
            _noise.set_state(state);
        }

        using (no_grad())
        using (var saved = tensor(fixedNoise, _fixedNoise.shape))
        {
            _fixedNoise.copy_(saved);
        }

        Position = new TrainingPosition(manifest.Epoch, manifest.BatchInEpoch, manifest.GlobalStep, BatchesPerEpoch);
        LastGoodCheckpoint = file;
    }

    // The saved average goes into the trainer's through the generator (the entry has the generator's format); a
    // checkpoint written without one starts the average from the loaded weights. Without an average, the entry is ignored.
    private void LoadAverage(string file, IReadOnlyDictionary<string, byte[]> entries, bool saved)
    {
        if (_average is null)
        {
            return;
        }

        if (!saved)
        {
            _average.Reset(Generator.Network);
            return;
        }

        using (_average.Swap(Generator.Network))
        {
            ModuleState.Load(Generator.Network, entries[CheckpointEntries.GeneratorAverageWeights], file, CheckpointEntries.GeneratorAverageWeights);
        }
    }

    private static void ThrowIfWeightsDoNotFit(string file, IReadOnlyDictionary<string, byte[]> entries, string entry, nn.Module network) =>
        StateDictCheck.ThrowIfDoesNotFit(entries[entry], network, file, entry);

    // Loads both saved optimizer states into throwaway optimizers over the current parameters (same shapes, verified
    // before), so that state that does not load is refused before anything of the trainer changes.
    private void ThrowIfOptimizerStateDoesNotLoad(string file, IReadOnlyDictionary<string, byte[]> entries)
    {
        (optim.Optimizer generator, optim.Optimizer discriminator) = CreateOptimizers();
        using (generator)
        using (discriminator)
        {
            ModuleState.Load(generator, entries[CheckpointEntries.GeneratorOptimizer], file, CheckpointEntries.GeneratorOptimizer);
            ModuleState.Load(discriminator, entries[CheckpointEntries.DiscriminatorOptimizer], file, CheckpointEntries.DiscriminatorOptimizer);
        }
    }

    // The noise generator's saved state, set on a throwaway generator first (the manifest checks already refused a
    // state that libtorch would abort on).
    private byte[] VerifiedNoiseState(string file, string base64)
    {
        byte[] bytes = Convert.FromBase64String(base64);
        using Tensor current = _noise.get_state();
        if (bytes.Length != current.NumberOfElements)
        {
            throw new CheckpointException($"Checkpoint '{file}': {nameof(CheckpointManifest.NoiseGeneratorState)} has {bytes.Length} bytes; this trainer's generator state has {current.NumberOfElements}.");
        }

        using var probe = new torch.Generator(0);
        using var state = tensor(bytes);
        probe.set_state(state);
        return bytes;
    }

    private float[] VerifiedFixedNoise(string file, CheckpointManifest manifest, byte[] bytes)
    {
        if (bytes.Length != _fixedNoise.NumberOfElements * sizeof(float))
        {
            throw new CheckpointException(
                $"Checkpoint '{file}': '{CheckpointEntries.FixedNoise}' has {bytes.Length} bytes; {manifest.FixedNoiseCount} vectors of {Generator.LatentDimension} floats need {_fixedNoise.NumberOfElements * sizeof(float)}.");
        }

        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    private void ThrowIfIncompatible(string file, CheckpointManifest manifest)
    {
        var problems = new List<string>();
        if (manifest.DataCount != _data.Count)
        {
            problems.Add($"it was trained on {manifest.DataCount} images ({manifest.DataDescription}), this trainer's data has {_data.Count} ({_data.Description})");
        }

        int[] shape = [_data.Shape.Channels, _data.Shape.Height, _data.Shape.Width];
        if (!manifest.ImageShape.SequenceEqual(shape))
        {
            problems.Add($"it was trained on images of [{string.Join(", ", manifest.ImageShape)}], this trainer's data has [{string.Join(", ", shape)}] (channels, height, width)");
        }

        if (NetworkDescription is not null && manifest.Network is not null)
        {
            problems.AddRange(NetworkDifferences(manifest.Network.ToDescription()));
        }

        problems.AddRange(ModuleState.CompareShapes("generator", manifest.GeneratorState, ModuleState.Shapes(Generator.Network)));
        problems.AddRange(ModuleState.CompareShapes("discriminator", manifest.DiscriminatorState, ModuleState.Shapes(Discriminator.Network)));
        if (manifest.FixedNoiseCount != _fixedNoise.shape[0])
        {
            problems.Add($"FixedSampleCount is {manifest.FixedNoiseCount} in the checkpoint but {_fixedNoise.shape[0]} in this trainer");
        }

        CheckpointTrainerSettings saved = manifest.Trainer;
        if (saved.DropLastBatch != _options.DropLastBatch)
        {
            problems.Add($"DropLastBatch is {saved.DropLastBatch} in the checkpoint but {_options.DropLastBatch} in this trainer");
        }

        if (manifest.BatchInEpoch > BatchesPerEpoch || manifest.GlobalStep > ((long)manifest.Epoch * BatchesPerEpoch) + manifest.BatchInEpoch)
        {
            problems.Add($"its position (Epoch {manifest.Epoch}, BatchInEpoch {manifest.BatchInEpoch}, GlobalStep {manifest.GlobalStep}) is impossible with {BatchesPerEpoch} batches per epoch");
        }

        if (saved.BatchSize != _options.BatchSize || saved.Seed != _options.Seed)
        {
            problems.Add($"an exact resume needs the same BatchSize and Seed: the checkpoint has {saved.BatchSize} and {saved.Seed}, this trainer {_options.BatchSize} and {_options.Seed}");
        }

        if (!string.Equals(saved.OptimizerKind, OptimizerFactory.Kind, StringComparison.Ordinal))
        {
            string written = string.IsNullOrEmpty(saved.OptimizerKind) ? "an unnamed optimizer" : $"the {saved.OptimizerKind} optimizer";
            problems.Add($"its optimizer state was written by {written}, but this trainer's {OptimizerFactory.GetType().Name} builds {OptimizerFactory.Kind}: resume with a factory of the same kind");
        }

        if (problems.Count > 0)
        {
            throw new CheckpointException($"Checkpoint '{file}' does not fit this trainer: {string.Join("; ", problems.Take(8))}{(problems.Count > 8 ? $"; and {problems.Count - 8} more" : "")}.");
        }
    }

    // How the checkpoint's network description differs from this trainer's: the kind, each DCGAN option, or the JSON.
    private IEnumerable<string> NetworkDifferences(NetworkDescription saved)
    {
        NetworkDescription current = NetworkDescription!;
        if (saved.Kind != current.Kind)
        {
            return [$"its networks are of kind '{saved.Kind}', this trainer's of kind '{current.Kind}'"];
        }

        if (saved.Kind == DcganNetworkBuilder.KindName)
        {
            return ModuleState.DescribeDifferences(saved.Read<DcganModelOptions>(), Architecture!);
        }

        return saved.Equals(current) ? [] : [$"its network description is {saved.Json}, this trainer's is {current.Json}"];
    }
}

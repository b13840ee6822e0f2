// Exact-resume checkpoints of a GanTrainer: networks, optimizer states, RNG state, fixed noise, position, options.
using Dcgan.Data;
using System.Runtime.InteropServices;
using Dcgan.Persistence;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Training;

public sealed partial class GanTrainer
{
    private const string GeneratorEntry = CheckpointModels.GeneratorEntry;
    private const string DiscriminatorEntry = CheckpointModels.DiscriminatorEntry;
    private const string GeneratorOptimizerEntry = "generator.adam";
    private const string DiscriminatorOptimizerEntry = "discriminator.adam";
    private const string FixedNoiseEntry = "fixed-noise.f32";

    /// <summary>
    /// Writes everything needed to continue exactly from <see cref="Position"/> to <paramref name="path"/>, atomically
    /// (a temporary file renamed over the target: a crash never leaves a half-written checkpoint).
    /// </summary>
    /// <param name="path">The checkpoint file, conventionally named by <see cref="CheckpointLocator.FileName"/>.</param>
    public void SaveCheckpoint(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var manifest = new CheckpointManifest
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            Epoch = Position.Epoch,
            BatchInEpoch = Position.BatchInEpoch,
            GlobalStep = Position.GlobalStep,
            TrainerOptions = _options.Clone(),
            Architecture = Architecture?.Clone(),
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
            [GeneratorEntry] = ModuleState.Serialize(Generator.Network),
            [DiscriminatorEntry] = ModuleState.Serialize(Discriminator.Network),
            [GeneratorOptimizerEntry] = ModuleState.Serialize(_generatorOptimizer),
            [DiscriminatorOptimizerEntry] = ModuleState.Serialize(_discriminatorOptimizer),
            [FixedNoiseEntry] = MemoryMarshal.AsBytes(_fixedNoise.data<float>().ToArray().AsSpan()).ToArray(),
        };
        CheckpointArchive.Write(path, manifest, entries);
    }

    /// <summary>
    /// Restores a checkpoint written by <see cref="SaveCheckpoint"/> so that <see cref="Fit"/> continues exactly where it
    /// left off. Everything is verified first; on any mismatch nothing is changed.
    /// </summary>
    /// <param name="path">A checkpoint file, or a run folder (its newest checkpoint).</param>
    /// <exception cref="CheckpointException">The file is missing, truncated or corrupt, or was made for another architecture (the message names the difference).</exception>
    public void LoadCheckpoint(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        string file = CheckpointLocator.Resolve(path);
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries) = CheckpointArchive.Read(file);
        ThrowIfIncompatible(file, manifest);
        foreach (string entry in new[] { GeneratorEntry, DiscriminatorEntry, GeneratorOptimizerEntry, DiscriminatorOptimizerEntry, FixedNoiseEntry })
        {
            if (!entries.ContainsKey(entry))
            {
                throw new CheckpointException($"Checkpoint '{file}' has no '{entry}' entry: it was not written by GanTrainer.SaveCheckpoint.");
            }
        }

        if (entries[FixedNoiseEntry].Length != _fixedNoise.NumberOfElements * sizeof(float))
        {
            throw new CheckpointException(
                $"Checkpoint '{file}': '{FixedNoiseEntry}' has {entries[FixedNoiseEntry].Length} bytes; {manifest.FixedNoiseCount} vectors of {Generator.LatentDimension} floats need {_fixedNoise.NumberOfElements * sizeof(float)}.");
        }

        // Networks load on the CPU, then move; the optimizers are rebuilt for the (possibly new) parameters and
        // then given their saved state (TorchSharp keys optimizer state by parameter).
        Generator.Network.to(CPU);
        Discriminator.Network.to(CPU);
        ModuleState.Load(Generator.Network, entries[GeneratorEntry], file, "generator");
        ModuleState.Load(Discriminator.Network, entries[DiscriminatorEntry], file, "discriminator");
        Generator.Network.to(Device);
        Discriminator.Network.to(Device);
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        (_generatorOptimizer, _discriminatorOptimizer) = CreateOptimizers();
        _step = new AdversarialStep(Generator, Discriminator, _loss);
        ModuleState.Load(_generatorOptimizer, entries[GeneratorOptimizerEntry]);
        ModuleState.Load(_discriminatorOptimizer, entries[DiscriminatorOptimizerEntry]);

        using (var state = tensor(Convert.FromBase64String(manifest.NoiseGeneratorState)))
        {
            _noise.set_state(state);
        }

        using (no_grad())
        using (var saved = tensor(MemoryMarshal.Cast<byte, float>(entries[FixedNoiseEntry]).ToArray(), _fixedNoise.shape))
        {
            _fixedNoise.copy_(saved);
        }

        Position = new TrainingPosition(manifest.Epoch, manifest.BatchInEpoch, manifest.GlobalStep, BatchesPerEpoch);
    }

    private void ThrowIfIncompatible(string file, CheckpointManifest manifest)
    {
        var problems = new List<string>();
        if (Architecture is not null && manifest.Architecture is not null)
        {
            problems.AddRange(ModuleState.DescribeDifferences(manifest.Architecture, Architecture));
        }

        problems.AddRange(ModuleState.CompareShapes("generator", manifest.GeneratorState, ModuleState.Shapes(Generator.Network)));
        problems.AddRange(ModuleState.CompareShapes("discriminator", manifest.DiscriminatorState, ModuleState.Shapes(Discriminator.Network)));
        if (manifest.FixedNoiseCount != _fixedNoise.shape[0])
        {
            problems.Add($"FixedSampleCount is {manifest.FixedNoiseCount} in the checkpoint but {_fixedNoise.shape[0]} in this trainer");
        }

        if (manifest.TrainerOptions.BatchSize != _options.BatchSize || manifest.TrainerOptions.Seed != _options.Seed)
        {
            problems.Add($"an exact resume needs the same BatchSize and Seed: the checkpoint has {manifest.TrainerOptions.BatchSize} and {manifest.TrainerOptions.Seed}, this trainer {_options.BatchSize} and {_options.Seed}");
        }

        if (problems.Count > 0)
        {
            throw new CheckpointException($"Checkpoint '{file}' does not fit this trainer: {string.Join("; ", problems.Take(8))}{(problems.Count > 8 ? $"; and {problems.Count - 8} more" : "")}.");
        }
    }
}

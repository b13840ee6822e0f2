// Range checks on a parsed manifest: every position, count, shape, hash, length and the noise generator's state
// must be plausible before anything is loaded; one exception lists every problem with its value. Model-only
// checkpoints (converted weights: no trainer settings, no RNG state) pass; the trainer refuses to resume from them.
using Dcgan.Models;

namespace Dcgan.Persistence;

/// <summary>Checks the values of a manifest (not whether it fits a model: that is the loader's job).</summary>
internal static class CheckpointManifestChecks
{
    /// <summary>The largest number of fixed latent vectors accepted.</summary>
    private const int MaximumFixedNoise = 1 << 20;

    /// <summary>Throws when a value of <paramref name="manifest"/> is out of range.</summary>
    /// <param name="manifest">The parsed, upgraded manifest.</param>
    /// <param name="declaresLengths">Whether the file's format records entry lengths (version 3 and later).</param>
    /// <param name="file">The checkpoint file, for messages.</param>
    /// <exception cref="CheckpointException">Lists every out-of-range value.</exception>
    public static void ThrowIfOutOfRange(CheckpointManifest manifest, bool declaresLengths, string file)
    {
        List<string> problems = Problems(manifest, declaresLengths).ToList();
        if (problems.Count > 0)
        {
            throw new CheckpointException($"Checkpoint '{file}', entry '{CheckpointArchive.ManifestEntry}': {string.Join("; ", problems.Take(8))}{(problems.Count > 8 ? $"; and {problems.Count - 8} more" : "")}.");
        }
    }

    private static IEnumerable<string> Problems(CheckpointManifest m, bool declaresLengths)
    {
        if (m.Epoch < 0)
        {
            yield return $"Epoch is {m.Epoch} (expected 0 or more)";
        }

        if (m.BatchInEpoch < 0)
        {
            yield return $"BatchInEpoch is {m.BatchInEpoch} (expected 0 or more)";
        }

        if (m.GlobalStep < Math.Max(0, m.BatchInEpoch))
        {
            yield return $"GlobalStep is {m.GlobalStep} (expected at least BatchInEpoch, {m.BatchInEpoch}, and 0)";
        }

        if (m.FixedNoiseCount is < 0 or > MaximumFixedNoise)
        {
            yield return $"FixedNoiseCount is {m.FixedNoiseCount} (expected 0 to {MaximumFixedNoise})";
        }

        if (m.LatentDimension < 1)
        {
            yield return $"LatentDimension is {m.LatentDimension} (expected 1 or more)";
        }

        if (m.DataCount < 0)
        {
            yield return $"DataCount is {m.DataCount} (expected 0 or more)";
        }

        if (m.ImageShape is not { Length: 3 } || m.ImageShape.Any(d => d < 1))
        {
            yield return $"ImageShape is [{string.Join(", ", m.ImageShape ?? [])}] (expected channels, height, width, each 1 or more)";
        }

        if (m.Trainer is null || m.Trainer.BatchSize < 0)
        {
            yield return $"Trainer.BatchSize is {m.Trainer?.BatchSize.ToString() ?? "missing"} (expected 1 or more, or 0 for a model-only checkpoint)";
        }

        foreach ((string name, Dictionary<string, long[]>? state) in new[] { ("GeneratorState", m.GeneratorState), ("DiscriminatorState", m.DiscriminatorState) })
        {
            if (state is null || state.Any(kv => kv.Value is null || kv.Value.Any(d => d < 0)))
            {
                yield return $"{name} is missing or has a negative or missing dimension";
            }
        }

        if (m.EntryHashes is null || m.EntryHashes.Any(kv => kv.Value is not { Length: 64 } || !kv.Value.All(Uri.IsHexDigit)))
        {
            yield return "EntryHashes is missing or holds a value that is not 64 hexadecimal digits (SHA-256)";
        }
        else if (declaresLengths)
        {
            foreach (string entry in m.EntryHashes.Keys.Where(e => m.EntryLengths is null || !m.EntryLengths.ContainsKey(e)))
            {
                yield return $"EntryLengths has no length for '{entry}'";
            }
        }

        if (m.Architecture is not null && new DcganModelOptionsValidator().Failures(m.Architecture) is { Count: > 0 } failures)
        {
            yield return $"Architecture is invalid: {string.Join("; ", failures)}";
        }

        if (m.Network is not null && NetworkProblem(m.Network, m.Architecture) is { } network)
        {
            yield return network;
        }

        // Empty in model-only checkpoints (converted weights); GanTrainer.LoadCheckpoint then refuses to resume from them.
        string? noise = m.NoiseGeneratorState is null ? "is missing"
            : m.NoiseGeneratorState.Length == 0 ? null
            : NoiseGeneratorState.Problem(m.NoiseGeneratorState);
        if (noise is not null)
        {
            yield return $"{nameof(CheckpointManifest.NoiseGeneratorState)} {noise}";
        }
    }

    // A network record needs a kind and an object; a "dcgan" one must be valid DCGAN options, equal to Architecture
    // when both are written.
    private static string? NetworkProblem(CheckpointNetwork network, DcganModelOptions? architecture)
    {
        if (string.IsNullOrWhiteSpace(network.Kind))
        {
            return "Network.Kind is empty";
        }

        if (network.Description is null)
        {
            return $"Network.Description of kind '{network.Kind}' is missing";
        }

        if (network.Kind != DcganNetworkBuilder.KindName)
        {
            return null;
        }

        DcganModelOptions options;
        try
        {
            options = network.ToDescription().Read<DcganModelOptions>();
        }
        catch (ArgumentException e)
        {
            return $"Network.Description is not valid: {e.Message}";
        }

        if (new DcganModelOptionsValidator().Failures(options) is { Count: > 0 } failures)
        {
            return $"Network.Description is invalid: {string.Join("; ", failures)}";
        }

        return architecture is not null && ModuleState.DescribeDifferences(architecture, options).FirstOrDefault() is { } difference
            ? $"Architecture and Network disagree: {difference.Replace("in the checkpoint but", "in Architecture but", StringComparison.Ordinal).Replace("in this model", "in Network", StringComparison.Ordinal)}"
            : null;
    }
}

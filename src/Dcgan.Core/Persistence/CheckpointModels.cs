// Rebuilds trained networks from a checkpoint, for generation and evaluation (no trainer needed).
using Dcgan.Native;
using Dcgan.Models;

namespace Dcgan.Persistence;

/// <summary>Loads the networks stored in a checkpoint, rebuilt from the architecture recorded in it.</summary>
public static class CheckpointModels
{
    /// <summary>
    /// Rebuilds the generator of a checkpoint, on the CPU, in eval mode (running batch-norm statistics). The
    /// caller owns (disposes) it; move it to a device with <c>Network.to(device)</c>.
    /// </summary>
    /// <param name="path">A checkpoint file or a run folder (its newest checkpoint).</param>
    /// <param name="preferAverage">Load the average of the generator's weights when the run kept one
    /// (<see cref="CheckpointEntries.GeneratorAverageWeights"/>); false loads the trained weights. The default value is true.</param>
    /// <exception cref="Dcgan.Native.TorchLoadException">TorchSharp's native library cannot be loaded.</exception>
    /// <exception cref="CheckpointException">Missing, corrupt, made for custom networks (no architecture recorded), or inconsistent.</exception>
    public static (DcganGenerator Generator, CheckpointManifest Manifest) LoadGenerator(string path, bool preferAverage = true)
    {
        TorchRuntime.EnsureLoaded();
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries, string file) = Open(path, CheckpointEntries.GeneratorWeights);
        string entry = preferAverage && entries.ContainsKey(CheckpointEntries.GeneratorAverageWeights)
            ? CheckpointEntries.GeneratorAverageWeights
            : CheckpointEntries.GeneratorWeights;
        using var rng = new TorchSharp.torch.Generator(0); // weights are overwritten; a private generator keeps the global RNG untouched
        var generator = new DcganGenerator(manifest.Architecture!, rng);
        return (Fill(generator, manifest.GeneratorState, entries[entry], file, entry), manifest);
    }

    /// <summary>
    /// Rebuilds the discriminator of a checkpoint, on the CPU, in eval mode. The caller owns (disposes) it.
    /// </summary>
    /// <param name="path">A checkpoint file or a run folder (its newest checkpoint).</param>
    /// <exception cref="Dcgan.Native.TorchLoadException">TorchSharp's native library cannot be loaded.</exception>
    /// <exception cref="CheckpointException">Missing, corrupt, without a discriminator, or inconsistent.</exception>
    public static (DcganDiscriminator Discriminator, CheckpointManifest Manifest) LoadDiscriminator(string path)
    {
        TorchRuntime.EnsureLoaded();
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries, string file) = Open(path, CheckpointEntries.DiscriminatorWeights);
        using var rng = new TorchSharp.torch.Generator(0);
        var discriminator = new DcganDiscriminator(manifest.Architecture!, rng);
        return (Fill(discriminator, manifest.DiscriminatorState, entries[CheckpointEntries.DiscriminatorWeights], file, CheckpointEntries.DiscriminatorWeights), manifest);
    }

    private static (CheckpointManifest, IReadOnlyDictionary<string, byte[]>, string) Open(string path, string entry)
    {
        string file = CheckpointLocator.Resolve(path);
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> entries) = CheckpointArchive.Read(file);
        if (manifest.Architecture is null)
        {
            throw new CheckpointException($"Checkpoint '{file}' records no DCGAN architecture (it was trained with custom networks); build the networks yourself and load '{entry}'.");
        }

        if (!entries.ContainsKey(entry))
        {
            throw new CheckpointException($"Checkpoint '{file}' has no '{entry}' entry.");
        }

        return (manifest, entries, file);
    }

    private static T Fill<T>(T network, Dictionary<string, long[]> savedShapes, byte[] bytes, string file, string what)
        where T : TorchSharp.torch.nn.Module
    {
        try
        {
            string[] problems = ModuleState.CompareShapes(what, savedShapes, ModuleState.Shapes(network)).ToArray();
            if (problems.Length > 0)
            {
                throw new CheckpointException($"Checkpoint '{file}' is inconsistent with its own architecture: {string.Join("; ", problems)}.");
            }

            ModuleState.Load(network, bytes, file, what);
            network.eval();
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }
}

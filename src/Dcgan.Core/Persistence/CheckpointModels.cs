// Rebuilds trained networks from a checkpoint through the network builder of its recorded kind (no trainer needed),
// and writes networks as a model-only checkpoint.
using Dcgan.Models;
using Dcgan.Native;
using TorchSharp;

namespace Dcgan.Persistence;

/// <summary>
/// Loads the networks stored in a checkpoint, rebuilt by the <see cref="INetworkBuilder"/> of the kind recorded in it
/// (looked up in a <see cref="NetworkBuilderRegistry"/>; "dcgan" is always known), and writes model-only checkpoints.
/// </summary>
public static class CheckpointModels
{
    /// <summary>
    /// Rebuilds the generator of a checkpoint, on the CPU, in eval mode (running batch-norm statistics). The caller
    /// owns (disposes) it; move it to a device with <c>Network.to(device)</c>.
    /// </summary>
    /// <param name="path">A checkpoint file or a run folder (its newest checkpoint).</param>
    /// <param name="builders">The builders to rebuild it with; null means a registry holding only "dcgan".</param>
    /// <param name="preferAverage">Load the average of the generator's weights when the run kept one
    /// (<c>GanTrainerOptions.GeneratorEmaDecay</c> above 0); false loads the trained weights. The default value is true.</param>
    /// <returns>The generator and what the checkpoint records.</returns>
    /// <exception cref="Dcgan.Native.TorchLoadException">TorchSharp's native library cannot be loaded.</exception>
    /// <exception cref="CheckpointException">Missing, corrupt, without a network description, of a kind no builder is registered for, or inconsistent.</exception>
    public static (IGenerator Generator, CheckpointInfo Checkpoint) LoadGenerator(string path, NetworkBuilderRegistry? builders = null, bool preferAverage = true) =>
        LoadGenerator<IGenerator>(path, builders, preferAverage);

    /// <summary>As <see cref="LoadGenerator(string, NetworkBuilderRegistry?, bool)"/>, for a generator of a known type (<c>LoadGenerator&lt;DcganGenerator&gt;(path)</c>).</summary>
    /// <typeparam name="TGenerator">The generator type the caller needs.</typeparam>
    /// <param name="path">A checkpoint file or a run folder (its newest checkpoint).</param>
    /// <param name="builders">The builders to rebuild it with; null means a registry holding only "dcgan".</param>
    /// <param name="preferAverage">Load the generator's weight average when the checkpoint holds one; the default value is true.</param>
    /// <returns>The generator and what the checkpoint records.</returns>
    /// <exception cref="CheckpointException">As the untyped overload, or the generator is not a <typeparamref name="TGenerator"/>.</exception>
    public static (TGenerator Generator, CheckpointInfo Checkpoint) LoadGenerator<TGenerator>(string path, NetworkBuilderRegistry? builders = null, bool preferAverage = true)
        where TGenerator : class, IGenerator =>
        Load<TGenerator>(path, builders, preferAverage ? [CheckpointEntries.GeneratorAverageWeights, CheckpointEntries.GeneratorWeights] : [CheckpointEntries.GeneratorWeights]);

    /// <summary>Rebuilds the discriminator of a checkpoint, on the CPU, in eval mode. The caller owns (disposes) it.</summary>
    /// <param name="path">A checkpoint file or a run folder (its newest checkpoint).</param>
    /// <param name="builders">The builders to rebuild it with; null means a registry holding only "dcgan".</param>
    /// <returns>The discriminator and what the checkpoint records.</returns>
    /// <exception cref="Dcgan.Native.TorchLoadException">TorchSharp's native library cannot be loaded.</exception>
    /// <exception cref="CheckpointException">Missing, corrupt, without a discriminator or a network description, of an unknown kind, or inconsistent.</exception>
    public static (IDiscriminator Discriminator, CheckpointInfo Checkpoint) LoadDiscriminator(string path, NetworkBuilderRegistry? builders = null) =>
        LoadDiscriminator<IDiscriminator>(path, builders);

    /// <summary>As <see cref="LoadDiscriminator(string, NetworkBuilderRegistry?)"/>, for a discriminator of a known type.</summary>
    /// <typeparam name="TDiscriminator">The discriminator type the caller needs.</typeparam>
    /// <param name="path">A checkpoint file or a run folder (its newest checkpoint).</param>
    /// <param name="builders">The builders to rebuild it with; null means a registry holding only "dcgan".</param>
    /// <returns>The discriminator and what the checkpoint records.</returns>
    /// <exception cref="CheckpointException">As the untyped overload, or the discriminator is not a <typeparamref name="TDiscriminator"/>.</exception>
    public static (TDiscriminator Discriminator, CheckpointInfo Checkpoint) LoadDiscriminator<TDiscriminator>(string path, NetworkBuilderRegistry? builders = null)
        where TDiscriminator : class, IDiscriminator =>
        Load<TDiscriminator>(path, builders, [CheckpointEntries.DiscriminatorWeights]);

    /// <summary>
    /// Writes the weights of <paramref name="generator"/> (and <paramref name="discriminator"/>) as a model-only
    /// checkpoint (no optimizer or noise state: it loads and serves, but does not resume), atomically.
    /// </summary>
    /// <param name="path">The checkpoint file (conventionally <see cref="Checkpoints.FileExtension"/>); its folder is created.</param>
    /// <param name="generator">The generator, built from <paramref name="description"/>.</param>
    /// <param name="discriminator">The discriminator built with it, or null for a generator-only checkpoint.</param>
    /// <param name="description">What both were built from: loading rebuilds them through its kind's builder.</param>
    /// <param name="dataDescription">Where the weights come from, recorded as the data description.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="CheckpointException">The file could not be written; any previous file there is unchanged.</exception>
    public static CheckpointInfo Save(string path, IGenerator generator, IDiscriminator? discriminator, NetworkDescription description, string dataDescription)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(description);
        var manifest = new CheckpointManifest
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            Network = CheckpointNetwork.From(description),
            Architecture = description.Kind == DcganNetworkBuilder.KindName ? description.Read<DcganModelOptions>() : null,
            LatentDimension = generator.LatentDimension,
            LatentDistribution = generator.LatentDistribution,
            ImageShape = [generator.ImageShape.Channels, generator.ImageShape.Height, generator.ImageShape.Width],
            GeneratorState = ModuleState.Shapes(generator.Network),
            DiscriminatorState = discriminator is null ? [] : ModuleState.Shapes(discriminator.Network),
            DataDescription = dataDescription ?? "",
        };
        var entries = new Dictionary<string, byte[]> { [CheckpointEntries.GeneratorWeights] = ModuleState.Serialize(generator.Network) };
        if (discriminator is not null)
        {
            entries[CheckpointEntries.DiscriminatorWeights] = ModuleState.Serialize(discriminator.Network);
        }

        string full = Path.GetFullPath(path);
        CheckpointArchive.Write(full, manifest, entries);
        return new CheckpointInfo(full, manifest);
    }

    // Reads and verifies the whole file, then builds both networks through the recorded kind's builder. The weights
    // are the first of `entries` the file holds (the generator's average before its trained weights).
    private static (GanNetworks Networks, CheckpointManifest Manifest, byte[] Bytes, string Entry, string File) Open(string path, NetworkBuilderRegistry? builders, string[] entries)
    {
        TorchRuntime.EnsureLoaded();
        string file = CheckpointLocator.Resolve(path);
        (CheckpointManifest manifest, IReadOnlyDictionary<string, byte[]> stored) = CheckpointArchive.Read(file);
        if (manifest.Network is null)
        {
            throw new CheckpointException(
                $"Checkpoint '{file}' records no network description (its networks were not built by a network builder); build them yourself and load them with GanTrainer.LoadCheckpoint.");
        }

        string entry = entries.FirstOrDefault(stored.ContainsKey) ?? throw new CheckpointException($"Checkpoint '{file}' has no '{entries[^1]}' entry.");
        byte[] bytes = stored[entry];

        builders ??= new NetworkBuilderRegistry();
        NetworkDescription description = manifest.Network.ToDescription();
        if (!builders.Contains(description.Kind))
        {
            throw new CheckpointException(
                $"Checkpoint '{file}' holds networks of kind '{description.Kind}', for which no builder is registered (registered: {string.Join(", ", builders.Kinds)}); register its INetworkBuilder in the NetworkBuilderRegistry passed here.");
        }

        try
        {
            return (builders.Build(description, seed: 0), manifest, bytes, entry, file); // weights are overwritten; the builder's private RNG leaves the global one untouched
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException($"Checkpoint '{file}': its network description ({description.Kind}) does not build: {e.Message}", e);
        }
    }

    // Builds both networks, keeps the one stored under `entry` (generator or discriminator) as a T and fills it.
    private static (T Network, CheckpointInfo Checkpoint) Load<T>(string path, NetworkBuilderRegistry? builders, string[] entries)
        where T : class
    {
        (GanNetworks networks, CheckpointManifest manifest, byte[] bytes, string entry, string file) = Open(path, builders, entries);
        bool generator = entry != CheckpointEntries.DiscriminatorWeights;
        (IDisposable kept, IDisposable dropped) = generator ? (networks.Generator, networks.Discriminator) : ((IDisposable)networks.Discriminator, (IDisposable)networks.Generator);
        dropped.Dispose();
        if (kept is not T typed)
        {
            kept.Dispose();
            throw new CheckpointException(
                $"Checkpoint '{file}' holds networks of kind '{networks.Description.Kind}', whose {(generator ? "generator" : "discriminator")} is a {kept.GetType().Name}, not a {typeof(T).Name}.");
        }

        torch.nn.Module module = generator ? networks.Generator.Network : networks.Discriminator.Network;
        Fill(module, kept, generator ? manifest.GeneratorState : manifest.DiscriminatorState, bytes, file, entry);
        return (typed, new CheckpointInfo(file, manifest));
    }

    // Checks the recorded shapes against the rebuilt network, loads the weights and switches to eval mode; on failure
    // the network is disposed.
    private static void Fill(torch.nn.Module module, IDisposable owner, Dictionary<string, long[]> savedShapes, byte[] bytes, string file, string what)
    {
        try
        {
            string[] problems = ModuleState.CompareShapes(what, savedShapes, ModuleState.Shapes(module)).ToArray();
            if (problems.Length > 0)
            {
                throw new CheckpointException($"Checkpoint '{file}' is inconsistent with its own network description: {string.Join("; ", problems)}.");
            }

            ModuleState.Load(module, bytes, file, what);
            module.eval();
        }
        catch
        {
            owner.Dispose();
            throw;
        }
    }
}

// Conversions between TorchSharp modules/optimizers and bytes, and the comparisons that name a mismatch.
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Persistence;

/// <summary>Serialises modules and optimizers to TorchSharp's binary format and compares state-dict shapes.</summary>
internal static class ModuleState
{
    /// <summary>The module's state dict (parameters and buffers) in TorchSharp's format.</summary>
    /// <param name="module">The module.</param>
    public static byte[] Serialize(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            module.save(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>The optimizer's state (moments, step counts) in TorchSharp's format.</summary>
    /// <param name="optimizer">The optimizer.</param>
    public static byte[] Serialize(optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Loads a state dict saved by <see cref="Serialize(nn.Module)"/> (keys, dtypes and shapes must match exactly),
    /// all or nothing: the bytes are verified against the module first, so a bad entry never leaves it half-loaded.
    /// </summary>
    /// <param name="module">The module, on the CPU.</param>
    /// <param name="bytes">The saved state.</param>
    /// <param name="file">The checkpoint file, for messages.</param>
    /// <param name="what">Which state (an entry name such as <see cref="CheckpointEntries.GeneratorWeights"/>), for messages.</param>
    /// <exception cref="CheckpointException">The bytes do not fit the module; the module is unchanged.</exception>
    public static void Load(nn.Module module, byte[] bytes, string file, string what)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(bytes);
        StateDictCheck.ThrowIfDoesNotFit(bytes, module, file, what);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            module.load(reader, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException)
        {
            throw new CheckpointException($"Checkpoint '{file}': '{what}' does not load: {e.Message}", e);
        }
    }

    /// <summary>Loads optimizer state saved by <see cref="Serialize(optim.Optimizer)"/>.</summary>
    /// <param name="optimizer">The optimizer, already built for the loaded parameters (the same kind as the saved one).</param>
    /// <param name="bytes">The saved state.</param>
    /// <param name="file">The checkpoint file, for messages.</param>
    /// <param name="what">Which state (an entry name such as <see cref="CheckpointEntries.GeneratorOptimizer"/>), for messages.</param>
    /// <exception cref="CheckpointException">The bytes are not state of this optimizer type for these parameters.</exception>
    public static void Load(optim.Optimizer optimizer, byte[] bytes, string file, string what)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(reader);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException or IOException or InvalidCastException)
        {
            throw new CheckpointException($"Checkpoint '{file}': '{what}' does not load into {optimizer.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>The bytes of a random generator's state.</summary>
    /// <param name="generator">A CPU generator.</param>
    public static byte[] GeneratorState(torch.Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        using Tensor state = generator.get_state();
        return state.data<byte>().ToArray();
    }

    /// <summary>Shape of every state-dict entry of <paramref name="module"/>, by key.</summary>
    /// <param name="module">The module.</param>
    public static Dictionary<string, long[]> Shapes(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape);
    }

    /// <summary>Sentences naming every key that is missing, extra, or of another shape.</summary>
    /// <param name="what">Which network.</param>
    /// <param name="saved">Shapes in the checkpoint.</param>
    /// <param name="current">Shapes of the live module.</param>
    public static IEnumerable<string> CompareShapes(string what, IReadOnlyDictionary<string, long[]> saved, IReadOnlyDictionary<string, long[]> current)
    {
        foreach ((string key, long[] shape) in saved)
        {
            if (!current.TryGetValue(key, out long[]? live))
            {
                yield return $"{what} entry '{key}' is in the checkpoint but not in this model";
            }
            else if (!shape.SequenceEqual(live))
            {
                yield return $"{what} entry '{key}' has shape [{string.Join(", ", shape)}] in the checkpoint but [{string.Join(", ", live)}] in this model";
            }
        }

        foreach (string key in current.Keys.Where(k => !saved.ContainsKey(k)))
        {
            yield return $"{what} entry '{key}' of this model is not in the checkpoint";
        }
    }

    /// <summary>Sentences naming every architecture option that differs.</summary>
    /// <param name="saved">The checkpoint's architecture.</param>
    /// <param name="current">The live model's architecture.</param>
    public static IEnumerable<string> DescribeDifferences(DcganModelOptions saved, DcganModelOptions current)
    {
        foreach (var property in typeof(DcganModelOptions).GetProperties().Where(p => p.CanRead && p.CanWrite))
        {
            object? a = property.GetValue(saved);
            object? b = property.GetValue(current);
            if (!Equals(a, b))
            {
                yield return $"{property.Name} is {a} in the checkpoint but {b} in this model";
            }
        }
    }
}

// CheckpointGeneratorLoader: the TorchSharp backend of the generator pool: resolves a checkpoint file or run folder
// (CheckpointLocator), rebuilds its generator through the network builder of its recorded kind (CheckpointModels),
// moves it to the device and puts it in eval mode.
using Dcgan.Models;
using Dcgan.Native;
using Dcgan.Persistence;
using Dcgan.Serving;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Hosting;

/// <summary>
/// Loads Dcgan checkpoints (<c>*.dcgan</c> files, or a run folder's newest) for a <see cref="GeneratorPool"/>: the
/// generator, of any kind its <see cref="NetworkBuilderRegistry"/> holds, in eval mode on the configured device, which
/// the pool owns and disposes. One instance may serve any number of pools.
/// </summary>
public sealed class CheckpointGeneratorLoader : IGeneratorModelLoader
{
    private readonly NetworkBuilderRegistry _builders;

    /// <summary>A loader of DCGAN checkpoints (a registry holding only "dcgan").</summary>
    public CheckpointGeneratorLoader()
        : this(new NetworkBuilderRegistry())
    {
    }

    /// <summary>A loader of checkpoints of every kind <paramref name="builders"/> holds (also kinds registered later).</summary>
    /// <param name="builders">The network builders.</param>
    public CheckpointGeneratorLoader(NetworkBuilderRegistry builders)
    {
        ArgumentNullException.ThrowIfNull(builders);
        _builders = builders;
    }

    /// <summary>Checkpoint files: <c>*.dcgan</c>.</summary>
    public string FilePattern => "*" + Checkpoints.FileExtension;

    /// <summary>Loads libtorch (a failure says what is missing and how to fix it) and checks that the device exists.</summary>
    /// <param name="device">"auto", "cpu", "cuda" or "cuda:N".</param>
    /// <exception cref="TorchLoadException">TorchSharp's native library cannot be loaded.</exception>
    /// <exception cref="ArgumentException">The device is not available.</exception>
    public void Prepare(string device)
    {
        TorchRuntime.EnsureLoaded();
        _ = DeviceSelection.Resolve(device);
    }

    /// <summary>The checkpoint file itself, or a run folder's newest checkpoint (<see cref="CheckpointLocator.Resolve"/>).</summary>
    /// <param name="path">A checkpoint file or run folder.</param>
    /// <exception cref="CheckpointException">No checkpoint there; the message names the path.</exception>
    public string Resolve(string path) => CheckpointLocator.Resolve(path);

    /// <summary>The newest checkpoint in <paramref name="folder"/>, or null when it holds none (or does not exist).</summary>
    /// <param name="folder">A run folder.</param>
    public string? FindIn(string folder) => RunFolders.NewestCheckpoint(folder);

    /// <summary>Rebuilds the checkpoint's generator, moves it to <paramref name="device"/> and switches it to eval mode.</summary>
    /// <param name="file">A checkpoint file.</param>
    /// <param name="device">"auto", "cpu", "cuda" or "cuda:N".</param>
    /// <returns>The generator (owned by the caller) with the checkpoint's epoch and step.</returns>
    /// <exception cref="CheckpointException">Missing, corrupt, of a kind no builder is registered for, or unusable; the message names the file.</exception>
    public GeneratorModel Load(string file, string device)
    {
        Device target = DeviceSelection.Resolve(device);
        (IGenerator generator, CheckpointInfo checkpoint) = CheckpointModels.LoadGenerator(file, _builders);
        try
        {
            if (target.type != DeviceType.CPU)
            {
                generator.Network.to(target);
            }

            generator.Network.eval();
            return new GeneratorModel(generator, Path.GetFullPath(file), checkpoint.Epoch, checkpoint.GlobalStep);
        }
        catch
        {
            generator.Dispose();
            throw;
        }
    }

    /// <summary>The calling thread's live tensors (<c>DisposeScopeManager.Statistics.ThreadTotalLiveCount</c>).</summary>
    public long CountLiveNativeObjects() => DisposeScopeManager.Statistics.ThreadTotalLiveCount;
}

// LoadedGenerator: one checkpoint's generator, rebuilt and ready to run, with what the pool reports about it.
using Dcgan.Generation;
using Dcgan.Models;
using Dcgan.Persistence;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Hosting;

/// <summary>
/// A generator loaded from a checkpoint, in eval mode on its device. Owned by the pool: only the worker thread runs
/// it, and only the worker disposes it (between batches, so no request still uses it).
/// </summary>
internal sealed class LoadedGenerator : IDisposable
{
    private LoadedGenerator(DcganGenerator generator, GeneratorModelInfo info, FileStamp stamp)
    {
        Generator = generator;
        Info = info;
        Stamp = stamp;
    }

    public DcganGenerator Generator { get; }

    public GeneratorModelInfo Info { get; }

    /// <summary>The file's identity when it was read: a reload of an unchanged file is skipped.</summary>
    public FileStamp Stamp { get; }

    /// <summary>Resolves <paramref name="path"/> (file or run folder) and loads its generator.</summary>
    /// <exception cref="CheckpointException">Missing, corrupt or unusable; the message names the file.</exception>
    public static LoadedGenerator Load(string path, Device device, int version)
    {
        string file = CheckpointLocator.Resolve(path);
        FileStamp stamp = FileStamp.Of(file);
        (DcganGenerator generator, CheckpointManifest manifest) = CheckpointModels.LoadGenerator(file);
        try
        {
            if (device.type != DeviceType.CPU)
            {
                generator.Network.to(device);
            }

            generator.eval();
            var info = new GeneratorModelInfo(file, version, manifest.Epoch, manifest.GlobalStep, generator.LatentDimension,
                generator.LatentDistribution, generator.ImageShape, DateTimeOffset.UtcNow);
            return new LoadedGenerator(generator, info, stamp);
        }
        catch
        {
            generator.Dispose();
            throw;
        }
    }

    public void Dispose() => Generator.Dispose();
}

// LoadedGenerator: one model the pool has loaded, with what the pool reports about it and the file's identity.
using Dcgan.Generation;

namespace Dcgan.Serving;

/// <summary>
/// A model loaded through an <see cref="IGeneratorModelLoader"/>. Owned by the pool: only the worker thread runs it,
/// and only the worker (between batches, so no request still uses it) or the disposed pool disposes it.
/// </summary>
internal sealed class LoadedGenerator : IDisposable
{
    private LoadedGenerator(IImageGenerator generator, GeneratorModelInfo info, FileStamp stamp)
    {
        Generator = generator;
        Info = info;
        Stamp = stamp;
    }

    public IImageGenerator Generator { get; }

    public GeneratorModelInfo Info { get; }

    /// <summary>The file's identity when it was read: a reload of an unchanged file is skipped.</summary>
    public FileStamp Stamp { get; }

    /// <summary>Resolves <paramref name="path"/> (file or folder) with <paramref name="loader"/> and loads its model.</summary>
    /// <exception cref="Exception">The loader's exception: missing, corrupt or unusable, the message naming the file.</exception>
    public static LoadedGenerator Load(IGeneratorModelLoader loader, string path, string device, int version)
    {
        string file = loader.Resolve(path);
        FileStamp stamp = FileStamp.Of(file);
        GeneratorModel model = loader.Load(file, device)
            ?? throw new InvalidOperationException($"{loader.GetType().Name}.Load returned null for '{file}'.");
        IImageGenerator generator = model.Generator;
        var info = new GeneratorModelInfo(model.File, version, model.Epoch, model.GlobalStep, generator.LatentDimension,
            generator.LatentDistribution, generator.ImageShape, DateTimeOffset.UtcNow);
        return new LoadedGenerator(generator, info, stamp);
    }

    public void Dispose() => (Generator as IDisposable)?.Dispose();
}

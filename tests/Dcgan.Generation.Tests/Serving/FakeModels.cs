// FakeModels: a backend with no network and no TorchSharp, for serving tests. A "model file" is one line of text,
// "latent=8 channels=1 size=4 gain=2"; its generator renders pixel p of image i as gain * z_i[p % latent], records
// every RenderBatch call (rows, thread) and whether it was disposed. A file reading "corrupt" fails to load.
using System.Collections.Concurrent;
using System.Globalization;
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Serving;

namespace Dcgan.Generation.Tests.Serving;

/// <summary>An <see cref="IImageGenerator"/> whose images are easy to predict: pixel p is <c>gain * z[p % Z]</c>.</summary>
internal sealed class FakeModelGenerator(int latentDimension, ImageShape shape, float gain) : IImageGenerator, IDisposable
{
    public int LatentDimension => latentDimension;

    public LatentDistribution LatentDistribution => LatentDistribution.Normal;

    public ImageShape ImageShape => shape;

    public float Gain => gain;

    /// <summary>Rows of every RenderBatch call, in order.</summary>
    public ConcurrentQueue<int> BatchRows { get; } = new();

    /// <summary>Managed thread id of every RenderBatch call.</summary>
    public ConcurrentBag<int> Threads { get; } = [];

    /// <summary>When set, RenderBatch returns one image too few (a broken backend).</summary>
    public bool Broken { get; set; }

    public bool Disposed { get; private set; }

    public ImageBatch RenderBatch(IReadOnlyList<float[]> latents)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        LatentRows.RequireDimension(latents, LatentDimension);
        BatchRows.Enqueue(latents.Count);
        Threads.Add(Environment.CurrentManagedThreadId);
        int count = Broken ? latents.Count - 1 : latents.Count;
        var pixels = new float[count * shape.ElementCount];
        for (int i = 0; i < count; i++)
        {
            for (int p = 0; p < shape.ElementCount; p++)
            {
                pixels[i * shape.ElementCount + p] = Expected(latents[i], p, gain);
            }
        }

        return new ImageBatch(count, shape, pixels);
    }

    public static float Expected(float[] z, int p, float gain) => gain * z[p % z.Length];

    public void Dispose() => Disposed = true;
}

/// <summary>Loads fake model files; keeps every generator it made so that tests can look at them.</summary>
internal sealed class FakeModelLoader : IGeneratorModelLoader
{
    public ConcurrentQueue<FakeModelGenerator> Loaded { get; } = new();

    public List<string> PreparedDevices { get; } = [];

    public string FilePattern => "*.fake";

    public void Prepare(string device) => PreparedDevices.Add(device);

    public string Resolve(string path) => Directory.Exists(path)
        ? FindIn(path) ?? throw new FileNotFoundException($"No fake model in the folder '{Path.GetFullPath(path)}'.")
        : File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"No fake model at '{Path.GetFullPath(path)}'.", path);

    public string? FindIn(string folder) => Directory.Exists(folder)
        ? Directory.GetFiles(folder, FilePattern).Order(StringComparer.Ordinal).LastOrDefault()
        : null;

    public GeneratorModel Load(string file, string device)
    {
        string text = File.ReadAllText(file).Trim();
        if (text == "corrupt")
        {
            throw new FormatException($"'{file}' is not a fake model.");
        }

        Dictionary<string, string> spec = text.Split(' ').Select(part => part.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
        int size = int.Parse(spec["size"], CultureInfo.InvariantCulture);
        var generator = new FakeModelGenerator(int.Parse(spec["latent"], CultureInfo.InvariantCulture),
            new ImageShape(int.Parse(spec["channels"], CultureInfo.InvariantCulture), size, size), float.Parse(spec["gain"], CultureInfo.InvariantCulture));
        Loaded.Enqueue(generator);
        return new GeneratorModel(generator, file);
    }

    /// <summary>The calling thread's id: the pool's statistic then shows which thread asked.</summary>
    public long CountLiveNativeObjects() => Environment.CurrentManagedThreadId;

    /// <summary>Writes a fake model file.</summary>
    public static string Write(string folder, string name, int latent = 8, int channels = 1, int size = 4, float gain = 1)
    {
        string file = Path.Combine(folder, name);
        File.WriteAllText(file, string.Create(CultureInfo.InvariantCulture, $"latent={latent} channels={channels} size={size} gain={gain}"));
        return file;
    }
}

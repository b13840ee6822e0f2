// dcgan-fuzz: the SharpFuzz entry point. `dcgan-fuzz seeds DIR` writes seed inputs; `dcgan-fuzz idx|image|checkpoint`
// runs under afl-fuzz (see docs/fuzzing.md). An input that makes the reader throw anything but its documented
// exception, or a documented exception that does not name the file, escapes as a crash; `dcgan-fuzz replay TARGET FILE`
// runs one input without AFL. Instrumented assemblies run only under Fuzzer.Run (elsewhere their coverage writes
// fault), so `seeds` and `replay` use the uninstrumented build, and nothing of Dcgan runs before Fuzzer.Run.
using Dcgan.Data;
using Dcgan.Fuzz.Tests;
using Dcgan.Persistence;
using SharpFuzz;
using SkiaSharp;

string folder = Path.Combine(Path.GetTempPath(), $"dcgan-fuzz-{Environment.ProcessId}");
Directory.CreateDirectory(folder);

switch (args)
{
    case ["seeds", string output]:
        WriteSeeds(output);
        return 0;
    case ["replay", string target, string file]:
        Run(target, File.ReadAllBytes(file));
        Console.WriteLine("accepted or rejected as documented");
        return 0;
    case [string target] when target is "idx" or "image" or "checkpoint":
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Run(target, copy.ToArray());
        });
        return 0;
    default:
        Console.Error.WriteLine("usage: dcgan-fuzz seeds DIR | dcgan-fuzz idx|image|checkpoint (under afl-fuzz) | dcgan-fuzz replay TARGET FILE");
        return 2;
}

void Run(string target, byte[] input)
{
    switch (target)
    {
        case "idx":
            string idx = Write("input-idx3-ubyte", input);
            Expect<IdxFormatException>(idx, () => IdxReader.ReadImages(idx));
            break;
        case "image":
            string image = Write("input.png", input);
            Expect<InvalidDataException>(image, () => new ImageFolderDataSource(folder, new ImageDataSourceOptions { ImageSize = 8, Preload = true }));
            break;
        case "checkpoint":
            string checkpoint = Write("input.dcgan", input);
            Expect<CheckpointException>(checkpoint, () => CheckpointModels.LoadGenerator(checkpoint).Generator.Dispose());
            break;
        default:
            throw new ArgumentException($"Unknown target '{target}'; expected idx, image or checkpoint.");
    }
}

string Write(string name, byte[] bytes)
{
    foreach (string old in Directory.EnumerateFiles(folder))
    {
        File.Delete(old);
    }

    string path = Path.Combine(folder, name);
    File.WriteAllBytes(path, bytes);
    return path;
}

static void Expect<TDocumented>(string path, Action read)
    where TDocumented : Exception
{
    try
    {
        read();
    }
    catch (TDocumented e) when (e.Message.Contains(path, StringComparison.Ordinal))
    {
        // Rejected as documented.
    }
}

static void WriteSeeds(string output)
{
    void Seed(string target, string name, byte[] bytes)
    {
        Directory.CreateDirectory(Path.Combine(output, target));
        File.WriteAllBytes(Path.Combine(output, target, name), bytes);
    }

    Seed("idx", "small", SeedFiles.Idx([3, 4, 5], 1));
    Seed("idx", "small.gz", SeedFiles.Gzip(SeedFiles.Idx([6, 5, 4], 2)));
    Seed("image", "a.png", SeedFiles.Image(SKEncodedImageFormat.Png, 5, 4, 1));
    Seed("image", "b.jpg", SeedFiles.Image(SKEncodedImageFormat.Jpeg, 8, 8, 2));
    Seed("image", "c.gif", SeedFiles.Gif());
    Seed("image", "d.webp", SeedFiles.Image(SKEncodedImageFormat.Webp, 4, 4, 3));
    Seed("image", "e.bmp", SeedFiles.Bmp());
    Seed("checkpoint", "tiny.dcgan", SeedFiles.CheckpointWith(SeedFiles.CheckpointManifest));
}

// dcgan-sampling-bench: how fast the 28x28 default model generates with bounded batches, apart from what surrounds it.
//   dcgan-sampling-bench [--rounds N] [--images N] [--checkpoint PATH]
// In one process: (1) the generator alone (eval mode, no_grad, z pre-drawn as a tensor, output copied to managed
// floats) at batch 64, 256 and 1024, rounds interleaved; (2) drawing z the way `dcgan sample` does (LatentSampler.Row
// per image); (3) PNG encoding of single 28x28 images on one thread and on all cores; (4) the .npz uint8 conversion.
// With --checkpoint it also writes the model as a checkpoint for run-rss.sh (peak RSS of `dcgan sample`).
using System.Diagnostics;
using System.Globalization;
using Dcgan.Data;
using Dcgan.Imaging;
using Dcgan.Interop;
using Dcgan.Latent;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

int rounds = 5, images = 8192;
string? checkpoint = null;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--images": images = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--checkpoint": checkpoint = args[i + 1]; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

// The model `dcgan train` makes by default: the paper preset at 28x28x1, ngf = ndf = 64, z of 100.
DcganModelOptions architecture = DcganModelOptions.Paper(28, 1);
architecture.GeneratorWidth = 64;     // `dcgan train`'s widths, not the preset's own 128 (the paper's Figure 1)
architecture.DiscriminatorWidth = 64;
(DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, seed: 1);
generator.eval();
Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores; load average {File.ReadAllText("/proc/loadavg").Trim()} (shared machine)");
Console.WriteLine($"libtorch threads: {torch.get_num_threads()}, TorchSharp {typeof(torch).Assembly.GetName().Version}");
Console.WriteLine($"model: Paper preset 28x28x1, ngf = ndf = 64, z 100; {images} images per measurement, {rounds} rounds (median)");

if (checkpoint is not null)
{
    string folder = Directory.CreateTempSubdirectory("dcgan-sampling-bench-").FullName;
    PyTorchStateDict.Save(generator, Path.Combine(folder, "netG.pth"));
    PyTorchStateDict.Save(discriminator, Path.Combine(folder, "netD.pth"));
    PyTorchCheckpoints.Import(Path.Combine(folder, "netG.pth"), Path.Combine(folder, "netD.pth"), architecture, checkpoint);
    Directory.Delete(folder, recursive: true);
    Console.WriteLine($"checkpoint: {Path.GetFullPath(checkpoint)}");
}

int[] batches = [64, 256, 1024];
var generatorRates = batches.ToDictionary(b => b, _ => new List<double>());
var cpuRates = batches.ToDictionary(b => b, _ => new List<double>());
for (int round = 0; round <= rounds; round++) // round 0 warms up and is not counted
{
    foreach (int batch in round % 2 == 0 ? batches : batches.Reverse())
    {
        (double rate, double perCpuSecond) = GeneratorAlone(generator, batch, images);
        if (round > 0)
        {
            generatorRates[batch].Add(rate);
            cpuRates[batch].Add(perCpuSecond);
        }
    }
}

foreach (int batch in batches)
{
    Console.WriteLine($"generator alone, batch {batch,4}: {Median(generatorRates[batch]):N0} img/s wall (rounds: {string.Join(", ", generatorRates[batch].Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}); " +
        $"{Median(cpuRates[batch]):N0} img per CPU-second of this process");
}

ImageBatch sampleImages = generator.Render(LatentSampler.ForSeed(generator, 1, 1024), batchSize: 256);
Console.WriteLine($"drawing z as `sample` does (LatentSampler.Row per image): {Median(Repeat(() => Rate(2048, () => LatentSampler.ForSeed(generator, 1, 2048)))):N0} vectors/s");
Console.WriteLine($"PNG encoding, one thread: {Median(Repeat(() => Rate(sampleImages.Count, () => EncodeAll(sampleImages, parallel: false)))):N0} img/s");
Console.WriteLine($"PNG encoding, Parallel.For over {Environment.ProcessorCount} cores: {Median(Repeat(() => Rate(sampleImages.Count, () => EncodeAll(sampleImages, parallel: true)))):N0} img/s");
Console.WriteLine($"uint8 conversion (PixelScaling.ToByte per pixel, as the .npz writer does): {Median(Repeat(() => Rate(sampleImages.Count, () => ToBytes(sampleImages)))):N0} img/s");
generator.Dispose();
discriminator.Dispose();
return 0;

// z [batch, 100] drawn once; each timed pass is forward + copy to a managed float[] (what LatentImages.Render does).
// Returns images per wall second and per CPU second of this process (all threads): on a machine shared with other
// work the second is the steadier figure; on an idle 2-core machine the wall rate is at most twice it.
static (double Wall, double PerCpuSecond) GeneratorAlone(DcganGenerator generator, int batch, int images)
{
    using var noGrad = no_grad();
    using Tensor z = randn(batch, 100);
    var buffer = new float[batch * 28 * 28];
    TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    int done = 0;
    while (done < images)
    {
        using var scope = NewDisposeScope();
        Tensor output = generator.forward(z);                             // [batch, 1, 28, 28]
        output.data<float>().CopyTo(buffer, 0);
        done += batch;
    }

    double wall = watch.Elapsed.TotalSeconds;
    double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    return (done / wall, done / cpuSeconds);
}

static void EncodeAll(ImageBatch batch, bool parallel)
{
    Action<int> encode = i => ImageGrid.EncodePng(new ImageBatch(1, batch.Shape, batch.Image(i).ToArray()), columns: 1, padding: 0);
    if (parallel)
    {
        Parallel.For(0, batch.Count, encode);
    }
    else
    {
        for (int i = 0; i < batch.Count; i++)
        {
            encode(i);
        }
    }
}

static byte[] ToBytes(ImageBatch batch) => [.. batch.Pixels.Select(PixelScaling.ToByte)];

static double Rate(int count, Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return count / watch.Elapsed.TotalSeconds;
}

static List<double> Repeat(Func<double> measure) => [.. Enumerable.Range(0, 3).Select(_ => measure())];

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

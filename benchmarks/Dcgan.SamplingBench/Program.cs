// dcgan-sampling-bench: how fast the 28x28 models generate, against the machine's matrix-multiply ceiling, and what the
// output forms of `dcgan sample` add. Everything is measured in one process, rounds interleaved (median of the rounds):
//   dcgan-sampling-bench [--rounds N] [--images N] [--pipeline-rounds N] [--checkpoint PATH]
// (1) sgemm: torch.mm of two 4096x4096 float32 matrices (start and end of the run); (2) FLOPs per image from the layer
// shapes; (3) the generator alone (GeneratorAlone) for widths 64, 32, 16 at batch 64..1024, and at batch 256 the
// variants inference_mode, one thread and channels-last; (4) whether outputs change with the batch size or variant;
// (5) the library path (LatentImages.Render) and z drawing; (6) PNG / uint8 encoding alone; (7) `dcgan sample`'s
// streaming loop with each sink inline or in the background (SamplePipelines); (8) this process's peak RSS.
// With --checkpoint it also writes the width-64 model as a checkpoint for run-rss.sh.
using System.Globalization;
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Imaging;
using Dcgan.Interop;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.SamplingBench;
using TorchSharp;
using static Dcgan.SamplingBench.Measure;
using static TorchSharp.torch;

int rounds = 5, images = 4096, pipelineRounds = 3;
string? checkpoint = null;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--images": images = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--pipeline-rounds": pipelineRounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--checkpoint": checkpoint = args[i + 1]; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {CpuModel()}; load average {Load()} (shared machine)");
Console.WriteLine($"libtorch threads: {torch.get_num_threads()} intra-op, {torch.get_num_interop_threads()} inter-op; TorchSharp {typeof(torch).Assembly.GetName().Version}");
double sgemmStart = Sgemm();
Console.WriteLine($"sgemm (torch.mm 4096x4096 float32, median of 3 after a warm-up): {sgemmStart:N0} GFLOP/s");

// The CLI's default architecture (Paper preset 28x28x1, z 100, 5x5 kernels) at three generator widths.
int[] widths = [64, 32, 16];
int[] batches = [64, 128, 256, 512, 1024];
const int VariantBatch = 256;
var generators = widths.ToDictionary(w => w, w => Model(w));
Console.WriteLine();
Console.WriteLine("## FLOPs per image (2 per multiply-add; batch norm, ReLU and Tanh not counted)");
foreach (int w in widths)
{
    DcganGenerator g = generators[w];
    var layers = GeneratorFlops.Layers(g.Architecture, g.Options);
    Console.WriteLine($"width {w,2}: {GeneratorFlops.PerImage(g.Architecture, g.Options) / 1e6:N2} MFLOP = " +
        string.Join(" + ", layers.Select(l => $"{2 * l.MultiplyAdds / 1e6:N2} ({l.Layer})")) +
        $"; ceiling at {sgemmStart:N0} GFLOP/s: {sgemmStart * 1e9 / GeneratorFlops.PerImage(g.Architecture, g.Options):N0} img/s");
}

if (checkpoint is not null)
{
    WriteCheckpoint(checkpoint);
}

// (3) Generator alone: every (width, batch) with no_grad, plus the variants at VariantBatch; rounds interleaved.
var cases = widths.SelectMany(w => batches.Select(b => (Width: w, Batch: b, Variant: ForwardVariant.NoGrad)))
    .Concat(widths.SelectMany(w => new[] { ForwardVariant.InferenceMode, ForwardVariant.OneThread, ForwardVariant.ChannelsLast }.Select(v => (Width: w, Batch: VariantBatch, Variant: v))))
    .ToList();
var wallRates = cases.ToDictionary(c => c, _ => new List<double>());
var cpuRates = cases.ToDictionary(c => c, _ => new List<double>());
for (int round = 0; round <= rounds; round++) // round 0 warms up and is not counted
{
    foreach (var c in round % 2 == 0 ? cases : Enumerable.Reverse(cases))
    {
        (double wall, double cpu) = GeneratorAlone.Rates(generators[c.Width], c.Batch, images * 64 / c.Width, c.Variant);
        if (round > 0)
        {
            wallRates[c].Add(wall);
            cpuRates[c].Add(cpu);
        }
    }
}

Console.WriteLine();
Console.WriteLine($"## Generator alone (eval mode, z pre-drawn, forward + copy to float[], one dispose scope per batch); {images} x 64/width images per measurement, {rounds} rounds, load {Load()}");
Console.WriteLine("img/s wall (median; img per CPU-second of the process); GFLOP/s achieved and % of sgemm at the best batch");
Console.WriteLine($"{"width",-6}{string.Join("", batches.Select(b => $"{"batch " + b,22}"))}");
foreach (int w in widths)
{
    Console.WriteLine($"{w,-6}{string.Join("", batches.Select(b => $"{N0(Median(wallRates[(w, b, ForwardVariant.NoGrad)])) + " (" + N0(Median(cpuRates[(w, b, ForwardVariant.NoGrad)])) + ")",22}"))}");
}

foreach (int w in widths)
{
    int best = batches.MaxBy(b => Median(wallRates[(w, b, ForwardVariant.NoGrad)]));
    double rate = Median(wallRates[(w, best, ForwardVariant.NoGrad)]);
    double gflops = rate * GeneratorFlops.PerImage(generators[w].Architecture, generators[w].Options) / 1e9;
    Console.WriteLine($"width {w,2}: best batch {best}: {N0(rate)} img/s = {gflops:N1} GFLOP/s, {100 * gflops / sgemmStart:N0}% of sgemm; rounds: {string.Join(", ", wallRates[(w, best, ForwardVariant.NoGrad)].Select(N0))}; 5,000 img/s goal {(rate >= 5000 ? "met" : "NOT met")}");
}

Console.WriteLine();
Console.WriteLine($"## Variants at batch {VariantBatch}: img/s wall (ratio to no_grad in the same rounds); output vs no_grad");
foreach (int w in widths)
{
    double baseline = Median(wallRates[(w, VariantBatch, ForwardVariant.NoGrad)]);
    float[] reference = GeneratorAlone.Output(generators[w], VariantBatch, ForwardVariant.NoGrad);
    foreach (ForwardVariant v in new[] { ForwardVariant.InferenceMode, ForwardVariant.OneThread, ForwardVariant.ChannelsLast })
    {
        double rate = Median(wallRates[(w, VariantBatch, v)]);
        Console.WriteLine($"width {w,2} {v,-14} {N0(rate),7} img/s ({rate / baseline:N2}x; {N0(Median(cpuRates[(w, VariantBatch, v)]))} per CPU-second); {Difference(reference, GeneratorAlone.Output(generators[w], VariantBatch, v))}");
    }
}

// (4) Does the batch size change an image? Rendered through the library at several batch sizes from the same rows.
Console.WriteLine();
Console.WriteLine("## Batch size and output (LatentImages.Render of the same 1,024 rows of seed 1; reference batch 1024)");
foreach (int w in widths)
{
    float[][] rows = LatentSeeds.ForSeed(generators[w], 1, 1024);
    float[] reference = generators[w].Render(rows, batchSize: 1024).Pixels;
    foreach (int b in new[] { 1, 7, 64, 256 })
    {
        Console.WriteLine($"width {w,2} batch {b,4}: {Difference(reference, generators[w].Render(rows, batchSize: b).Pixels)}");
    }
}

// (5) The library path and z drawing.
Console.WriteLine();
Console.WriteLine($"## Library path: LatentImages.Render of pre-drawn rows at batch {VariantBatch} (managed rows in, ImageBatch out)");
foreach (int w in widths)
{
    float[][] rows = LatentSeeds.ForSeed(generators[w], 1, 4096);
    var rates = Enumerable.Range(0, 4).Select(_ => Rates(rows.Length, () => generators[w].Render(rows, batchSize: VariantBatch))).Skip(1).ToList();
    Console.WriteLine($"width {w,2}: {N0(Median(rates.Select(r => r.Wall)))} img/s ({N0(Median(rates.Select(r => r.Cpu)))} per CPU-second)");
}

Console.WriteLine($"drawing z as `sample` does (LatentSeeds.Row per image, one thread): {N0(Median(Enumerable.Range(0, 3).Select(_ => Rates(4096, () => LatentSeeds.ForSeed(generators[64], 1, 4096)).Wall)))} vectors/s");

// (6) Encoding alone, single 28x28 images of the width-64 model.
ImageBatch sampleImages = generators[64].Render(LatentSeeds.ForSeed(generators[64], 1, 2048), batchSize: 256);
Console.WriteLine();
Console.WriteLine($"## Encoding alone ({sampleImages.Count} images of the width-64 model, in memory, median of 3)");
Console.WriteLine($"PNG (SkiaSharp, ImageGrid.EncodePng of one image), one thread: {N0(Median(Enumerable.Range(0, 3).Select(_ => Rates(sampleImages.Count, () => EncodeAll(sampleImages, parallel: false)).Wall)))} img/s");
Console.WriteLine($"PNG, Parallel.For over {Environment.ProcessorCount} cores: {N0(Median(Enumerable.Range(0, 3).Select(_ => Rates(sampleImages.Count, () => EncodeAll(sampleImages, parallel: true)).Wall)))} img/s");
Console.WriteLine($"uint8 conversion (PixelScaling.ToByte per pixel, as the .npz writer does): {N0(Median(Enumerable.Range(0, 3).Select(_ => Rates(sampleImages.Count, () => ToBytes(sampleImages)).Wall)))} img/s");

// (7) The streaming loop of `dcgan sample` with every sink, inline and in the background.
string folder = Directory.CreateTempSubdirectory("dcgan-sampling-bench-").FullName;
try
{
    foreach (int w in new[] { 64, 16 })
    {
        var pipelineRates = SamplePipelines.Names.ToDictionary(n => n, _ => new List<(double Wall, double Cpu)>());
        for (int round = 0; round <= pipelineRounds; round++)
        {
            foreach (string name in round % 2 == 0 ? SamplePipelines.Names : SamplePipelines.Names.Reverse())
            {
                var rate = SamplePipelines.Rates(generators[w], name, 4096, 256, folder);
                if (round > 0)
                {
                    pipelineRates[name].Add(rate);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"## `dcgan sample` loop, width {w}: 4096 images, --batch-size 256, files in {Path.GetTempPath()}; {pipelineRounds} rounds, load {Load()}");
        double discard = Median(pipelineRates["discard"].Select(r => r.Wall));
        foreach (string name in SamplePipelines.Names)
        {
            double wall = Median(pipelineRates[name].Select(r => r.Wall));
            Console.WriteLine($"{name,-30} {N0(wall),7} img/s ({wall / discard:N2}x of discard; {N0(Median(pipelineRates[name].Select(r => r.Cpu)))} per CPU-second; rounds {string.Join(", ", pipelineRates[name].Select(r => N0(r.Wall)))})");
        }
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"sgemm at the end: {Sgemm():N0} GFLOP/s; peak RSS of this process (VmHWM) {StatusMegabytes("VmHWM"):N0} MB; load average {Load()}");
foreach (DcganGenerator g in generators.Values)
{
    g.Dispose();
}

return 0;

static DcganGenerator Model(int width)
{
    DcganModelOptions options = DcganModelOptions.Paper(28, 1);
    options.GeneratorWidth = width;
    options.DiscriminatorWidth = width;
    (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(options, seed: 1);
    discriminator.Dispose();
    generator.eval();
    return generator;
}

static void WriteCheckpoint(string path)
{
    DcganModelOptions architecture = DcganModelOptions.Paper(28, 1);
    architecture.GeneratorWidth = 64;     // the widths the results were measured with (the Paper preset's are 128)
    architecture.DiscriminatorWidth = 64;
    (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, seed: 1);
    string folder = Directory.CreateTempSubdirectory("dcgan-sampling-bench-").FullName;
    PyTorchStateDict.Save(generator, Path.Combine(folder, "netG.pth"));
    PyTorchStateDict.Save(discriminator, Path.Combine(folder, "netD.pth"));
    PyTorchCheckpoints.Import(Path.Combine(folder, "netG.pth"), Path.Combine(folder, "netD.pth"), architecture, path);
    Directory.Delete(folder, recursive: true);
    generator.Dispose();
    discriminator.Dispose();
    Console.WriteLine($"checkpoint (width 64): {Path.GetFullPath(path)}");
}

// GFLOP/s of torch.mm on 4096x4096 float32: one warm-up, median of three.
static double Sgemm()
{
    using var a = rand(4096, 4096);
    using var b = rand(4096, 4096);
    a.mm(b).Dispose();
    return Median(Enumerable.Range(0, 3).Select(_ => Rates(1, () => a.mm(b).Dispose()).Wall * 2.0 * 4096 * 4096 * 4096 / 1e9));
}

// How two outputs of the same z differ: bitwise, largest absolute difference, and the 8-bit pixels PNG/npz would hold.
static string Difference(float[] a, float[] b)
{
    int bits = 0, bytes = 0;
    double largest = 0;
    for (int i = 0; i < a.Length; i++)
    {
        bits += BitConverter.SingleToUInt32Bits(a[i]) != BitConverter.SingleToUInt32Bits(b[i]) ? 1 : 0;
        bytes += PixelScaling.ToByte(a[i]) != PixelScaling.ToByte(b[i]) ? 1 : 0;
        largest = Math.Max(largest, Math.Abs(a[i] - b[i]));
    }

    return bits == 0 ? $"bitwise equal ({a.Length:N0} floats)" : $"{bits:N0} of {a.Length:N0} floats differ (largest {largest:G3}), {bytes} 8-bit pixels differ";
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

static string CpuModel() => File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU";

// dcgan-pipeline-bench: what reading a folder of JPEGs costs the trainer at 64x64x3, measured in one process.
//   dcgan-pipeline-bench [--images N] [--batch N] [--rounds N] [--steps N] [--warmup N] [--decode-threads N]
//   dcgan-pipeline-bench --epoch-callbacks N   (only: what `dcgan train`'s per-epoch checkpoint and grid cost, N epochs)
// (1) writes N 64x64 JPEGs made from the shipped Fashion-MNIST split to a temp folder; (2) decode throughput of the
// folder source (ReadRange over every image) with 1 thread and with each thread count up to the core count, and the
// copies every batch costs; (3) rotating rounds of GanTrainer.Fit (pytorch/examples preset 64x64x3) on the same
// images pre-decoded in memory and on the folder source with 1, the default and all decode threads, printing img/s
// per round, the medians and overhead = 1 - folder / in-memory.
using System.Diagnostics;
using System.Globalization;
using Dcgan.Benchmarks;
using Dcgan.Data;
using Dcgan.PipelineBench;
using TorchSharp;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int images = 1024, batch = 128, rounds = 4, steps = 3, warmup = 1;
int? decodeThreads = null;
int epochCallbacks = 0;
for (int i = 0; i < args.Length; i += 2)
{
    if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
    {
        Console.Error.WriteLine($"dcgan-pipeline-bench: option {args[i]} needs a positive whole number after it.");
        return 2;
    }

    switch (args[i])
    {
        case "--images": images = value; break;
        case "--batch": batch = value; break;
        case "--rounds": rounds = value; break;
        case "--steps": steps = value; break;
        case "--warmup": warmup = value; break;
        case "--decode-threads": decodeThreads = value; break;
        case "--epoch-callbacks": epochCallbacks = value; break;
        default: Console.Error.WriteLine($"dcgan-pipeline-bench: unknown option {args[i]}; expected --images, --batch, --rounds, --steps, --warmup, --decode-threads or --epoch-callbacks."); return 2;
    }
}

foreach (string line in MachineInfo.Describe())
{
    Console.WriteLine(line);
}

Console.WriteLine($"load average before: {MachineInfo.LoadAverage()} (shared machine)");
string idx = Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist", FashionMnist.TestImagesFile);
using JpegFolder folder = JpegFolder.Create(idx, images, size: 64);
Console.WriteLine($"data: {images} JPEGs 64x64 RGB (quality 90, {folder.Bytes / 1024.0:F0} KiB) from the Fashion-MNIST test split, tinted, in {folder.Path}");

// (2) Decode throughput: every image of the folder, through the same reader the trainer's prefetcher uses.
var threadCounts = Enumerable.Range(1, Environment.ProcessorCount).ToArray();
double decodeCpuPerImage = double.MaxValue; // CPU seconds one image's decode costs the process (load-independent)
foreach (int threads in threadCounts)
{
    var source = new ImageFolderDataSource(folder.Path, new ImageDataSourceOptions { DecodeThreads = threads });
    source.ReadRange(0, Math.Min(images, 64)); // warm Skia and the file cache
    var rates = new List<double>();
    var cpuPerImage = new List<double>();
    for (int r = 0; r < 5; r++)
    {
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        source.ReadRange(0, source.Count);
        rates.Add(source.Count / clock.Elapsed.TotalSeconds);
        cpuPerImage.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / source.Count);
    }

    decodeCpuPerImage = Math.Min(decodeCpuPerImage, Median(cpuPerImage));

    Console.WriteLine($"decode {threads} thread{(threads == 1 ? " " : "s")}: median {Median(rates),7:F0} img/s = {batch / Median(rates) * 1e3:F1} ms per batch of {batch}, {batch * Median(cpuPerImage) * 1e3:F1} CPU-ms per batch (5 passes over {source.Count}: {string.Join(", ", rates.Select(r => r.ToString("F0")))}); load {MachineInfo.LoadAverage()}");
}

if (epochCallbacks > 0)
{
    // Only the per-epoch callbacks of `dcgan train`: 384 of the images (3 steps per epoch at batch 128), N epochs.
    var subset = new InMemoryImageSource(new ImageFolderDataSource(folder.Path).ReadRange(0, Math.Min(images, 3 * batch)));
    EpochCallbackCost.Measure(subset, batch, epochCallbacks);
    return 0;
}

// What the prefetcher does besides decoding, for both sources alike: copy a batch's floats out of the source into
// the batch buffer, and the trainer's copy of that buffer into a tensor.
var memorySource = new InMemoryImageSource(new ImageFolderDataSource(folder.Path).ReadAll());
int[] firstBatch = Enumerable.Range(0, batch).ToArray();
double hostCopy = Median(Enumerable.Range(0, 9).Select(_ => Seconds(() => memorySource.ReadImages(firstBatch))).ToList());
float[] pixels = memorySource.ReadImages(firstBatch).Pixels;
double tensorCopy = Median(Enumerable.Range(0, 9).Select(_ => Seconds(() => torch.tensor(pixels, [batch, 3, 64, 64]).Dispose())).ToList());
Console.WriteLine($"copies per batch of {batch} (both sources): source -> batch buffer {hostCopy * 1e3:F2} ms, buffer -> tensor {tensorCopy * 1e3:F2} ms");

// (3) Training: the in-memory source and the folder source (lazy decoding) with 1 decode thread, the library's
// default and every core (distinct values only), rounds rotating which goes first.
int[] threadChoices = decodeThreads is { } only ? [only]
    : new[] { 1, ImageDataSourceOptions.DefaultDecodeThreads(Environment.ProcessorCount), Environment.ProcessorCount }.Distinct().ToArray();
Console.WriteLine($"model: pytorch/examples DCGAN 64x64x3 (ngf = ndf = 64), batch {batch}, Adam(2e-4, 0.5, 0.999), default prefetch depth (2 batches)");
Console.WriteLine($"plan: {warmup} warm-up step(s) each, then {rounds} rounds x {steps} steps per run, first run rotating; library default decode threads here: {ImageDataSourceOptions.DefaultDecodeThreads(Environment.ProcessorCount)}");
var runs = new List<TrainingRun> { new("memory", memorySource, batch, seed: 1) };
runs.AddRange(threadChoices.Select(t => new TrainingRun($"folder-{t}t",
    new ImageFolderDataSource(folder.Path, new ImageDataSourceOptions { DecodeThreads = t }), batch, seed: 1)));
var trainRates = runs.ToDictionary(r => r.Name, _ => new List<double>());
var waits = runs.ToDictionary(r => r.Name, _ => new List<double>());
var walls = runs.ToDictionary(r => r.Name, _ => new List<double>());
var cpus = runs.ToDictionary(r => r.Name, _ => new List<double>());
var longest = runs.ToDictionary(r => r.Name, _ => 0.0);
foreach (TrainingRun run in runs)
{
    run.Run(warmup);
}

for (int round = 1; round <= rounds; round++)
{
    var order = runs.Skip((round - 1) % runs.Count).Concat(runs.Take((round - 1) % runs.Count)).ToList();
    foreach (TrainingRun run in order)
    {
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        TimeSpan wall = run.Run(steps);
        cpus[run.Name].Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / steps);
        trainRates[run.Name].Add(steps * batch / wall.TotalSeconds);
        waits[run.Name].Add(run.WaitSeconds);
        walls[run.Name].Add(wall.TotalSeconds);
        longest[run.Name] = Math.Max(longest[run.Name], run.LongestWait);
    }

    Console.WriteLine($"round {round} ({order[0].Name} first): " + string.Join("  ", runs.Select(r => $"{r.Name} {trainRates[r.Name][^1],6:F2} img/s (waited {1e3 * waits[r.Name][^1]:F0} ms)")) +
        $"  load {MachineInfo.LoadAverage()}");
}

Console.WriteLine($"load average after: {MachineInfo.LoadAverage()}");
bool same = runs.All(r => r.LastLosses == runs[0].LastLosses);
Console.WriteLine($"same batches: last losses of all runs {(same ? "are bitwise equal" : "DIFFER")} ({runs[0].LastLosses})");
double memoryMedian = Median(trainRates["memory"]);
Console.WriteLine($"median memory: {memoryMedian,6:F2} img/s ({batch / memoryMedian:F2} s/step)");
foreach (TrainingRun run in runs)
{
    Console.WriteLine($"{run.Name}: {Median(cpus[run.Name]):F2} CPU-s per step (median over rounds, whole process); waited for batches {1e3 * waits[run.Name].Sum() / (rounds * steps):F1} ms per step on average " +
        $"({100 * waits[run.Name].Sum() / walls[run.Name].Sum():F2} % of its wall time; longest single wait {1e3 * longest[run.Name]:F0} ms)");
}

double stepCpu = Median(cpus["memory"]);
Console.WriteLine($"CPU cost: a memory step takes {stepCpu:F2} CPU-s (median over rounds); decoding its {batch} images takes {batch * decodeCpuPerImage * 1e3:F1} CPU-ms, " +
    $"so decoding can take at most {100 * batch * decodeCpuPerImage / (stepCpu + batch * decodeCpuPerImage):F2} % of the cores from training when both are busy");
foreach (TrainingRun run in runs.Skip(1))
{
    double median = Median(trainRates[run.Name]);
    var perRound = trainRates[run.Name].Zip(trainRates["memory"], (f, m) => 100 * (1 - f / m)).ToList();
    Console.WriteLine($"median {run.Name}: {median,6:F2} img/s  overhead = 1 - folder/memory = {100 * (1 - median / memoryMedian):F1} %  " +
        $"(per round: {string.Join(", ", perRound.Select(o => o.ToString("F1")))} %; median of per-round {Median(perRound):F1} %)");
}

foreach (TrainingRun run in runs)
{
    run.Dispose();
}

return same ? 0 : 1;

static double Seconds(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalSeconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

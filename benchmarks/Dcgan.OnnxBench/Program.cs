// dcgan-onnx-bench: TorchSharp against ONNX Runtime on the same generator, in one process, rounds interleaved with the
// order alternating (medians of the rounds; round 0 warms up and is not counted):
//   dcgan-onnx-bench [--rounds N] [--images N] [--pipeline-rounds N]
// (1) the quick-start model (`dcgan train`'s default: paper preset 28x28x1, width 32, z 100) at batch 256 and the
//     pytorch/examples 64x64x3 width-64 generator at batch 128, each rendered by its TorchSharp generator
//     (IImageGenerator.Render) and by OnnxImageGenerator on the model OnnxExport writes: images/s (wall and per CPU
//     second) and the ratio onnx/torch; the two outputs' max difference is printed first;
// (2) `dcgan sample`'s streaming loop for the quick-start model on each backend, with the PNG folder writer in the
//     background (BackgroundSampleSink + PngFolderSampleSink, Parallel.For) against the same loop discarding the
//     batches: whether the writer keeps up with the generator.
// Weights are the seeded initial ones: the work per image does not depend on their values.
using System.Globalization;
using Dcgan.Cli;
using Dcgan.Data;
using Dcgan.Export;
using Dcgan.Generation;
using Dcgan.Models;
using Dcgan.Onnx;
using TorchSharp;
using static Dcgan.SamplingBench.Measure;

int rounds = 5, images = 4096, pipelineRounds = 3;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--images": images = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--pipeline-rounds": pipelineRounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores; load average {Load()} (shared machine)");
Console.WriteLine($"TorchSharp {typeof(torch).Assembly.GetName().Version}: {torch.get_num_threads()} intra-op threads; " +
    $"ONNX Runtime {typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly.GetName().Version}: default intra-op threads");

DcganModelOptions quickStart = DcganModelOptions.Paper(28, 1);
quickStart.GeneratorWidth = quickStart.DiscriminatorWidth = 32;
var models = new (string Name, DcganModelOptions Options, int Batch, int Images)[]
{
    ("quick-start 28x28x1 (paper preset, width 32, z 100)", quickStart, 256, images),
    ("pytorch/examples 64x64x3 (ngf 64, z 100)", DcganModelOptions.PyTorchExample(64, 3), 128, Math.Max(128, images / 16)),
};

string folder = Directory.CreateTempSubdirectory("dcgan-onnx-bench-").FullName;
try
{
    foreach ((string name, DcganModelOptions options, int batch, int count) in models)
    {
        (DcganGenerator torchGenerator, DcganDiscriminator discriminator) = DcganModels.Create(options, seed: 1);
        discriminator.Dispose();
        torchGenerator.eval();
        using (torchGenerator)
        using (var onnxGenerator = new OnnxImageGenerator(OnnxExport.GeneratorBytes(torchGenerator)))
        {
            Console.WriteLine();
            Console.WriteLine($"## {name}: {count} images per round, batch {batch}");
            float[][] rows = LatentSeeds.ForSeed(1, count, torchGenerator.LatentDimension, torchGenerator.LatentDistribution);
            float[][] firstBatch = rows[..Math.Min(batch, count)];
            float[] a = onnxGenerator.Render(firstBatch, batch).Pixels, b = torchGenerator.Render(firstBatch, batch).Pixels;
            Console.WriteLine($"max |onnx - torch| over {firstBatch.Length} images: {a.Zip(b, (x, y) => Math.Abs(x - y)).Max():E2}");

            var backends = new (string Name, IImageGenerator Generator)[] { ("torch", torchGenerator), ("onnx", onnxGenerator) };
            var rates = backends.ToDictionary(k => k.Name, _ => new List<(double Wall, double Cpu)>());
            for (int round = 0; round <= rounds; round++)
            {
                foreach ((string backend, IImageGenerator generator) in round % 2 == 0 ? backends : backends.Reverse())
                {
                    var r = Rates(count, () => generator.Render(rows, batch));
                    if (round > 0)
                    {
                        rates[backend].Add(r);
                    }
                }

                if (round > 0)
                {
                    Console.WriteLine($"round {round}: torch {N0(rates["torch"][^1].Wall),7} img/s   onnx {N0(rates["onnx"][^1].Wall),7} img/s   load {Load()}");
                }
            }

            double torchRate = Median(rates["torch"].Select(r => r.Wall)), onnxRate = Median(rates["onnx"].Select(r => r.Wall));
            Console.WriteLine($"median torch: {N0(torchRate)} img/s ({N0(Median(rates["torch"].Select(r => r.Cpu)))} per CPU-second)");
            Console.WriteLine($"median onnx:  {N0(onnxRate)} img/s ({N0(Median(rates["onnx"].Select(r => r.Cpu)))} per CPU-second)");
            Console.WriteLine($"ratio onnx/torch = {onnxRate / torchRate:F2}");

            if (options.ImageSize == 28)
            {
                Pipelines(backends, count, batch, folder, pipelineRounds);
            }
        }
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"peak RSS: {StatusMegabytes("VmHWM"):N0} MB; load average after: {Load()}");
return 0;

// `dcgan sample`'s loop (z per batch from the seed, render, sink) with the PNG folder writer in the background, and
// the same loop discarding the batches; interleaved rounds, medians.
static void Pipelines((string Name, IImageGenerator Generator)[] backends, int count, int batch, string folder, int rounds)
{
    Console.WriteLine($"### `dcgan sample` loop, {count} images, batch {batch}: PNG folder writer (background, Parallel.For) vs discarding");
    var rates = new Dictionary<string, List<double>>();
    for (int round = 0; round <= rounds; round++)
    {
        foreach ((string backend, IImageGenerator generator) in backends)
        {
            foreach (bool png in new[] { false, true })
            {
                string key = $"{backend} {(png ? "png folder" : "discard")}";
                ISampleSink sink = png ? new BackgroundSampleSink(new PngFolderSampleSink(Path.Combine(folder, "pngs"), count, parallel: true)) : new DiscardSink();
                double wall = Rates(count, () =>
                {
                    for (int start = 0; start < count; start += batch)
                    {
                        int n = Math.Min(batch, count - start);
                        sink.Write(generator.Render(LatentSeeds.Range(1, start, n, generator.LatentDimension, generator.LatentDistribution), n), start);
                    }

                    sink.Complete();
                }).Wall;
                sink.Dispose();
                if (round > 0)
                {
                    (rates.TryGetValue(key, out var list) ? list : rates[key] = []).Add(wall);
                }
            }
        }
    }

    foreach ((string backend, _) in backends)
    {
        double discard = Median(rates[$"{backend} discard"]), png = Median(rates[$"{backend} png folder"]);
        Console.WriteLine($"{backend}: discard {N0(discard)} img/s, png folder {N0(png)} img/s, png/discard = {png / discard:F2}");
    }
}

/// <summary>A sink that drops the batches: the loop's generation cost alone.</summary>
internal sealed class DiscardSink : ISampleSink
{
    public void Write(ImageBatch batch, int first)
    {
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}

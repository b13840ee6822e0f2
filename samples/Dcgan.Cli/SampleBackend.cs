// SampleBackend: what runs the generator of `dcgan sample`: TorchSharp on a checkpoint (--checkpoint, the default
// backend), or ONNX Runtime on an exported model (--backend onnx --model g.onnx). Both render image i of a seed from
// LatentSeeds.Row(seed, i), so a seed gives the same images on either backend (within 1e-5).
using System.CommandLine;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Models;
using Dcgan.Onnx;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class SampleBackend
{
    public const string Torch = "torch";
    public const string Onnx = "onnx";

    public static Option<string> BackendOption()
    {
        var option = new Option<string>("--backend")
        {
            Description = "torch: TorchSharp on a --checkpoint; onnx: ONNX Runtime on a --model exported by `dcgan export` (no libtorch). A seed gives the same images on both.",
            DefaultValueFactory = _ => Torch,
            HelpName = "torch|onnx",
        };
        option.AcceptOnlyFromAmong(Torch, Onnx);
        return option;
    }

    public static Option<string?> ModelOption() => new("--model")
    {
        Description = "With --backend onnx: the generator's ONNX file (from `dcgan export`, or any ONNX generator with z [N, Z] or [N, Z, 1, 1] in and images [N, C, H, W] in [-1, 1] out).",
        HelpName = "FILE.onnx",
    };

    public static Option<string?> PriorOption()
    {
        var option = new Option<string?>("--prior")
        {
            Description = "With --backend onnx, for a model that does not record its latent prior (e.g. exported by PyTorch): normal (pytorch/examples) or uniform (the paper).",
            HelpName = "normal|uniform",
        };
        option.AcceptOnlyFromAmong("normal", "uniform");
        return option;
    }

    /// <summary>
    /// Checks the backend's options (before anything is loaded or written) and opens the generator: a checkpoint's
    /// TorchSharp generator, or an ONNX model in ONNX Runtime. The caller disposes it.
    /// </summary>
    public static IImageGenerator Open(ParseResult parse, Option<string> backend, Option<string> checkpoint, Option<string?> model, Option<string?> prior, BatchNormMode mode)
    {
        string? modelFile = parse.GetValue(model);
        string? priorName = parse.GetValue(prior);
        bool hasCheckpoint = parse.GetResult(checkpoint) is { Implicit: false };
        if (parse.GetValue(backend) != Onnx)
        {
            if (modelFile is not null)
            {
                throw new ArgumentException($"--model '{modelFile}' is an ONNX model; add --backend onnx to sample it with ONNX Runtime (the default backend, torch, samples a --checkpoint).");
            }

            if (priorName is not null)
            {
                throw new ArgumentException($"--prior {priorName} is for --backend onnx models that do not record their prior; a checkpoint records its own.");
            }

            if (!hasCheckpoint)
            {
                throw new ArgumentException("--checkpoint is required: a checkpoint file or run folder (or give --backend onnx --model g.onnx).");
            }

            return CheckpointSupport.LoadGenerator(parse, checkpoint, mode).Generator;
        }

        if (hasCheckpoint)
        {
            throw new ArgumentException($"--backend onnx samples an ONNX model, not --checkpoint '{parse.GetValue(checkpoint)}': export it first with `dcgan export --checkpoint RUN --output g.onnx`, then give --model g.onnx.");
        }

        if (modelFile is null)
        {
            throw new ArgumentException("--backend onnx needs --model: the generator's ONNX file, written by `dcgan export --checkpoint RUN --output g.onnx`.");
        }

        if (mode != BatchNormMode.RunningStatistics)
        {
            throw new ArgumentException("--batch-norm batch needs --backend torch: an ONNX model is in inference form (batch norm with its running statistics).");
        }

        string full = Path.GetFullPath(modelFile);
        if (File.Exists(full))
        {
            InputFiles.RequireNotCheckpoint("--model", full, "an ONNX model (.onnx) written by `dcgan export`");
        }

        var options = new OnnxGeneratorOptions
        {
            LatentDistribution = priorName switch { "normal" => LatentDistribution.Normal, "uniform" => LatentDistribution.Uniform, _ => null },
        };
        OnnxImageGenerator generator;
        try
        {
            generator = new OnnxImageGenerator(full, options);
        }
        catch (InvalidDataException e) when (priorName is null && e.Message.Contains($"no {OnnxMetadataKeys.LatentPrior} metadata", StringComparison.Ordinal))
        {
            throw new ArgumentException($"--model '{full}' does not record its latent prior ({OnnxMetadataKeys.LatentPrior}); give --prior normal (pytorch/examples) or --prior uniform (the paper).", e);
        }
        catch (InvalidDataException e) when (priorName is not null && e.Message.Contains($"but {nameof(OnnxGeneratorOptions)}.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"--prior {priorName} contradicts the prior that --model '{full}' records ({OnnxMetadataKeys.LatentPrior}); leave --prior out.", e);
        }

        AnsiConsole.MarkupLine(Markup.Escape(
            $"ONNX Runtime generator from {Path.GetFileName(full)}: z {generator.LatentDimension}-d {generator.LatentDistribution}, images {generator.ImageShape}, batch norm with running statistics."));
        return generator;
    }

    /// <summary>
    /// The images of <paramref name="rows"/>, <paramref name="batchSize"/> rows per forward pass: TorchSharp with the
    /// batch-norm mode, any other backend through its rendering contract (running statistics).
    /// </summary>
    public static ImageBatch Render(IImageGenerator generator, IReadOnlyList<float[]> rows, BatchNormMode mode, int batchSize) =>
        generator is IGenerator torch ? torch.Render(rows, mode, batchSize) : generator.Render(rows, batchSize);
}

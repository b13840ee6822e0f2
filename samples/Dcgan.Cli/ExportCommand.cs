// `dcgan export`: a checkpoint's generator (and optionally discriminator) as ONNX models for ONNX Runtime, in inference
// form (batch norm with running statistics), with the latent prior, image shape, value range and the checkpoint's
// provenance (file, step, epoch, SHA-256) in the model's metadata.
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Dcgan.CommandLine;
using Dcgan.Export;
using Dcgan.Generation;
using Dcgan.Models;
using Dcgan.Persistence;

namespace Dcgan.Cli;

internal static class ExportCommand
{
    private static readonly Option<string> Checkpoint = CheckpointSupport.Option();

    private static readonly Option<string> Output = new("--output")
    {
        Description = "The generator's ONNX file to write, e.g. g.onnx (input z [N, Z], output images [N, C, H, W] in [-1, 1]).",
        Required = true,
    };

    private static readonly Option<string?> Discriminator = new("--discriminator")
    {
        Description = "Also write the discriminator to this ONNX file (input images [N, C, H, W], output logits [N]).",
    };

    public static Command Create()
    {
        var command = new Command("export", "Export a checkpoint's generator (and discriminator) as ONNX models (opset 13) for ONNX Runtime.")
        {
            Checkpoint, Output, Discriminator,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string output = parse.GetValue(Output)!;
        string? discriminatorOutput = parse.GetValue(Discriminator);
        (DcganGenerator generator, CheckpointInfo checkpoint, string file) = CheckpointSupport.LoadGenerator(parse, Checkpoint);
        using (generator)
        {
            Dictionary<string, string> provenance = Provenance(file, checkpoint);
            OnnxExport.Generator(generator, output, provenance);
            LatentCommandSupport.Wrote($"the generator as ONNX (z {generator.LatentDimension}-d {generator.LatentDistribution} -> images {generator.ImageShape})", Path.GetFullPath(output));
            if (discriminatorOutput is not null)
            {
                (DcganDiscriminator discriminator, _) = CheckpointModels.LoadDiscriminator<DcganDiscriminator>(file);
                using (discriminator)
                {
                    OnnxExport.Discriminator(discriminator, discriminatorOutput, provenance);
                }

                LatentCommandSupport.Wrote("the discriminator as ONNX (images -> logits)", Path.GetFullPath(discriminatorOutput));
            }
        }

        return 0;
    }

    private static Dictionary<string, string> Provenance(string file, CheckpointInfo checkpoint)
    {
        using FileStream stream = File.OpenRead(file);
        return new Dictionary<string, string>
        {
            ["dcgan.checkpoint_file"] = Path.GetFileName(file),
            ["dcgan.checkpoint_sha256"] = Convert.ToHexStringLower(SHA256.HashData(stream)),
            [Dcgan.Onnx.OnnxGeneratorLoader.CheckpointStepKey] = checkpoint.GlobalStep.ToString(CultureInfo.InvariantCulture),
            [Dcgan.Onnx.OnnxGeneratorLoader.CheckpointEpochKey] = checkpoint.Epoch.ToString(CultureInfo.InvariantCulture),
            ["dcgan.checkpoint_created_utc"] = checkpoint.CreatedUtc.ToString("O", CultureInfo.InvariantCulture),
        };
    }
}

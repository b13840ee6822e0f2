// `dcgan convert`: PyTorch state dicts (pytorch/examples' netG.pth / netD.pth) to a Dcgan checkpoint, or a checkpoint's
// networks to netG.pth / netD.pth for torch.load. The layout of the files is PyTorchKeyLayout's (README, "Interop with
// PyTorch"); a file that does not fit is refused with every missing, unexpected and misshaped key listed.
using System.CommandLine;
using Dcgan.Generation;
using Dcgan.Interop;
using Dcgan.Models;
using Dcgan.Persistence;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class ConvertCommand
{
    private static readonly Option<string?> Generator = new("--generator") { Description = "PyTorch → Dcgan: the generator's state dict, torch.save(netG.state_dict(), 'netG.pth')." };

    private static readonly Option<string?> Discriminator = new("--discriminator") { Description = "PyTorch → Dcgan: the discriminator's state dict (optional; without it the checkpoint has a generator only)." };

    private static readonly Option<string> Preset = new("--preset")
    {
        Description = "The layout of the files: pytorch (pytorch/examples: 1x1 transposed-conv projection, 4x4 kernels, normal z) or paper (dense projection, 5x5 kernels, uniform z).",
        DefaultValueFactory = _ => "pytorch",
        HelpName = "pytorch|paper",
    };

    private static readonly Option<int> ImageSize = new("--image-size") { Description = "Side of the square images (b * 2^k, b in 4..7: 28, 32, 64, ...).", DefaultValueFactory = _ => 64 };

    private static readonly Option<int> Channels = new("--channels") { Description = "Image channels (pytorch/examples' nc).", DefaultValueFactory = _ => 3 };

    private static readonly Option<int> LatentDimension = new("--latent-dim") { Description = "Length of z (pytorch/examples' nz).", DefaultValueFactory = _ => 100 };

    private static readonly Option<int> GeneratorWidth = new("--generator-width") { Description = "Generator width (ngf).", DefaultValueFactory = _ => 64 };

    private static readonly Option<int> DiscriminatorWidth = new("--discriminator-width") { Description = "Discriminator width (ndf).", DefaultValueFactory = _ => 64 };

    private static readonly Option<string?> Output = new("--output") { Description = "PyTorch → Dcgan: the checkpoint to write, e.g. model.dcgan." };

    private static readonly Option<string?> Checkpoint = new("--checkpoint") { Description = "Dcgan → PyTorch: a checkpoint file, or a run folder (its newest checkpoint)." };

    private static readonly Option<string?> OutputFolder = new("--output-dir") { Description = "Dcgan → PyTorch: the folder for netG.pth and netD.pth (created if missing)." };

    public static Command Create()
    {
        var command = new Command("convert",
            "Convert PyTorch state dicts (pytorch/examples' netG.pth, netD.pth) to a Dcgan checkpoint (--generator ... --output model.dcgan), or a checkpoint back to netG.pth/netD.pth (--checkpoint ... --output-dir DIR).")
        {
            Generator, Discriminator, Preset, ImageSize, Channels, LatentDimension, GeneratorWidth, DiscriminatorWidth, Output,
            Checkpoint, OutputFolder,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string? generator = parse.GetValue(Generator);
        string? checkpoint = parse.GetValue(Checkpoint);
        if ((generator is null) == (checkpoint is null))
        {
            throw new ArgumentException(
                "convert needs either --generator netG.pth [--discriminator netD.pth] --output model.dcgan (PyTorch to Dcgan) or --checkpoint model.dcgan --output-dir DIR (Dcgan to PyTorch), not " +
                (generator is null ? "neither." : "both."));
        }

        return generator is not null ? Import(parse, generator) : Export(parse, checkpoint!);
    }

    private static int Import(ParseResult parse, string generator)
    {
        RefuseOptions(parse, "--generator", Checkpoint, OutputFolder);
        string output = parse.GetValue(Output)
            ?? throw new ArgumentException("--generator needs --output: the checkpoint to write, e.g. --output model.dcgan.");
        string preset = parse.GetValue(Preset)!.ToLowerInvariant();
        DcganModelOptions architecture = preset switch
        {
            "pytorch" => DcganModelOptions.PyTorchExample(parse.GetValue(ImageSize), parse.GetValue(Channels)),
            "paper" => DcganModelOptions.Paper(parse.GetValue(ImageSize), parse.GetValue(Channels)),
            _ => throw new ArgumentException($"--preset '{parse.GetValue(Preset)}' is not a layout; expected pytorch or paper."),
        };
        architecture.LatentDimension = parse.GetValue(LatentDimension);
        architecture.GeneratorWidth = parse.GetValue(GeneratorWidth);
        architecture.DiscriminatorWidth = parse.GetValue(DiscriminatorWidth);
        string? discriminator = parse.GetValue(Discriminator);

        CheckpointInfo written = PyTorchCheckpoints.Import(generator, discriminator, architecture, output);
        LatentCommandSupport.Wrote(
            $"a checkpoint of the {preset} {architecture.ImageSize}x{architecture.ImageSize}x{architecture.Channels} generator" +
            (written.HasDiscriminator ? " and discriminator" : " without a discriminator") +
            $", z {architecture.LatentDimension}-d {architecture.LatentDistribution}",
            Path.GetFullPath(output));
        return 0;
    }

    private static int Export(ParseResult parse, string checkpoint)
    {
        RefuseOptions(parse, "--checkpoint", Discriminator, Output);
        string folder = parse.GetValue(OutputFolder)
            ?? throw new ArgumentException("--checkpoint needs --output-dir: the folder for netG.pth and netD.pth.");
        IReadOnlyList<string> written = PyTorchCheckpoints.Export(checkpoint, folder);
        foreach (string file in written)
        {
            LatentCommandSupport.Wrote("a PyTorch state dict", file);
        }

        if (written.Count == 1)
        {
            AnsiConsole.MarkupLine("The checkpoint has no discriminator: only netG.pth was written.");
        }

        return 0;
    }

    // The options of the other direction are refused rather than ignored.
    private static void RefuseOptions(ParseResult parse, string mode, params Option[] others)
    {
        foreach (Option option in others.Where(o => parse.GetResult(o) is { Implicit: false }))
        {
            throw new ArgumentException($"{option.Name} belongs to the other direction of convert and cannot be used with {mode}.");
        }
    }
}

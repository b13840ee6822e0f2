// PyTorchCheckpoints: pytorch/examples-style netG.pth/netD.pth <-> a Dcgan checkpoint (.dcgan). An imported checkpoint
// holds the networks and the architecture, no optimizer state: `dcgan sample`, `interpolate`, `arithmetic` and the
// hosting GeneratorPool read it; training cannot resume from it (there is no optimizer state to resume).
using Dcgan.Generation;
using Dcgan.Models;
using Dcgan.Persistence;

namespace Dcgan.Interop;

/// <summary>Converts between PyTorch state-dict files and Dcgan checkpoints.</summary>
public static class PyTorchCheckpoints
{
    /// <summary>The generator file name <see cref="Export"/> writes (pytorch/examples' name).</summary>
    public const string GeneratorFileName = "netG.pth";

    /// <summary>The discriminator file name <see cref="Export"/> writes.</summary>
    public const string DiscriminatorFileName = "netD.pth";

    /// <summary>
    /// Loads <paramref name="generatorFile"/> (and <paramref name="discriminatorFile"/> when given) into networks of
    /// <paramref name="architecture"/> and writes them as a checkpoint (atomically), with the architecture, the state
    /// shapes and no optimizer state. Nothing is written when a file does not fit.
    /// </summary>
    /// <param name="generatorFile">A <c>torch.save(netG.state_dict())</c> file.</param>
    /// <param name="discriminatorFile">A <c>torch.save(netD.state_dict())</c> file, or null for a generator-only checkpoint.</param>
    /// <param name="architecture">The architecture the files were made for, e.g. <c>DcganModelOptions.PyTorchExample(64, 3)</c>.</param>
    /// <param name="checkpointFile">The checkpoint to write (conventionally <c>.dcgan</c>); its folder is created.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="PyTorchStateDictException">A file is missing or unreadable, or its keys do not fit (all of them listed).</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid.</exception>
    public static CheckpointInfo Import(string generatorFile, string? discriminatorFile, DcganModelOptions architecture, string checkpointFile)
    {
        ArgumentNullException.ThrowIfNull(generatorFile);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(checkpointFile);
        using DcganGenerator generator = PyTorchStateDict.LoadGenerator(generatorFile, architecture);
        using DcganDiscriminator? discriminator = discriminatorFile is null ? null : PyTorchStateDict.LoadDiscriminator(discriminatorFile, architecture);
        string source = $"converted from PyTorch: {Path.GetFullPath(generatorFile)}" +
            (discriminatorFile is null ? "" : $" and {Path.GetFullPath(discriminatorFile)}");
        return CheckpointModels.Save(checkpointFile, generator, discriminator, new DcganNetworkBuilder().Describe(architecture), source);
    }

    /// <summary>
    /// Writes the networks of a checkpoint as <see cref="GeneratorFileName"/> and (when the checkpoint has one)
    /// <see cref="DiscriminatorFileName"/> in <paramref name="outputFolder"/>, in the layout of
    /// <see cref="PyTorchKeyLayout"/>: at 64x64 with the PyTorchExample preset, pytorch/examples' Generator and
    /// Discriminator load them with <c>load_state_dict(torch.load(path), strict=True)</c>.
    /// </summary>
    /// <param name="checkpoint">A checkpoint file or a run folder (its newest checkpoint).</param>
    /// <param name="outputFolder">The folder to write to; created if missing. Existing files of those names are replaced.</param>
    /// <returns>The files written, generator first.</returns>
    /// <exception cref="CheckpointException">The checkpoint is missing, corrupt, or holds networks of another kind than "dcgan".</exception>
    /// <exception cref="PyTorchStateDictException">A network's state does not match its layout.</exception>
    public static IReadOnlyList<string> Export(string checkpoint, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(outputFolder);
        string file = CheckpointLocator.Resolve(checkpoint);
        string folder = Path.GetFullPath(outputFolder);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        (DcganGenerator generator, CheckpointInfo info) = CheckpointModels.LoadGenerator<DcganGenerator>(file);
        using (generator)
        {
            string path = Path.Combine(folder, GeneratorFileName);
            PyTorchStateDict.Save(generator, path);
            written.Add(path);
        }

        if (info.HasDiscriminator)
        {
            (DcganDiscriminator discriminator, _) = CheckpointModels.LoadDiscriminator<DcganDiscriminator>(file);
            using (discriminator)
            {
                string path = Path.Combine(folder, DiscriminatorFileName);
                PyTorchStateDict.Save(discriminator, path);
                written.Add(path);
            }
        }

        return written.AsReadOnly();
    }
}

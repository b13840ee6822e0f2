// PyTorchStateDict: reads and writes `torch.save(model.state_dict())` files (netG.pth, netD.pth) for Dcgan's networks
// through TorchSharp.PyBridge. Every key is checked against PyTorchKeyLayout first; a file that does not fit is refused
// with one message listing every missing, unexpected and misshaped key. No tensor leaves this file.
using System.Collections;
using Dcgan.Models;
using Dcgan.Native;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Dcgan.Interop;

/// <summary>
/// PyTorch state-dict files in and out of <see cref="DcganGenerator"/> and <see cref="DcganDiscriminator"/>, in the
/// layout of <see cref="PyTorchKeyLayout"/> (pytorch/examples' dcgan for the PyTorchExample preset at 64x64).
/// </summary>
/// <remarks>
/// Files are PyTorch's zip format (<c>torch.save</c> since PyTorch 1.6); the legacy pre-1.6 format and pickled whole
/// models are refused. Values are copied bit for bit in both directions. Networks are built and loaded on the CPU;
/// move them afterwards.
/// </remarks>
public static class PyTorchStateDict
{
    /// <summary>
    /// Builds a generator for <paramref name="architecture"/> and loads <paramref name="file"/> into it. The caller owns
    /// (disposes) the result, which is on the CPU in eval mode (running batch-norm statistics, as PyTorch's
    /// <c>netG.eval()</c>).
    /// </summary>
    /// <param name="file">A <c>torch.save(netG.state_dict())</c> file.</param>
    /// <param name="architecture">The architecture the file was made for (sizes, widths, preset).</param>
    /// <exception cref="PyTorchStateDictException">The file is missing or unreadable, or its keys do not fit (all of them listed).</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid.</exception>
    public static DcganGenerator LoadGenerator(string file, DcganModelOptions architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        TorchRuntime.EnsureLoaded();
        using var rng = new torch.Generator(0); // every value is overwritten; a private generator leaves the global RNG alone
        var generator = new DcganGenerator(architecture, rng);
        return Fill(generator, file, PyTorchKeyLayout.Generator(architecture), Describe("generator", architecture));
    }

    /// <summary>
    /// Builds a discriminator for <paramref name="architecture"/> and loads <paramref name="file"/> into it. The caller
    /// owns (disposes) the result, which is on the CPU in eval mode. Dcgan's discriminator returns logits: apply a
    /// sigmoid to compare with pytorch/examples' netD, whose last layer is a Sigmoid (without state).
    /// </summary>
    /// <param name="file">A <c>torch.save(netD.state_dict())</c> file.</param>
    /// <param name="architecture">The architecture the file was made for.</param>
    /// <exception cref="PyTorchStateDictException">The file is missing or unreadable, or its keys do not fit (all of them listed).</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid.</exception>
    public static DcganDiscriminator LoadDiscriminator(string file, DcganModelOptions architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        TorchRuntime.EnsureLoaded();
        using var rng = new torch.Generator(0);
        var discriminator = new DcganDiscriminator(architecture, rng);
        return Fill(discriminator, file, PyTorchKeyLayout.Discriminator(architecture), Describe("discriminator", architecture));
    }

    /// <summary>
    /// Writes the generator's state dict to <paramref name="file"/> for <c>torch.load</c>, keys in layer order, every
    /// tensor a detached CPU copy (<c>requires_grad</c> false, as <c>state_dict()</c> gives them in PyTorch).
    /// </summary>
    /// <param name="generator">The generator; left unchanged.</param>
    /// <param name="file">The <c>.pth</c> file to write (replaced if it exists; its folder must exist).</param>
    /// <exception cref="PyTorchStateDictException">The network's state does not match its layout (a custom or altered network).</exception>
    public static void Save(DcganGenerator generator, string file)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Write(generator, file, PyTorchKeyLayout.Generator(generator.Options), Describe("generator", generator.Options));
    }

    /// <summary>Writes the discriminator's state dict to <paramref name="file"/> for <c>torch.load</c> (see <see cref="Save(DcganGenerator, string)"/>).</summary>
    /// <param name="discriminator">The discriminator; left unchanged.</param>
    /// <param name="file">The <c>.pth</c> file to write (replaced if it exists; its folder must exist).</param>
    /// <exception cref="PyTorchStateDictException">The network's state does not match its layout.</exception>
    public static void Save(DcganDiscriminator discriminator, string file)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        Write(discriminator, file, PyTorchKeyLayout.Discriminator(discriminator.Options), Describe("discriminator", discriminator.Options));
    }

    private static T Fill<T>(T network, string file, IReadOnlyList<StateDictEntry> layout, string what)
        where T : nn.Module
    {
        try
        {
            string full = Path.GetFullPath(file);
            using var scope = NewDisposeScope();
            Dictionary<string, Tensor> loaded = Read(full);
            StateDictCheck.ThrowIfMismatched(loaded.ToDictionary(kv => kv.Key, kv => Describe(kv.Key, kv.Value)), layout,
                $"'{full}' does not fit the {what}");
            Dictionary<string, Tensor> targets = network.state_dict();
            using (no_grad())
            {
                foreach (StateDictEntry entry in layout)
                {
                    Tensor target = targets[entry.Key];
                    target.copy_(loaded[entry.Key].reshape(target.shape)); // PyBridge reads a 0-d tensor as [1]
                }
            }

            network.eval();
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    // The file's tensors by key, created in the caller's dispose scope.
    private static Dictionary<string, Tensor> Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new PyTorchStateDictException($"PyTorch state-dict file '{file}' does not exist.");
        }

        Hashtable table;
        try
        {
            using FileStream stream = File.OpenRead(file);
            table = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new PyTorchStateDictException(
                $"'{file}' is not a PyTorch state dict in the zip format of torch.save(model.state_dict()) (PyTorch 1.6 or later): {e.Message}", e);
        }

        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry item in table)
        {
            if (item.Key is string key && item.Value is Tensor tensor)
            {
                tensors[key] = tensor;
            }
        }

        return tensors;
    }

    private static void Write(nn.Module network, string file, IReadOnlyList<StateDictEntry> layout, string what)
    {
        string full = Path.GetFullPath(file);
        using var scope = NewDisposeScope();
        Dictionary<string, Tensor> state = network.state_dict();
        StateDictCheck.ThrowIfMismatched(state.ToDictionary(kv => kv.Key, kv => Describe(kv.Key, kv.Value)), layout,
            $"The {what} cannot be written to '{full}' in the PyTorch layout");
        var ordered = new OrderedStateDict();
        foreach (StateDictEntry entry in layout)
        {
            ordered.Add(entry.Key, state[entry.Key].detach().cpu());
        }

        string temporary = full + ".tmp";
        try
        {
            using (FileStream stream = File.Create(temporary))
            {
                PyTorchPickler.PickleStateDict(stream, ordered, leaveOpen: true);
            }

            File.Move(temporary, full, overwrite: true); // an existing file is replaced only by a complete one
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // PyBridge reads PyTorch's 0-dimensional num_batches_tracked as [1]: described (and compared) as the [] it was.
    private static StateDictEntry Describe(string key, Tensor tensor) => new(key,
        key.EndsWith(".num_batches_tracked", StringComparison.Ordinal) && tensor.shape is [1] ? [] : tensor.shape, tensor.dtype switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.Int64 => "int64",
        ScalarType other => other.ToString().ToLowerInvariant(),
    });

    private static string Describe(string role, DcganModelOptions o) =>
        $"{(o.Projection == LatentProjection.TransposedConvolution ? "PyTorch-example" : "Paper")} {role} for {o.ImageSize}x{o.ImageSize}x{o.Channels} " +
        $"(latent {o.LatentDimension}, generator width {o.GeneratorWidth}, discriminator width {o.DiscriminatorWidth}, kernel {o.KernelSize})";
}

// Files that do not fit are refused with every problem named: missing, unexpected and misshaped keys, wrong files.
using System.Collections;
using Dcgan.Models;
using Dcgan.Persistence;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Dcgan.Interop.Tests;

public sealed class PyTorchStateDictRefusalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dcgan-interop-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Missing_and_unexpected_keys_are_all_listed()
    {
        string file = Rewrite(PyTorchFixture.PyTorch64.Generator, table =>
        {
            table.Remove("main.12.weight");
            table.Remove("main.4.running_var");
            table["main.13.weight"] = zeros(3);
            table["module.extra"] = zeros(1);
        });

        Action load = () => PyTorchStateDict.LoadGenerator(file, PyTorchFixture.PyTorch64.Architecture).Dispose();

        load.Should().Throw<PyTorchStateDictException>()
            .WithMessage($"*'{file}' does not fit the PyTorch-example generator for 64x64x1*")
            .WithMessage("*2 missing key(s): main.4.running_var [32], main.12.weight [8, 1, 4, 4]*")
            .WithMessage("*2 unexpected key(s): main.13.weight [3], module.extra [1]*");
    }

    [Fact]
    public void Misshaped_and_mistyped_keys_are_all_listed()
    {
        string file = Rewrite(PyTorchFixture.PyTorch64.Discriminator, table =>
        {
            table["main.0.weight"] = zeros(8, 3, 4, 4);
            table["main.3.weight"] = zeros(new long[] { 16 }, ScalarType.Float64);
        });

        Action load = () => PyTorchStateDict.LoadDiscriminator(file, PyTorchFixture.PyTorch64.Architecture).Dispose();

        load.Should().Throw<PyTorchStateDictException>()
            .WithMessage("*2 misshaped key(s): main.0.weight is [8, 3, 4, 4] float32, expected [8, 1, 4, 4] float32; main.3.weight is [16] float64, expected [16] float32*")
            .Where(e => !e.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_for_another_width_or_size_is_refused_naming_the_architecture_asked_for()
    {
        DcganModelOptions wider = PyTorchFixture.PyTorch64.Architecture.Clone();
        wider.GeneratorWidth = 16;
        DcganModelOptions smaller = PyTorchFixture.PyTorch64.Architecture.Clone();
        smaller.ImageSize = 32;

        Action wrongWidth = () => PyTorchStateDict.LoadGenerator(PyTorchFixture.PyTorch64.Generator, wider).Dispose();
        Action wrongSize = () => PyTorchStateDict.LoadGenerator(PyTorchFixture.PyTorch64.Generator, smaller).Dispose();

        wrongWidth.Should().Throw<PyTorchStateDictException>()
            .WithMessage("*generator width 16*misshaped key(s): main.0.weight is [16, 64, 4, 4] float32, expected [16, 128, 4, 4] float32*");
        wrongSize.Should().Throw<PyTorchStateDictException>().WithMessage("*for 32x32x1*unexpected key(s): main.10.*");
    }

    [Fact]
    public void A_file_that_is_not_a_state_dict_is_refused_naming_it()
    {
        string text = Path.Combine(_folder, "notes.pth");
        File.WriteAllText(text, "not a zip");
        string missing = Path.Combine(_folder, "absent.pth");

        Action garbage = () => PyTorchStateDict.LoadGenerator(text, PyTorchFixture.PyTorch64.Architecture).Dispose();
        Action absent = () => PyTorchStateDict.LoadGenerator(missing, PyTorchFixture.PyTorch64.Architecture).Dispose();

        garbage.Should().Throw<PyTorchStateDictException>().WithMessage($"'{text}' is not a PyTorch state dict*");
        absent.Should().Throw<PyTorchStateDictException>().WithMessage($"*'{missing}' does not exist*");
    }

    [Fact]
    public void A_refused_import_writes_no_checkpoint()
    {
        string checkpoint = Path.Combine(_folder, "model.dcgan");
        DcganModelOptions wrong = PyTorchFixture.PyTorch64.Architecture.Clone();
        wrong.LatentDimension = 100;

        Action import = () => PyTorchCheckpoints.Import(PyTorchFixture.PyTorch64.Generator, PyTorchFixture.PyTorch64.Discriminator, wrong, checkpoint);

        import.Should().Throw<PyTorchStateDictException>().WithMessage("*main.0.weight is [16, 64, 4, 4] float32, expected [100, 64, 4, 4] float32*");
        File.Exists(checkpoint).Should().BeFalse();
    }

    [Fact]
    public void A_state_that_does_not_fit_its_layout_is_refused_on_export_too()
    {
        var actual = PyTorchKeyLayout.Generator(PyTorchFixture.PyTorch32.Architecture)
            .Where(e => e.Key != "main.0.weight")
            .Append(new StateDictEntry("main.1.weight", [9], "float32"))
            .Append(new StateDictEntry("ema.main.0.weight", [1], "float32"))
            .GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last());

        Action check = () => StateDictCheck.ThrowIfMismatched(actual, PyTorchKeyLayout.Generator(PyTorchFixture.PyTorch32.Architecture), "The generator cannot be written");

        check.Should().Throw<PyTorchStateDictException>()
            .WithMessage("The generator cannot be written: 1 missing key(s): main.0.weight [16, 32, 4, 4]. 1 unexpected key(s): ema.main.0.weight [1]. 1 misshaped key(s): main.1.weight is [9] float32, expected [32] float32.*");
    }

    // Reads a fixture with PyBridge, changes the table, writes it back as a new .pth file.
    private string Rewrite(string source, Action<Hashtable> change)
    {
        string file = Path.Combine(_folder, $"{Guid.NewGuid():N}.pth");
        using var scope = NewDisposeScope();
        Hashtable table;
        using (FileStream input = File.OpenRead(source))
        {
            table = PyTorchUnpickler.UnpickleStateDict(input);
        }

        change(table);
        using FileStream output = File.Create(file);
        PyTorchPickler.PickleStateDict(output, table, leaveOpen: false);
        return file;
    }
}

// The .npy/.npz reader and writer against NumPy's own files (the fixtures) and the documented format.
using System.IO.Compression;
using System.Text;

namespace Dcgan.Interop.Tests;

public sealed class NpyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dcgan-npy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_header_is_byte_for_byte_what_NumPy_writes()
    {
        byte[] numpy = File.ReadAllBytes(PyTorchFixture.PyTorch64.GeneratedImages); // np.save of float32 (4, 1, 64, 64)
        string file = Path.Combine(_folder, "ours.npy");
        NpyArray<float> array = NpyFile.ReadFloat32(PyTorchFixture.PyTorch64.GeneratedImages);

        NpyFile.Write(file, array.Data, array.Shape);

        array.ShapeText.Should().Be("(4, 1, 64, 64)");
        File.ReadAllBytes(file).Should().Equal(numpy);
        (numpy.Length - array.Data.Length * 4).Should().Be(128, "numpy pads the 1.0 header to a multiple of 64 bytes");
    }

    [Fact]
    public void Float32_and_uint8_arrays_round_trip_bitwise_including_one_dimension_and_NaN()
    {
        float[] values = [1.5f, -0f, float.NaN, float.PositiveInfinity, 3e-39f, -1f];
        byte[] bytes = [0, 1, 127, 128, 254, 255];
        string f = Path.Combine(_folder, "f.npy");
        string u = Path.Combine(_folder, "u.npy");

        NpyFile.Write(f, values, [6]);
        NpyFile.Write(u, bytes, [2, 3]);

        NpyArray<float> floats = NpyFile.ReadFloat32(f);
        floats.Shape.Should().Equal(6L);
        floats.ShapeText.Should().Be("(6,)");
        Bits.Of(floats.Data).Should().Equal(Bits.Of(values));
        NpyFile.ReadUInt8(u).Data.Should().Equal(bytes);
        byte[] file = File.ReadAllBytes(u);
        file.Should().HaveCount(128 + 6, "the header is padded to 128 bytes");
        Encoding.ASCII.GetString(file, 10, 128 - 10).Should().Be("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3), }".PadRight(128 - 10 - 1) + "\n");
    }

    [Fact]
    public void An_npz_holds_each_array_as_an_uncompressed_npy_entry_and_is_read_back()
    {
        string file = Path.Combine(_folder, "samples.npz");
        using (var npz = new NpzWriter(file))
        {
            NpyWriter images = npz.AddArray("arr_0", NpyDataType.UInt8, [2, 2, 2, 1]);
            images.Append([1, 2, 3, 4]);
            images.Append([5, 6, 7, 8]);
            images.Complete();
        }

        using (ZipArchive zip = ZipFile.OpenRead(file))
        {
            zip.Entries.Select(e => e.FullName).Should().Equal("arr_0.npy");
            zip.Entries[0].CompressedLength.Should().Be(zip.Entries[0].Length);
        }

        NpyArray<byte> read = NpyFile.ReadUInt8FromNpz(file, "arr_0");
        read.Shape.Should().Equal(2L, 2L, 2L, 1L);
        read.Data.Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
    }

    [Fact]
    public void Writing_more_or_fewer_elements_than_the_shape_holds_is_refused()
    {
        using var stream = new MemoryStream();
        using var writer = new NpyWriter(stream, NpyDataType.Float32, [2, 2], leaveOpen: true);
        writer.Append([1f, 2f, 3f]);

        Action tooFew = writer.Complete;
        Action tooMany = () => writer.Append([4f, 5f]);
        Action wrongType = () => writer.Append(new byte[] { 1 });

        tooFew.Should().Throw<InvalidOperationException>().WithMessage("*(2, 2) needs 4 elements; 3 were written*");
        tooMany.Should().Throw<InvalidOperationException>().WithMessage("*holds 4 elements; 5 would be written*");
        wrongType.Should().Throw<InvalidOperationException>().WithMessage("*holds Float32; UInt8 elements cannot be appended*");
    }

    [Fact]
    public void An_incomplete_npz_array_is_refused_when_the_archive_closes()
    {
        string file = Path.Combine(_folder, "short.npz");
        var npz = new NpzWriter(file);
        npz.AddArray("arr_0", NpyDataType.UInt8, [4]).Append([1, 2]);

        Action close = npz.Dispose;

        close.Should().Throw<InvalidOperationException>().WithMessage("*has 2 of its 4 elements*");
    }

    [Fact]
    public void Files_Dcgan_cannot_use_are_refused_naming_the_file_and_the_problem()
    {
        string integers = Header("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", 16);
        string doubles = Header("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 16);
        string fortran = Header("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", 16);
        string truncated = Header("{'descr': '<f4', 'fortran_order': False, 'shape': (8,), }", 12);
        string text = Path.Combine(_folder, "text.npy");
        File.WriteAllText(text, "0.5, 0.25");

        ((Action)(() => NpyFile.ReadFloat32(integers))).Should().Throw<NpyFormatException>().WithMessage($"'{integers}' holds elements of dtype '<i8'; expected float32*");
        ((Action)(() => NpyFile.ReadFloat32(doubles))).Should().Throw<NpyFormatException>().WithMessage($"'{doubles}' holds Float64 elements ('<f8'); expected Float32 ('<f4').");
        ((Action)(() => NpyFile.ReadFloat32(fortran))).Should().Throw<NpyFormatException>().WithMessage("*Fortran order*");
        ((Action)(() => NpyFile.ReadFloat32(truncated))).Should().Throw<NpyFormatException>().WithMessage("*is truncated*");
        ((Action)(() => NpyFile.ReadFloat32(text))).Should().Throw<NpyFormatException>().WithMessage("*is not a NumPy .npy file*");
        ((Action)(() => NpyFile.ReadUInt8(PyTorchFixture.PyTorch64.Latents))).Should().Throw<NpyFormatException>().WithMessage("*holds Float32 elements ('<f4'); expected UInt8 ('|u1')*");
        ((Action)(() => NpyFile.ReadFloat32(Path.Combine(_folder, "none.npy")))).Should().Throw<NpyFormatException>().WithMessage("*does not exist*");
    }

    // A hand-made .npy file: a 1.0 header with `dict`, then `dataBytes` zero bytes.
    private string Header(string dict, int dataBytes)
    {
        string path = Path.Combine(_folder, $"{Guid.NewGuid():N}.npy");
        string padded = dict.PadRight(64 - 10 - 1) + "\n";
        using var file = new BinaryWriter(File.Create(path));
        file.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 });
        file.Write((ushort)padded.Length);
        file.Write(Encoding.ASCII.GetBytes(padded));
        file.Write(new byte[dataBytes]);
        return path;
    }
}

// `dcgan sample --format npy|npz` and `--latent`: NumPy outputs hold exactly the images of the seed convention (or of
// the given vectors), whatever the batch size; bad combinations are refused naming the options.
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Interop;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Persistence;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class SampleFormatTests(TinyRun run)
{
    private const int Count = 5;
    private const long Seed = 7;

    [Fact]
    public void Npy_holds_the_raw_images_of_the_seed_bit_for_bit_and_other_batch_sizes_agree_to_float_rounding()
    {
        string root = run.NewFolder();
        Sample("--output", Path.Combine(root, "one.npy"), "--batch-size", "256").Should().Be(0);
        Sample("--output", Path.Combine(root, "two.npy"), "--batch-size", "2").Should().Be(0);

        NpyArray<float> one = NpyFile.ReadFloat32(Path.Combine(root, "one.npy"));
        NpyArray<float> two = NpyFile.ReadFloat32(Path.Combine(root, "two.npy"));
        one.Shape.Should().Equal((long)Count, 1L, 28L, 28L);
        Bits(one.Data).Should().Equal(Bits(Expected().Pixels)); // one batch of 5, as Expected() renders them
        // libtorch's convolution kernels depend on the batch size in the last bits: close, not bitwise.
        two.Data.Zip(one.Data, (a, b) => MathF.Abs(a - b)).Max().Should().BeLessThan(1e-5f);
    }

    [Fact]
    public void Npz_holds_the_same_images_as_uint8_channels_last_under_arr_0()
    {
        string root = run.NewFolder();
        Sample("--output", Path.Combine(root, "s.npz"), "--batch-size", "3").Should().Be(0);

        NpyArray<byte> images = NpyFile.ReadUInt8FromNpz(Path.Combine(root, "s.npz"), "arr_0");
        ImageBatch expected = Expected();
        images.Shape.Should().Equal((long)Count, 28L, 28L, 1L);
        images.Data.Should().Equal(expected.Pixels.Select(PixelScaling.ToByte)); // one channel: NHWC is NCHW's order
    }

    [Fact]
    public void Latent_vectors_from_a_file_give_their_images_in_order()
    {
        string root = run.NewFolder();
        float[][] rows = LatentSeeds.ForSeed(Seed + 1, 3, 100, LatentDistribution.Uniform);
        string flat = Path.Combine(root, "z.npy");
        string column = Path.Combine(root, "z4.npy");
        NpyFile.Write(flat, rows.SelectMany(r => r).ToArray(), [3, 100]);
        NpyFile.Write(column, rows.SelectMany(r => r).ToArray(), [3, 100, 1, 1]);

        Dcgan("--latent", flat, "--output", Path.Combine(root, "a.npy")).Should().Be(0);
        Dcgan("--latent", column, "--format", "npy", "--output", Path.Combine(root, "b.npy")).Should().Be(0);

        float[] a = NpyFile.ReadFloat32(Path.Combine(root, "a.npy")).Data;
        (DcganGenerator generator, _) = CheckpointModels.LoadGenerator<DcganGenerator>(CheckpointLocator.Resolve(run.RunFolder));
        using (generator)
        {
            Bits(a).Should().Equal(Bits(generator.Render(rows).Pixels));
        }

        Bits(NpyFile.ReadFloat32(Path.Combine(root, "b.npy")).Data).Should().Equal(Bits(a));
    }

    [Fact]
    public void A_folder_of_more_than_one_batch_is_numbered_in_order()
    {
        string folder = Path.Combine(run.NewFolder(), "each");
        Sample("--output", folder, "--batch-size", "2").Should().Be(0);

        Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(Enumerable.Range(0, Count).Select(i => $"sample-{i:D4}.png"));
    }

    [Theory]
    [InlineData(new[] { "--format", "npz", "--output", "x.npy" }, "--format npz writes a file ending in .npz, but --output is")]
    [InlineData(new[] { "--format", "gif", "--output", "x.gif" }, "--format 'gif' is not an output form; expected png, folder, npy or npz.")]
    [InlineData(new[] { "--format", "folder", "--output", "x.png" }, "--format folder writes a folder path without an extension")]
    [InlineData(new[] { "--output", "x.jpg" }, "has the extension .jpg, but sample writes PNG, .npy or .npz only")]
    [InlineData(new[] { "--output", "x.png", "--count", "5000" }, "--count 5000 is out of range: expected 1 to 4096. (A grid is built in memory")]
    [InlineData(new[] { "--output", "x.npy", "--count", "0" }, "--count 0 is out of range: expected 1 to 10,000,000.")]
    [InlineData(new[] { "--output", "x.npy", "--batch-size", "0" }, "--batch-size 0 is out of range: expected 1 to 4096.")]
    [InlineData(new[] { "--output", "x.npz", "--indexed" }, "--indexed draws one labelled grid")]
    [InlineData(new[] { "--output", "x.npy", "--latent", "z.npy", "--count", "3" }, "--count and --latent cannot be used together")]
    public void Bad_combinations_are_refused_naming_the_options(string[] args, string message)
    {
        (int exit, string errors) = ToolRunner.Dcgan(["sample", "--checkpoint", run.RunFolder, .. args]);

        exit.Should().Be(2);
        errors.Should().Contain(message);
    }

    [Fact]
    public void Latent_files_of_another_shape_or_type_are_refused_naming_the_file()
    {
        string root = run.NewFolder();
        string wrongLength = Path.Combine(root, "z16.npy");
        string bytes = Path.Combine(root, "u8.npy");
        NpyFile.Write(wrongLength, new float[2 * 16], [2, 16]);
        NpyFile.Write(bytes, new byte[200], [2, 100]);

        (int exit, string errors) = ToolRunner.Dcgan("sample", "--checkpoint", run.RunFolder, "--latent", wrongLength, "--output", Path.Combine(root, "a.npy"));
        (int exit2, string errors2) = ToolRunner.Dcgan("sample", "--checkpoint", run.RunFolder, "--latent", bytes, "--output", Path.Combine(root, "b.npy"));

        exit.Should().Be(2);
        errors.Should().Contain($"--latent '{wrongLength}' has shape (2, 16); this generator needs float32 vectors of shape (N, 100) or (N, 100, 1, 1)");
        exit2.Should().Be(2);
        errors2.Should().Contain($"'{bytes}' holds UInt8 elements ('|u1'); expected Float32 ('<f4').");
        File.Exists(Path.Combine(root, "a.npy")).Should().BeFalse();
    }

    private ImageBatch Expected()
    {
        (DcganGenerator generator, _) = CheckpointModels.LoadGenerator<DcganGenerator>(CheckpointLocator.Resolve(run.RunFolder));
        using (generator)
        {
            return generator.Render(LatentSeeds.ForSeed(generator, Seed, Count));
        }
    }

    private static uint[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToUInt32Bits)];

    private int Sample(params string[] args) => Dcgan([.. args, "--seed", $"{Seed}", "--count", $"{Count}"]);

    private int Dcgan(params string[] args)
    {
        (int exit, string errors) = ToolRunner.Dcgan(["sample", "--checkpoint", run.RunFolder, .. args]);
        exit.Should().Be(0, errors);
        return exit;
    }
}

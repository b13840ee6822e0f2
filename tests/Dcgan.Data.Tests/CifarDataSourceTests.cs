// Tests of the CIFAR-10 / CIFAR-100 binary reader on small files written from known pixels.
using Microsoft.Extensions.Options;

namespace Dcgan.Data.Tests;

public sealed class CifarDataSourceTests
{
    [Fact]
    public void Cifar10_file_reads_labels_and_every_pixel_as_written()
    {
        using var dir = new TempDir();
        string file = dir.File("data_batch_1.bin");
        File.WriteAllBytes(file, CifarFilesForTests.Cifar10([3, 0, 9]));

        var source = new CifarDataSource([file], CifarVariant.Cifar10);

        source.Count.Should().Be(3);
        source.Shape.Should().Be(new ImageShape(3, 32, 32));
        source.Labels.Should().Equal(3, 0, 9);
        source.CoarseLabels.Should().BeNull();
        for (int record = 0; record < 3; record++)
        {
            var image = new float[3 * 32 * 32];
            source.CopyImage(record, image);
            byte[] expected = CifarFilesForTests.Pixels(record);
            image.Select(BitConverter.SingleToUInt32Bits).Should().Equal(expected.Select(b => BitConverter.SingleToUInt32Bits(PixelScaling.ToSigned(b))));
        }
    }

    [Fact]
    public void Cifar100_file_reads_coarse_and_fine_labels_and_pixels()
    {
        using var dir = new TempDir();
        string file = dir.File("train.bin");
        File.WriteAllBytes(file, CifarFilesForTests.Cifar100([19, 4], [99, 42]));

        var source = (CifarDataSource)ImageDataSources.Open(file);

        source.Variant.Should().Be(CifarVariant.Cifar100);
        source.Labels.Should().Equal(99, 42);
        source.GetLabel(1).Should().Be(42);
        source.CoarseLabels.Should().Equal(19, 4);
        var image = new float[3 * 32 * 32];
        source.CopyImage(1, image);
        image[1024 + 5 * 32 + 7].Should().Be(PixelScaling.ToSigned(CifarFilesForTests.Pixel(1, 1, 5, 7)));
    }

    [Fact]
    public void Folder_opens_the_training_batches_in_number_order_and_leaves_the_test_batch_out()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("data_batch_2.bin"), CifarFilesForTests.Cifar10([5, 6, 7], first: 2));
        File.WriteAllBytes(dir.File("data_batch_1.bin"), CifarFilesForTests.Cifar10([1, 2], first: 0));
        File.WriteAllBytes(dir.File("data_batch_10.bin"), CifarFilesForTests.Cifar10([8], first: 5));
        File.WriteAllBytes(dir.File("test_batch.bin"), CifarFilesForTests.Cifar10([0, 0, 0, 0], first: 100));

        var source = ImageDataSources.Open(dir.Path).Should().BeOfType<CifarDataSource>().Subject;

        source.Files.Select(Path.GetFileName).Should().Equal("data_batch_1.bin", "data_batch_2.bin", "data_batch_10.bin");
        source.Labels.Should().Equal(1, 2, 5, 6, 7, 8);
        source.Description.Should().Contain("CIFAR-10").And.Contain("6 images");
        for (int i = 0; i < 6; i++)
        {
            var image = new float[3 * 32 * 32];
            source.CopyImage(i, image);
            image[2048 + 31 * 32 + 31].Should().Be(PixelScaling.ToSigned(CifarFilesForTests.Pixel(i, 2, 31, 31)), $"image {i} is record {i} of the concatenated batches");
        }
    }

    [Fact]
    public void A_folder_holding_the_extracted_tarball_folder_is_read_through_it()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("cifar-10-batches-bin"));
        File.WriteAllBytes(Path.Combine(dir.File("cifar-10-batches-bin"), "test_batch.bin"), CifarFilesForTests.Cifar10([4, 5]));

        var source = ImageDataSources.Open(dir.Path).Should().BeOfType<CifarDataSource>().Subject;

        source.Labels.Should().Equal(4, 5);
    }

    [Fact]
    public void Preloading_gives_bitwise_the_same_images_as_streaming_also_grayscale_and_resized()
    {
        using var dir = new TempDir();
        string file = dir.File("test_batch.bin");
        File.WriteAllBytes(file, CifarFilesForTests.Cifar10([1, 2, 3, 4]));
        var options = new ImageDataSourceOptions { ImageSize = 16, ColorMode = ColorMode.Grayscale };

        var streamed = new CifarDataSource([file], CifarVariant.Cifar10, options);
        var preloaded = new CifarDataSource([file], CifarVariant.Cifar10, new ImageDataSourceOptions { ImageSize = 16, ColorMode = ColorMode.Grayscale, Preload = true });

        streamed.Shape.Should().Be(new ImageShape(1, 16, 16));
        preloaded.IsPreloaded.Should().BeTrue();
        streamed.ReadAll().Pixels.Select(BitConverter.SingleToUInt32Bits)
            .Should().Equal(preloaded.ReadAll().Pixels.Select(BitConverter.SingleToUInt32Bits));
    }

    [Fact]
    public void Grayscale_is_the_bt601_luma_of_the_planes()
    {
        using var dir = new TempDir();
        string file = dir.File("test_batch.bin");
        File.WriteAllBytes(file, CifarFilesForTests.Cifar10([0]));

        var source = new CifarDataSource([file], CifarVariant.Cifar10, new ImageDataSourceOptions { ColorMode = ColorMode.Grayscale });
        var image = new float[32 * 32];
        source.CopyImage(0, image);

        int r = CifarFilesForTests.Pixel(0, 0, 3, 4), g = CifarFilesForTests.Pixel(0, 1, 3, 4), b = CifarFilesForTests.Pixel(0, 2, 3, 4);
        image[3 * 32 + 4].Should().Be(PixelScaling.ToSigned((byte)((r * 299 + g * 587 + b * 114 + 500) / 1000)));
    }

    [Fact]
    public void A_length_that_is_not_a_whole_number_of_records_is_refused_naming_file_record_and_offset()
    {
        using var dir = new TempDir();
        string file = dir.File("data_batch_1.bin");
        File.WriteAllBytes(file, CifarFilesForTests.Cifar10([1, 2])[..(3073 + 100)]);

        var act = () => ImageDataSources.Open(dir.Path);

        var error = act.Should().Throw<CifarFormatException>().Which;
        error.FilePath.Should().Be(file);
        error.Record.Should().Be(1);
        error.Offset.Should().Be(3073);
        error.Message.Should().Contain(file).And.Contain("3173 bytes").And.Contain("3073-byte CIFAR-10 record").And.Contain("record 1");
    }

    [Fact]
    public void A_cifar100_file_named_like_cifar10_gets_a_hint()
    {
        using var dir = new TempDir();
        string file = dir.File("test_batch.bin");
        File.WriteAllBytes(file, CifarFilesForTests.Cifar100([1, 1, 1], [2, 2, 2]));

        var act = () => ImageDataSources.Open(file);

        act.Should().Throw<CifarFormatException>().WithMessage("*is this a CIFAR-100 file?*");
    }

    [Fact]
    public void A_label_out_of_range_is_refused_naming_the_record_and_offset()
    {
        using var dir = new TempDir();
        string file = dir.File("train.bin");
        File.WriteAllBytes(file, CifarFilesForTests.Cifar100([0, 3, 20], [0, 3, 5]));

        var act = () => new CifarDataSource([file], CifarVariant.Cifar100);

        act.Should().Throw<CifarFormatException>()
            .WithMessage($"Invalid CIFAR file '{file}' at record 2 (byte offset {2 * 3074}): the coarse label is 20; expected 0 to 19.");
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        using var dir = new TempDir();
        string file = dir.File("test_batch.bin");
        File.WriteAllBytes(file, []);

        var act = () => ImageDataSources.Open(file);

        act.Should().Throw<CifarFormatException>().WithMessage("*empty (0 bytes)*3073-byte CIFAR-10 records*");
    }

    [Fact]
    public void Wrong_index_and_destination_and_options_are_refused()
    {
        using var dir = new TempDir();
        string file = dir.File("test_batch.bin");
        File.WriteAllBytes(file, CifarFilesForTests.Cifar10([1]));
        var source = new CifarDataSource([file], CifarVariant.Cifar10);

        source.Invoking(s => s.CopyImage(1, new float[3072])).Should().Throw<ArgumentOutOfRangeException>();
        source.Invoking(s => s.CopyImage(0, new float[3071])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*expected 3072*");
        var act = () => new CifarDataSource([file], CifarVariant.Cifar10, new ImageDataSourceOptions { ImageSize = 0 });
        act.Should().Throw<OptionsValidationException>().WithMessage("*ImageSize*");
        var missing = () => new CifarDataSource([dir.File("data_batch_9.bin")], CifarVariant.Cifar10);
        missing.Should().Throw<FileNotFoundException>();
    }
}

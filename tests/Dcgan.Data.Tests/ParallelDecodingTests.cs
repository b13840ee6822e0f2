// An image folder decodes a batch's files on several threads: the batches (through the trainer's prefetcher and
// through ReadImages) must be bit-identical to decoding one file after another, failures must name the same file a
// one-at-a-time read would, and DecodeThreads follows the options pattern.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Dcgan.Data.Tests;

public class ParallelDecodingTests
{
    [Fact]
    public void Prefetched_batches_decoded_on_several_threads_equal_one_at_a_time_decoding_bit_for_bit()
    {
        using var tmp = new TempDir();
        WriteFolder(tmp, count: 45);
        var serial = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 24, DecodeThreads = 1 });
        var parallel = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 24, DecodeThreads = 4 });
        int length = serial.Shape.ElementCount;
        float[][] reference = Enumerable.Range(0, serial.Count).Select(i =>
        {
            var image = new float[length];
            serial.CopyImage(i, image);
            return image;
        }).ToArray();
        int[] order = EpochOrder.Permutation(serial.Count, shuffleSeed: 7, epoch: 3);

        var batches = new List<HostBatch>();
        using (var prefetcher = new BatchPrefetcher(parallel, order, batchSize: 16, dropLast: false, firstBatch: 0, capacity: 2))
        {
            batches.AddRange(prefetcher.Batches());
        }

        parallel.DecodeThreads.Should().Be(4);
        batches.Select(b => b.Count).Should().Equal(16, 16, 13);
        for (int b = 0; b < batches.Count; b++)
        {
            float[] expected = Enumerable.Range(0, batches[b].Count).SelectMany(i => reference[order[16 * b + i]]).ToArray();
            Bits(batches[b].Pixels.AsSpan(0, expected.Length).ToArray()).Should().Equal(Bits(expected), $"batch {b} holds the images of its slice of the epoch order");
        }

        ImageBatch read = parallel.ReadImages(order);
        Bits(read.Pixels).Should().Equal(Bits(order.SelectMany(i => reference[i]).ToArray()));
        Bits(parallel.ReadAll().Pixels).Should().Equal(Bits(reference.SelectMany(p => p).ToArray()));
        reference.Select(Bits).Distinct(new SequenceComparer()).Should().HaveCount(serial.Count, "every file differs, so a swapped image would show");
    }

    [Fact]
    public void A_failing_file_in_a_parallel_batch_is_the_first_in_batch_order_and_reaches_the_consumer()
    {
        using var tmp = new TempDir();
        WriteFolder(tmp, count: 12);
        foreach (string name in new[] { "img-005.png", "img-009.png" })
        {
            byte[] bytes = File.ReadAllBytes(tmp.File(name));
            File.WriteAllBytes(tmp.File(name), bytes[..(bytes.Length / 2)]); // header intact, body truncated
        }

        var source = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 16, DecodeThreads = 4 });
        int[] order = [9, 0, 1, 5, 2, 3, 4, 6, 7, 8, 10, 11];

        FluentActions.Invoking(() => source.ReadImages(order)).Should().Throw<InvalidDataException>().WithMessage($"*'{tmp.File("img-009.png")}'*");
        FluentActions.Invoking(() => source.ReadImages(order[1..])).Should().Throw<InvalidDataException>().WithMessage($"*'{tmp.File("img-005.png")}'*");
        using var prefetcher = new BatchPrefetcher(source, order[1..], batchSize: 4, dropLast: true, firstBatch: 0, capacity: 1);
        FluentActions.Invoking(() => prefetcher.Batches().ToList()).Should().Throw<InvalidDataException>().WithMessage($"*'{tmp.File("img-005.png")}'*");
    }

    [Fact]
    public void DecodeThreads_defaults_to_half_the_cores_binds_from_configuration_and_is_validated()
    {
        using var tmp = new TempDir();
        WriteFolder(tmp, count: 1);
        new ImageDataSourceOptions().DecodeThreads.Should().BeNull();
        new ImageFolderDataSource(tmp.Path).DecodeThreads.Should().Be(Math.Max(1, Environment.ProcessorCount / 2));
        ImageDataSourceOptions.DefaultDecodeThreads(1).Should().Be(1);
        ImageDataSourceOptions.DefaultDecodeThreads(2).Should().Be(1);
        ImageDataSourceOptions.DefaultDecodeThreads(16).Should().Be(8);

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Data:DecodeThreads"] = "3" }).Build();
        configuration.GetSection("Data").Get<ImageDataSourceOptions>()!.DecodeThreads.Should().Be(3);

        foreach (int bad in new[] { 0, -2, 257 })
        {
            FluentActions.Invoking(() => new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { DecodeThreads = bad }))
                .Should().Throw<OptionsValidationException>().WithMessage($"*DecodeThreads = {bad}:*256*");
        }
    }

    // PNG noise of varied sizes (so resizing runs both ways) and a few JPEGs; every image different.
    private static void WriteFolder(TempDir tmp, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (i % 4 == 3)
            {
                using var bitmap = new SKBitmap(new SKImageInfo(30 + i, 26, SKColorType.Rgba8888, SKAlphaType.Opaque));
                var random = new Random(i);
                for (int p = 0; p < bitmap.Width * bitmap.Height; p++)
                {
                    bitmap.SetPixel(p % bitmap.Width, p / bitmap.Width, new SKColor((byte)random.Next(256), (byte)(p % 256), (byte)(i * 5)));
                }

                using SKData jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
                File.WriteAllBytes(tmp.File($"img-{i:D3}.jpg"), jpeg.ToArray());
            }
            else
            {
                ImageFolderDataSourceTests.WriteNoise(tmp.File($"img-{i:D3}.png"), 10 + 3 * i, 40 - i % 7, seed: i);
            }
        }
    }

    private static uint[] Bits(float[] values) => values.Select(BitConverter.SingleToUInt32Bits).ToArray();

    private sealed class SequenceComparer : IEqualityComparer<uint[]>
    {
        public bool Equals(uint[]? x, uint[]? y) => x!.SequenceEqual(y!);

        public int GetHashCode(uint[] obj) => obj.Aggregate(17, (h, v) => unchecked(h * 31 + (int)v));
    }
}

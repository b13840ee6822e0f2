
namespace Dcgan.Data.Tests;

public class IdxReaderTests
{
    [Fact]
    public void ShippedTestSplit_ParsesTo10000Images28x28WithLabels()
    {
        var images = IdxReader.ReadImages(ShippedData.TestImages);
        var labels = IdxReader.ReadLabels(ShippedData.TestLabels);

        images.Dimensions.Should().Equal(10000, 28, 28);
        images.Count.Should().Be(10000);
        images.ItemLength.Should().Be(784);
        labels.Dimensions.Should().Equal(10000);
        labels.Payload.Span[0].Should().Be(9, "the first Fashion-MNIST t10k item is an ankle boot");
        labels.Payload.ToArray().Distinct().Order().Should().Equal(Enumerable.Range(0, 10).Select(i => (byte)i));
        labels.Payload.ToArray().GroupBy(b => b).Should().OnlyContain(g => g.Count() == 1000);
    }

    [Fact]
    public void RawAndGzip_GiveIdenticalResults_DetectedByMagicNotExtension()
    {
        using var tmp = new TempDir();
        var raw = Idx.Images(5, 4, 3);
        File.WriteAllBytes(tmp.File("raw.gz"), raw);              // raw content with a misleading extension
        File.WriteAllBytes(tmp.File("packed.bin"), Idx.Gzip(raw)); // gzip content without .gz

        var a = IdxReader.ReadImages(tmp.File("raw.gz"));
        var b = IdxReader.ReadImages(tmp.File("packed.bin"));

        a.Dimensions.Should().Equal(5, 4, 3);
        b.Dimensions.Should().Equal(a.Dimensions);
        b.Payload.ToArray().Should().Equal(a.Payload.ToArray());
        a.Payload.ToArray().Should().Equal(raw[16..]);
    }

    [Fact]
    public void ShippedGzip_MatchesItsDecompressedRawCopy()
    {
        using var tmp = new TempDir();
        using (var gz = new System.IO.Compression.GZipStream(File.OpenRead(ShippedData.TestLabels), System.IO.Compression.CompressionMode.Decompress))
        using (var output = File.Create(tmp.File("labels")))
        {
            gz.CopyTo(output);
        }

        IdxReader.ReadLabels(tmp.File("labels")).Payload.ToArray()
            .Should().Equal(IdxReader.ReadLabels(ShippedData.TestLabels).Payload.ToArray());
    }

    public static TheoryData<string, byte[], string[]> MalformedRaw => new()
    {
        { "magic0", Patch(Idx.Images(2, 2, 2), 0, 0x12), ["magic.idx", "offset 0", "0x12", "expected 0x00"] },
        { "magic1", Patch(Idx.Images(2, 2, 2), 1, 0x01), ["magic.idx", "offset 1", "0x01", "expected 0x00"] },
        { "type", Patch(Idx.Images(2, 2, 2), 2, 0x0D), ["magic.idx", "offset 2", "0x0D", "float32", "expected 0x08"] },
        { "unknown type", Patch(Idx.Images(2, 2, 2), 2, 0x42), ["offset 2", "0x42", "not an IDX type"] },
        { "dims", Idx.Build(0x08, [2, 4], new byte[8]), ["offset 3", "found 2 dimensions", "expected 3"] },
        { "zero size", Idx.Build(0x08, [2, 0, 2], []), ["offset 8", "dimension 1 has size 0", "positive"] },
        { "negative size", Idx.Build(0x08, [-5, 2, 2], []), ["offset 4", "size -5"] },
        { "short payload", Idx.Images(3, 2, 2)[..^1], ["offset 16", "[3, 2, 2]", "claim 12 payload bytes", "27 bytes long", "11 payload bytes"] },
        { "extra payload", [.. Idx.Images(3, 2, 2), 7], ["claim 12 payload bytes", "13 payload bytes"] },
        { "tiny", [0, 0], ["only 2 bytes long", "4-byte IDX magic"] },
        { "short header", Idx.Images(3, 2, 2)[..10], ["offset 10", "16-byte header"] },
    };

    [Theory]
    [MemberData(nameof(MalformedRaw))]
    public void MalformedImageFile_ThrowsWithFileOffsetAndValues(string name, byte[] content, string[] expected)
    {
        using var tmp = new TempDir();
        string path = tmp.File("magic.idx");
        File.WriteAllBytes(path, content);

        var act = () => IdxReader.ReadImages(path);

        var ex = act.Should().Throw<IdxFormatException>().Which;
        ex.FilePath.Should().Be(path, name);
        ex.Message.Should().Contain(path);
        foreach (string fragment in expected)
        {
            ex.Message.Should().Contain(fragment, name);
        }
    }

    [Theory]
    [MemberData(nameof(MalformedRaw))]
    public void MalformedGzipImageFile_ThrowsTheSameKindOfError(string name, byte[] content, string[] expected)
    {
        using var tmp = new TempDir();
        string path = tmp.File("magic.idx.gz");
        File.WriteAllBytes(path, Idx.Gzip(content));

        var ex = ((Action)(() => IdxReader.ReadImages(path))).Should().Throw<IdxFormatException>().Which;
        ex.Message.Should().Contain(path, name);
        // Offsets and "claim" wording are shared; the length wording differs for gzip ("decompressed content").
        // Payload-length cases have their own gzip tests (offsets and wording differ there).
        if (name.EndsWith("payload", StringComparison.Ordinal))
        {
            ex.Message.Should().Contain("[3, 2, 2]").And.Contain("12 payload bytes");
            return;
        }

        foreach (string fragment in expected.Where(f => !f.Contains("bytes long")))
        {
            ex.Message.Should().Contain(fragment, name);
        }
    }

    [Fact]
    public void GzipWithShortPayload_SaysWhereTheContentEnded()
    {
        using var tmp = new TempDir();
        string path = tmp.File("short.gz");
        File.WriteAllBytes(path, Idx.Gzip(Idx.Images(3, 2, 2)[..^2]));

        var ex = ((Action)(() => IdxReader.ReadImages(path))).Should().Throw<IdxFormatException>().Which;
        ex.Message.Should().Contain("ends after 26 bytes").And.Contain("claim 12 payload bytes").And.Contain(path);
        ex.Offset.Should().Be(26);
    }

    [Fact]
    public void GzipWithTrailingBytes_IsRejected()
    {
        using var tmp = new TempDir();
        string path = tmp.File("long.gz");
        File.WriteAllBytes(path, Idx.Gzip([.. Idx.Images(3, 2, 2), 1, 2, 3]));

        var ex = ((Action)(() => IdxReader.ReadImages(path))).Should().Throw<IdxFormatException>().Which;
        ex.Message.Should().Contain("3 trailing bytes").And.Contain("offset 28");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HugeClaimInSmallFile_FailsFastWithoutAllocating(bool gzip)
    {
        using var tmp = new TempDir();
        string path = tmp.File("huge");
        byte[] content = Idx.Build(0x08, [int.MaxValue, 28, 28], new byte[84]);
        File.WriteAllBytes(path, gzip ? Idx.Gzip(content) : content);
        long before = GC.GetAllocatedBytesForCurrentThread(); // per thread: other test classes run in parallel

        var ex = ((Action)(() => IdxReader.ReadImages(path))).Should().Throw<IdxFormatException>().Which;

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(10_000_000);
        ex.Message.Should().Contain("[2147483647, 28, 28]").And.Contain("1683627179248 payload bytes");
        ex.Message.Should().Contain(gzip ? $"{new FileInfo(path).Length} compressed bytes" : "100 bytes long");
    }

    [Fact]
    public void PlausibleClaimWithForgedGzipTrailer_DoesNotAllocateTheClaim()
    {
        // Incompressible 20 KB payload claimed as 20 MB: within deflate's 1032:1 limit, so the reader must
        // decompress to find out. The ISIZE trailer is forged to agree with the claim; the buffer must still
        // grow only with the data that really arrives.
        using var tmp = new TempDir();
        string path = tmp.File("liar.gz");
        var payload = new byte[20_000];
        new Random(7).NextBytes(payload);
        byte[] gz = Idx.Gzip(Idx.Build(0x08, [1, 20_000, 1_000], payload));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(gz.AsSpan(gz.Length - 4), 16 + 20_000_000u);
        File.WriteAllBytes(path, gz);
        long before = GC.GetAllocatedBytesForCurrentThread(); // per thread: other test classes run in parallel

        var ex = ((Action)(() => IdxReader.ReadImages(path))).Should().Throw<IdxFormatException>().Which;

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(2_000_000);
        ex.Message.Should().Contain(path);
    }

    [Fact]
    public void TruncatedGzip_IsRejectedWithFileName()
    {
        using var tmp = new TempDir();
        byte[] gz = Idx.Gzip(Idx.Images(50, 28, 28));
        foreach (int cut in new[] { gz.Length / 2, gz.Length - 4, gz.Length - 8 })
        {
            string path = tmp.File($"cut{cut}.gz");
            File.WriteAllBytes(path, gz[..cut]);

            var ex = ((Action)(() => IdxReader.ReadImages(path))).Should().Throw<IdxFormatException>($"cut at {cut}").Which;
            ex.Message.Should().Contain(path);
            ex.Message.Should().MatchRegex("truncated|corrupt");
        }
    }

    [Fact]
    public void CorruptGzip_WrapsTheDecoderErrorWithFileName()
    {
        using var tmp = new TempDir();
        byte[] gz = Idx.Gzip(Idx.Images(50, 28, 28));
        for (int i = 20; i < 40; i++)
        {
            gz[i] ^= 0x5A;
        }

        string path = tmp.File("corrupt.gz");
        File.WriteAllBytes(path, gz);

        var ex = ((Action)(() => IdxReader.ReadImages(path))).Should().Throw<IdxFormatException>().Which;
        ex.Message.Should().Contain(path).And.Contain("corrupt");
    }

    [Fact]
    public void FlippedCrc_IsRejected()
    {
        using var tmp = new TempDir();
        byte[] gz = Idx.Gzip(Idx.Images(5, 8, 8));
        gz[^6] ^= 0xFF;
        string path = tmp.File("crc.gz");
        File.WriteAllBytes(path, gz);

        ((Action)(() => IdxReader.ReadImages(path))).Should().Throw<IdxFormatException>().WithMessage($"*{path}*corrupt*");
    }

    [Fact]
    public void LabelsReader_RequiresOneDimension()
    {
        using var tmp = new TempDir();
        string path = tmp.File("labels");
        File.WriteAllBytes(path, Idx.Images(2, 2, 2));

        ((Action)(() => IdxReader.ReadLabels(path))).Should().Throw<IdxFormatException>()
            .WithMessage("*offset 3*found 3 dimensions, expected 1 for a label file*");
    }

    [Fact]
    public void MissingFile_ThrowsFileNotFound()
    {
        ((Action)(() => IdxReader.ReadImages("/nonexistent/x-images-idx3-ubyte"))).Should().Throw<FileNotFoundException>()
            .WithMessage("*/nonexistent/x-images-idx3-ubyte*");
    }

    private static byte[] Patch(byte[] bytes, int index, byte value)
    {
        bytes[index] = value;
        return bytes;
    }
}

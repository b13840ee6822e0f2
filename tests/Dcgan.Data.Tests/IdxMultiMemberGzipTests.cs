// Multi-member gzip IDX files (pigz --independent, bgzip, `cat a.gz b.gz`): several concatenated gzip members are one
// valid file whose content is the members' contents in order; truncation and corruption are still refused.
using System.Buffers.Binary;

namespace Dcgan.Data.Tests;

public class IdxMultiMemberGzipTests
{
    /// <summary>bgzip's end-of-file marker: an empty member with the BGZF "BC" extra field.</summary>
    private static readonly byte[] BgzipEof =
    [
        0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0, 0xff, 0x06, 0, 0x42, 0x43, 0x02, 0, 0x1b, 0, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    [Theory]
    [InlineData(new[] { 300 })]               // header and part of the payload, then the rest
    [InlineData(new[] { 3, 10, 500, 501 })]  // a member ending inside the header, a one-byte member
    public void ConcatenatedMembers_ReadLikeTheRawFile(int[] cuts)
    {
        using var tmp = new TempDir();
        byte[] raw = Idx.Images(7, 10, 9, seed: 4);
        string path = tmp.File("multi-images-idx3-ubyte.gz");
        File.WriteAllBytes(path, Members(raw, cuts));

        IdxFile file = IdxReader.ReadImages(path);

        file.Dimensions.Should().Equal(7, 10, 9);
        file.Payload.ToArray().Should().Equal(raw[16..]);
    }

    [Fact]
    public void BgzipStyle_WithItsEmptyEndOfFileMember_IsAccepted()
    {
        using var tmp = new TempDir();
        byte[] raw = Idx.Images(20, 6, 6, seed: 5);
        string path = tmp.File("bgzf.gz");
        File.WriteAllBytes(path, [.. Members(raw, [200]), .. BgzipEof]);

        IdxReader.ReadImages(path).Payload.ToArray().Should().Equal(raw[16..]);
    }

    [Fact]
    public void ShippedLabels_RecompressedAsManyMembers_MatchTheOriginal()
    {
        using var tmp = new TempDir();
        IdxFile original = IdxReader.ReadLabels(ShippedData.TestLabels);
        byte[] raw = [0, 0, 8, 1, 0, 0, 0x27, 0x10, .. original.Payload.ToArray()];
        string path = tmp.File("labels.gz");
        File.WriteAllBytes(path, Members(raw, Enumerable.Range(1, 9).Select(i => i * 1000).ToArray()));

        IdxReader.ReadLabels(path).Payload.ToArray().Should().Equal(original.Payload.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(8)]
    public void MultiMember_WithTheLastTrailerCut_IsRejectedNamingTheFile(int cut)
    {
        using var tmp = new TempDir();
        byte[] whole = Members(Idx.Images(7, 10, 9, seed: 4), [300]);
        string path = tmp.File($"cut{cut}.gz");
        File.WriteAllBytes(path, whole[..^cut]);

        FluentActions.Invoking(() => IdxReader.ReadImages(path)).Should().Throw<IdxFormatException>()
            .WithMessage($"*'{path}'*").And.Message.Should().MatchRegex("truncated|corrupt");
    }

    [Fact]
    public void MultiMember_WithAForgedLastSize_IsRejected()
    {
        using var tmp = new TempDir();
        byte[] whole = Members(Idx.Images(7, 10, 9, seed: 4), [300]);
        BinaryPrimitives.WriteUInt32LittleEndian(whole.AsSpan(whole.Length - 4), 5);
        string path = tmp.File("forged.gz");
        File.WriteAllBytes(path, whole);

        FluentActions.Invoking(() => IdxReader.ReadImages(path)).Should().Throw<IdxFormatException>().WithMessage($"*'{path}'*");
    }

    /// <summary><paramref name="raw"/> gzip-compressed as one member per piece, cut at <paramref name="cuts"/>.</summary>
    internal static byte[] Members(byte[] raw, int[] cuts)
    {
        var output = new List<byte>();
        int start = 0;
        foreach (int end in cuts.Append(raw.Length))
        {
            output.AddRange(Idx.Gzip(raw[start..end]));
            start = end;
        }

        return output.ToArray();
    }
}

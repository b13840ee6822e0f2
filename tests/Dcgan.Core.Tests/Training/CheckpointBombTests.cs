// An entry that inflates far beyond the length its manifest declares (a deflate bomb) fails fast: reading stops
// after the declared length, so the allocation stays a small multiple of the file size (measured per thread).
using Dcgan.Persistence;

namespace Dcgan.Core.Tests.Training;

public sealed class CheckpointBombTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(CheckpointEntries.GeneratorWeights)]
    [InlineData(CheckpointArchive.ManifestEntry)]
    public void An_entry_that_inflates_to_256_MB_fails_fast_with_little_allocation(string entry)
    {
        string good = SaveGood();
        string bomb = CheckpointTampering.ReplaceEntry(good, _temp.File("bomb.dcgan"), entry, stream =>
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++)
            {
                stream.Write(zeros); // 256 MiB of zeros: about 256 KB compressed
            }
        });
        long fileSize = new FileInfo(bomb).Length;

        long before = GC.GetAllocatedBytesForCurrentThread();
        Action read = () => CheckpointArchive.Read(bomb);
        read.Should().Throw<CheckpointException>().WithMessage($"*bomb.dcgan*{entry}*");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        fileSize.Should().BeLessThan(2 << 20, "the bomb is small on disk");
        allocated.Should().BeLessThan(8 * fileSize, $"reading stops at the declared length (file {fileSize} bytes)");
    }

    private string SaveGood() => CheckpointSamples.Trained(_temp.File("good.dcgan"));
}

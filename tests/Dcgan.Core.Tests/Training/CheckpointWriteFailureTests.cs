// A checkpoint write that fails (a full disk, simulated by a stream that throws after N bytes; a target that cannot
// be replaced; a folder that cannot be created) leaves the previous checkpoint intact and no half-written or
// temporary file, and the CheckpointException names the path.
using Dcgan.Persistence;

namespace Dcgan.Core.Tests.Training;

public sealed class CheckpointWriteFailureTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(5000)]
    public void A_disk_that_fills_up_after_N_bytes_leaves_the_previous_checkpoint_intact(int bytesBeforeFull)
    {
        string path = _temp.File("checkpoint-e0001-s00000002.dcgan");
        (CheckpointManifest manifest, Dictionary<string, byte[]> entries) = CheckpointSamples.Small(42);
        CheckpointArchive.Write(path, manifest, entries);
        byte[] previous = File.ReadAllBytes(path);

        Action write = () => CheckpointArchive.Write(path, CheckpointSamples.Small(7).Manifest, CheckpointSamples.Small(7).Entries, s => new FullDiskStream(s, bytesBeforeFull));

        write.Should().Throw<CheckpointException>().WithMessage($"*'{path}'*No space left on device*unchanged*");
        File.ReadAllBytes(path).Should().Equal(previous);
        Directory.GetFiles(_temp.Path).Should().Equal([path], "no temporary file remains");
        CheckpointArchive.Read(path).Entries["weights"].Should().Equal(entries["weights"]);
    }

    [Fact]
    public void A_target_that_cannot_be_replaced_is_named_and_leaves_no_temporary_file()
    {
        string path = _temp.File("checkpoint.dcgan");
        Directory.CreateDirectory(path); // a folder where the file should go: the rename fails

        Action write = () => CheckpointArchive.Write(path, CheckpointSamples.Small(1).Manifest, CheckpointSamples.Small(1).Entries);

        write.Should().Throw<CheckpointException>().WithMessage($"*'{path}'*");
        Directory.GetFileSystemEntries(_temp.Path).Should().Equal([path]);
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_named()
    {
        Directory.CreateDirectory(_temp.Path);
        string notAFolder = _temp.File("plain-file");
        File.WriteAllText(notAFolder, "x");
        string path = Path.Combine(notAFolder, "checkpoint.dcgan");

        Action write = () => CheckpointArchive.Write(path, CheckpointSamples.Small(1).Manifest, CheckpointSamples.Small(1).Entries);

        write.Should().Throw<CheckpointException>().WithMessage($"*'{path}'*");
        File.ReadAllText(notAFolder).Should().Be("x");
    }

    // Writes through to the file until the "disk" is full, then throws what a full disk throws.
    private sealed class FullDiskStream(Stream inner, int capacity) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_written + buffer.Length > capacity)
            {
                inner.Write(buffer[..(int)Math.Max(0, capacity - _written)]);
                _written = capacity;
                throw new IOException("No space left on device");
            }

            inner.Write(buffer);
            _written += buffer.Length;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);
    }
}

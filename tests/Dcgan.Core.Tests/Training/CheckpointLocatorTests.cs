// CheckpointLocator.FindNewestValid: the newest checkpoint of a run folder that verifies, with the newer ones it
// skipped and why; a named file is checked alone; a folder of nothing valid is refused listing every problem.
using Dcgan.Persistence;

namespace Dcgan.Core.Tests.Training;

public sealed class CheckpointLocatorTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_corrupt_and_a_truncated_newest_checkpoint_are_skipped_with_their_reasons()
    {
        string oldest = Write(1, 8);
        string good = Write(2, 16);
        string truncated = Write(3, 24);
        string corrupt = Write(4, 32);
        File.WriteAllBytes(truncated, File.ReadAllBytes(truncated)[..1000]);
        byte[] bytes = File.ReadAllBytes(corrupt);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(corrupt, bytes);

        CheckpointSearchResult found = CheckpointLocator.FindNewestValid(_temp.Path);

        found.File.Should().Be(good);
        found.Skipped.Select(s => s.File).Should().Equal(corrupt, truncated);
        found.Skipped[0].Reason.Should().Match($"*{Path.GetFileName(corrupt)}*");
        found.Skipped[1].Reason.Should().Match($"*{Path.GetFileName(truncated)}*truncated or corrupt*");
        CheckpointLocator.Resolve(_temp.Path).Should().Be(corrupt, "Resolve only names the newest file");
        oldest.Should().NotBe(found.File);
    }

    [Fact]
    public void A_valid_newest_checkpoint_is_returned_with_nothing_skipped()
    {
        Write(1, 8);
        string newest = Write(2, 16);

        CheckpointSearchResult found = CheckpointLocator.FindNewestValid(_temp.Path);

        found.File.Should().Be(newest);
        found.Skipped.Should().BeEmpty();
    }

    [Fact]
    public void A_folder_without_a_valid_checkpoint_is_refused_listing_each_problem()
    {
        string only = Write(1, 8);
        File.WriteAllText(only, "not a zip");

        Action find = () => CheckpointLocator.FindNewestValid(_temp.Path);

        find.Should().Throw<CheckpointException>().WithMessage($"None of the 1 checkpoints in '{_temp.Path}' is valid: *{Path.GetFileName(only)}*");
    }

    [Fact]
    public void A_named_file_is_checked_alone()
    {
        string older = Write(1, 8);
        string named = Write(2, 16);
        File.WriteAllText(named, "not a zip");

        Action find = () => CheckpointLocator.FindNewestValid(named);

        find.Should().Throw<CheckpointException>().WithMessage($"*{Path.GetFileName(named)}*");
        CheckpointLocator.FindNewestValid(older).File.Should().Be(older);
    }

    private string Write(int epoch, long step)
    {
        string path = _temp.File(CheckpointLocator.FileName(epoch, step));
        (CheckpointManifest manifest, Dictionary<string, byte[]> entries) = CheckpointSamples.Small(epoch);
        CheckpointArchive.Write(path, manifest, entries);
        return path;
    }
}

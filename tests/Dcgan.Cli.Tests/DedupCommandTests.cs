// `dcgan dedup` and `dcgan train --dedup`: a report and a picture for planted exact copies, and training on the rest.
using System.Text.Json;
using Dcgan.Persistence;

namespace Dcgan.Cli.Tests;

public sealed class DedupCommandTests : IDisposable
{
    private const int Unique = 61;
    private const int Copies = 3;
    private readonly string _folder = Directory.CreateTempSubdirectory("dcgan-dedup-tests-").FullName;

    [Fact]
    public void Dedup_writes_a_report_of_the_planted_copies_and_a_picture_of_the_groups()
    {
        string data = WriteData();
        string output = Path.Combine(_folder, "report");

        ToolRunner.Dcgan("dedup", "--data", data, "--method", "exact", "--output", output).ExitCode.Should().Be(0);

        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "dedup.json")));
        report.RootElement.GetProperty("Method").GetString().Should().Be("Exact");
        report.RootElement.GetProperty("GroupCount").GetInt32().Should().Be(Copies);
        report.RootElement.GetProperty("RemovedCount").GetInt32().Should().Be(Copies);
        report.RootElement.GetProperty("Groups")[0].GetProperty("Members").EnumerateArray().Select(e => e.GetInt32()).Should().Equal(0, Unique);
        File.Exists(Path.Combine(output, "dedup-largest.png")).Should().BeTrue();
    }

    [Fact]
    public void Train_with_dedup_trains_on_one_image_of_each_group()
    {
        string data = WriteData();
        string run = Path.Combine(_folder, "run");

        (int exit, string errors) = ToolRunner.Dcgan("train", "--data", data, "--dedup", "exact", "--epochs", "1", "--batch-size", "30",
            "--generator-width", "8", "--discriminator-width", "8", "--output", run);

        exit.Should().Be(0, errors);
        CheckpointInfo manifest = Checkpoints.Read(CheckpointLocator.Resolve(run));
        manifest.DataCount.Should().Be(Unique);
        manifest.DataDescription.Should().Contain("de-duplicated (61 of 64 kept)");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // 61 random 28x28 images, then exact copies of images 0, 1 and 2, as an IDX3 file.
    private string WriteData()
    {
        string path = Path.Combine(_folder, $"planted-{Guid.NewGuid():N}-images-idx3-ubyte");
        var random = new Random(3);
        var images = Enumerable.Range(0, Unique).Select(_ => { var b = new byte[28 * 28]; random.NextBytes(b); return b; }).ToList();
        images.AddRange(images.Take(Copies).ToList());
        using var file = new BinaryWriter(File.Create(path));
        foreach (int word in new[] { 0x00000803, images.Count, 28, 28 })
        {
            file.Write(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(word));
        }

        images.ForEach(file.Write);
        return path;
    }
}

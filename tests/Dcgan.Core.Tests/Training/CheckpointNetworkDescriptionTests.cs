// The network description in checkpoints (issue 22): every committed fixture, written before network kinds with a
// DCGAN Architecture, reads as kind "dcgan"; new DCGAN checkpoints record both, and a manifest whose two disagree, or
// whose Network lacks a kind, is refused.
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dcgan.Models;
using Dcgan.Persistence;

namespace Dcgan.Core.Tests.Training;

public sealed class CheckpointNetworkDescriptionTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Fixtures() => new(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.dcgan").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_fixture_written_before_network_kinds_reads_as_kind_dcgan_with_its_architecture(string fixture)
    {
        string file = Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);
        StoredManifest(file).ContainsKey("Network").Should().BeFalse("the fixture predates network kinds");

        CheckpointInfo info = Checkpoints.Read(file);

        info.Network!.Kind.Should().Be(DcganNetworkBuilder.KindName);
        info.DcganOptions.Should().BeEquivalentTo(TrainingFixtures.TinyArchitecture());
        new DcganNetworkBuilder().Read(info.Network).Should().BeEquivalentTo(TrainingFixtures.TinyArchitecture());
    }

    [Fact]
    public void A_new_dcgan_checkpoint_records_the_kind_and_description_next_to_the_architecture()
    {
        string file = CheckpointSamples.Trained(_temp.File("new.dcgan"));

        JsonObject stored = StoredManifest(file);

        stored["Network"]!["Kind"]!.GetValue<string>().Should().Be("dcgan");
        JsonSerializer.Deserialize<DcganModelOptions>(stored["Network"]!["Description"]!.ToJsonString(), new JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } })
            .Should().BeEquivalentTo(TrainingFixtures.TinyArchitecture());
        stored["Architecture"].Should().NotBeNull("readers from before network kinds rebuild DCGAN networks from it");
        Checkpoints.Read(file).Network.Should().Be(new DcganNetworkBuilder().Describe(TrainingFixtures.TinyArchitecture()));
    }

    [Fact]
    public void A_manifest_whose_network_disagrees_with_its_architecture_is_refused()
    {
        string good = CheckpointSamples.Trained(_temp.File("good.dcgan"));
        string wider = CheckpointTampering.EditManifestAndHash(good, _temp.File("disagree.dcgan"), m => m["Network"]!["Description"]!["GeneratorWidth"] = 7);
        string unnamed = CheckpointTampering.EditManifestAndHash(good, _temp.File("unnamed.dcgan"), m => m["Network"]!["Kind"] = "");

        Action readWider = () => Checkpoints.Read(wider);
        Action readUnnamed = () => Checkpoints.Read(unnamed);

        readWider.Should().Throw<CheckpointException>().WithMessage("*disagree.dcgan*Architecture and Network disagree: GeneratorWidth is * in Architecture but 7 in Network*");
        readUnnamed.Should().Throw<CheckpointException>().WithMessage("*unnamed.dcgan*Network.Kind is empty*");
    }

    private static JsonObject StoredManifest(string file)
    {
        using ZipArchive zip = ZipFile.OpenRead(file);
        using Stream json = zip.GetEntry("manifest.json")!.Open();
        return (JsonObject)JsonNode.Parse(json)!;
    }
}

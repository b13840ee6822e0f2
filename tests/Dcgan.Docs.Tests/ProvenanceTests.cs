// docs/images/PROVENANCE.md (written by scripts/regenerate-docs.sh) matches the committed pictures: every entry's
// SHA-256 is that of the file, so a picture cannot change without its recorded commit and command changing too.
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Dcgan.Docs.Tests;

public partial class ProvenanceTests
{
    private static string Images => Path.Combine(Repository.Root, "docs", "images");

    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        foreach (string image in Parse().Keys)
        {
            data.Add(image);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_committed_picture_is_the_one_the_script_recorded(string image)
    {
        string recorded = Parse()[image];
        string path = Path.Combine(Images, image);

        File.Exists(path).Should().BeTrue($"PROVENANCE.md lists {image}");
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))).Should().Be(recorded,
            $"docs/images/{image} must be the file scripts/regenerate-docs.sh drew (rerun it rather than editing pictures by hand)");
    }

    [Fact]
    public void Every_picture_the_script_draws_has_an_entry()
    {
        string script = File.ReadAllText(Path.Combine(Repository.Root, "scripts", "regenerate-docs.sh"));
        string[] drawn = [.. RecordedImage().Matches(script).Select(m => m.Groups["image"].Value).Distinct()];

        drawn.Should().NotBeEmpty();
        Parse().Keys.Should().Contain(drawn);
    }

    // "## latent/walk.png" headings, each followed by a "- sha256: <hex>" line.
    private static Dictionary<string, string> Parse()
    {
        string text = File.ReadAllText(Path.Combine(Images, "PROVENANCE.md"));
        return Entry().Matches(text).ToDictionary(m => m.Groups["image"].Value, m => m.Groups["sha"].Value);
    }

    [GeneratedRegex(@"^## (?<image>\S+)\n(?:(?!^## ).*\n)*?- sha256: (?<sha>[0-9a-f]{64})$", RegexOptions.Multiline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"record ""\$images/(?<image>[^""]+)""")]
    private static partial Regex RecordedImage();
}

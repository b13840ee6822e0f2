// Inputs found by the SharpFuzz/AFL++ runs (docs/fuzzing.md), kept in Found/<target>/ and replayed through the same
// harness as the seeded corpus: the crash-finding inputs, and for IDX and images the whole queue AFL kept (inputs that
// reached new code), so the corpus keeps what the fuzzer learned.
using Xunit.Abstractions;

namespace Dcgan.Fuzz.Tests;

public sealed class FoundInputsTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string Found = Path.Combine(AppContext.BaseDirectory, "Found");
    private readonly string _root = Directory.CreateTempSubdirectory("dcgan-found-").FullName;

    /// <summary>Which corpus target replays the inputs of each folder (the harness project's target names).</summary>
    private static readonly Dictionary<string, FuzzTarget> Targets = new()
    {
        ["idx"] = FuzzTargets.IdxGzip,        // raw or gzip: the reader detects which; the gzip budget covers both
        ["image"] = FuzzTargets.Png,
        ["checkpoint"] = FuzzTargets.CheckpointGenerator,
    };

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(Found, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Found, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_found_input_is_accepted_or_rejected_as_documented(string relative) => Replay(relative);

    [Fact]
    public void The_found_inputs_are_there()
    {
        Directory.EnumerateFiles(Found, "*", SearchOption.AllDirectories).Should().HaveCountGreaterThan(50);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Replay(string relative)
    {
        FuzzTarget target = Targets[relative.Split('/')[0]];
        byte[] bytes = File.ReadAllBytes(Path.Combine(Found, relative));
        FuzzOutcome outcome = FuzzHarness.Run(target, new MutatedInput(0, 0, $"found input {relative}", bytes), _root);
        output.WriteLine(outcome.ToString());
        outcome.Problem.Should().BeNull(outcome.ToString());
    }
}

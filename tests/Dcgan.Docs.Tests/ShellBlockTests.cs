// Every shell block of README.md and docs/*.md marked <!-- run --> runs (on the tiny model) and exits with 0.
namespace Dcgan.Docs.Tests;

[CollectionDefinition(Name)]
public sealed class TinyModelCollection : ICollectionFixture<TinyModel>
{
    public const string Name = "tiny model";
}

[Collection(TinyModelCollection.Name)]
public class ShellBlockTests(TinyModel tiny)
{
    public static TheoryData<string> Blocks() => MarkdownBlocks.Locations(IsRunnable);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_block_runs_and_exits_with_0(string location)
    {
        MarkdownBlock block = MarkdownBlocks.At(location);

        ShellResult result = ShellBlockRunner.Run(block, tiny);

        result.ExitCode.Should().Be(0, $"the shell block at {location} (setup: {block.Run}) must run:\n{block.Code}\noutput:\n{result.Output}");
    }

    [Fact]
    public void Runnable_blocks_are_shell_blocks_and_there_are_some()
    {
        List<MarkdownBlock> marked = [.. MarkdownBlocks.All(Repository.Root).Where(b => b.Run is not null)];
        marked.Should().OnlyContain(b => IsRunnable(b), "a run directive only makes sense above a bash block");
        marked.Count.Should().BeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void A_failing_command_fails_the_block()
    {
        var block = new MarkdownBlock("docs/x.md", 1, "bash",
            "dotnet run --project samples/Dcgan.Cli -- sample --checkpoint no-such-run --output s.png\necho not reached", null, string.Empty);

        ShellResult result = ShellBlockRunner.Run(block, tiny);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("no-such-run").And.NotContain("not reached");
    }

    [Fact]
    public void Tiny_train_replaces_the_data_and_size_options_of_a_documented_training_command()
    {
        var block = new MarkdownBlock("docs/y.md", 1, "bash",
            "dotnet run -c Release --project samples/Dcgan.Cli -- train --data /usr/share/datasets/fashion-mnist --epochs 5 --output run\nls run", null, "tiny_train");

        ShellResult result = ShellBlockRunner.Run(block, tiny);

        result.ExitCode.Should().Be(0, result.Output);
        result.Output.Should().Contain("64 images").And.Contain("checkpoint-e0001-s00000002.dcgan");
    }

    private static bool IsRunnable(MarkdownBlock block) => block.Run is not null && block.Language is "bash" or "sh" or "shell";
}

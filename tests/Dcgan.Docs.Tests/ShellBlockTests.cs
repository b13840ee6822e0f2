// Every shell block (bash, sh, shell, console) of every Markdown page is either run (<!-- run --> or
// <!-- run: SETUP --> above it: it runs on tiny data and exits with 0) or marked <!-- not-run: REASON -->, and the
// reason is part of the test's name in the test output.
using Xunit.Abstractions;

namespace Dcgan.Docs.Tests;

[CollectionDefinition(Name)]
public sealed class TinyModelCollection : ICollectionFixture<TinyModel>
{
    public const string Name = "tiny model";
}

[Collection(TinyModelCollection.Name)]
public class ShellBlockTests(TinyModel tiny, ITestOutputHelper log)
{
    public static TheoryData<string> Blocks() => MarkdownBlocks.Locations(b => b.IsShell && b.Run is not null);

    public static TheoryData<string, NotRunReason> NotRunBlocks()
    {
        var data = new TheoryData<string, NotRunReason>();
        foreach (MarkdownBlock block in MarkdownBlocks.All(Repository.Root).Where(b => b.IsShell && b.NotRun is not null))
        {
            data.Add(block.ToString(), new NotRunReason(block.NotRun!));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_block_runs_and_exits_with_0(string location)
    {
        MarkdownBlock block = MarkdownBlocks.At(location);

        ShellResult result = ShellBlockRunner.Run(block, tiny);
        log.WriteLine(result.Output);

        result.ExitCode.Should().Be(0, $"the shell block at {location} (setup: {block.Run}) must run:\n{block.Code}\noutput:\n{result.Output}");
    }

    // Not a skip: the block is deliberately not run, and the reason (a parameter) shows in the test's display name.
    [Theory]
    [MemberData(nameof(NotRunBlocks))]
    public void The_block_is_not_run_because(string location, NotRunReason reason)
    {
        MarkdownBlock block = MarkdownBlocks.At(location);

        block.Run.Should().BeNull($"{location} is marked both run and not-run");
        reason.Text.Should().Be(block.NotRun);
        reason.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length.Should().BeGreaterThanOrEqualTo(3,
            $"the not-run marker at {location} must say why the block cannot run");
    }

    [Fact]
    public void Every_shell_block_is_run_or_marked_not_run_with_a_reason()
    {
        List<MarkdownBlock> shell = [.. MarkdownBlocks.All(Repository.Root).Where(b => b.IsShell)];

        shell.Where(b => b.Run is null && b.NotRun is null).Select(b => b.ToString()).Should().BeEmpty(
            "every shell block needs <!-- run -->, <!-- run: SETUP --> or <!-- not-run: REASON --> right above it");
        shell.Count(b => b.Run is not null).Should().BeGreaterThanOrEqualTo(13);
    }

    [Fact]
    public void Run_and_not_run_markers_stand_only_above_shell_blocks()
    {
        MarkdownBlocks.All(Repository.Root).Where(b => !b.IsShell && (b.Run is not null || b.NotRun is not null))
            .Select(b => b.ToString()).Should().BeEmpty("a run or not-run directive only makes sense above a shell block");
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
    public void A_block_that_outlives_its_time_limit_is_killed_and_fails_with_its_output()
    {
        ShellResult result = ShellBlockRunner.Execute(tiny.Folder, tiny, "echo started; sleep 600 & wait", TimeSpan.FromSeconds(2));

        result.ExitCode.Should().Be(-1);
        result.Output.Should().Contain("started").And.Contain("killed after the time limit of 2 s");
    }

    [Fact]
    public void A_project_without_a_rule_is_refused_with_a_message()
    {
        var block = new MarkdownBlock("docs/z.md", 1, "bash", "dotnet run -c Release --project benchmarks/Dcgan.LoadTest -- --help", null, string.Empty);

        ShellResult result = ShellBlockRunner.Run(block, tiny);

        result.ExitCode.Should().Be(97);
        result.Output.Should().Contain("no rule to run 'benchmarks/Dcgan.LoadTest'");
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
}

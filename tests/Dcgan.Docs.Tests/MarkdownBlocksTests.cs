// The reader of the docs' code blocks: every Markdown page of the repository, every fence kind, and every block names
// what it is (an untagged block would be neither run nor compiled).
namespace Dcgan.Docs.Tests;

public class MarkdownBlocksTests
{
    [Fact]
    public void Every_markdown_page_of_the_repository_is_read()
    {
        IReadOnlyList<string> pages = MarkdownBlocks.Pages(Repository.Root);

        pages.Should().Contain(["README.md", "docs/hosting.md", "docs/images/PROVENANCE.md", "docs/results/evaluate.md", "benchmarks/README.md"]);
        pages.Should().NotContain(p => p.Contains("/bin/") || p.Contains("/obj/") || p.StartsWith(".git/"));
        string[] onDisk = [.. Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'))];
        pages.Should().Contain(onDisk);
    }

    [Fact]
    public void Every_code_block_names_its_language()
    {
        MarkdownBlocks.All(Repository.Root).Where(b => b.Language.Length == 0).Select(b => $"{b}{(b.Fenced ? "" : " (indented)")}")
            .Should().BeEmpty("an untagged block is neither run nor compiled: tag commands bash (then run or mark them not-run) and output text");
    }

    [Fact]
    public void Tilde_fences_fences_indented_in_lists_and_untagged_fences_are_read_with_their_directives()
    {
        const string page = """
            # Title

            ~~~bash
            echo tilde
            ~~~

            1. A step:

               <!-- not-run: needs the full data set and 80 s of training -->
               ```sh
               echo in a list
               ```

            ````
            untagged
            ````

                indented code
            """;

        IReadOnlyList<MarkdownBlock> blocks = MarkdownBlocks.Parse("x.md", page);

        blocks.Select(b => (b.Line, b.Language, b.Code)).Should().Equal(
            (4, "bash", "echo tilde"), (11, "sh", "echo in a list"), (15, "", "untagged"), (18, "", "indented code"));
        blocks[1].NotRun.Should().Be("needs the full data set and 80 s of training");
        blocks[3].Fenced.Should().BeFalse();
    }

    [Fact]
    public void Run_and_prologue_directives_are_attached_to_the_next_block()
    {
        const string page = """
            <!-- run: CK=$TINY_RUN -->
            ```bash
            dcgan sample --checkpoint $CK
            ```

            <!-- prologue: @generator -->
            ```csharp
            var x = 1;
            ```
            """;

        IReadOnlyList<MarkdownBlock> blocks = MarkdownBlocks.Parse("y.md", page);

        blocks[0].Run.Should().Be("CK=$TINY_RUN");
        blocks[0].Prologue.Should().BeNull();
        blocks[1].Prologue.Should().Be("@generator");
        blocks[1].Run.Should().BeNull();
    }

    [Fact]
    public void A_directive_above_text_is_an_error_naming_its_line()
    {
        var parse = () => MarkdownBlocks.Parse("z.md", "intro\n\n<!-- not-run: a reason here -->\nSome text.\n");

        parse.Should().Throw<FormatException>().WithMessage("z.md:3: *followed by a code block*");
    }
}

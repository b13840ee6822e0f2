// Every ```csharp block of every Markdown page compiles against what a consumer of the Dcgan packages references.
namespace Dcgan.Docs.Tests;

public class CSharpBlockTests
{
    public static TheoryData<string> Blocks() => MarkdownBlocks.Locations(b => b.IsCSharp);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_block_compiles(string location)
    {
        MarkdownBlock block = MarkdownBlocks.At(location);

        IReadOnlyList<string> errors = SnippetCompiler.Errors(block);

        errors.Should().BeEmpty($"the C# block at {location} must compile against the libraries:\n{block.Code}\n");
    }

    [Fact]
    public void The_pages_have_csharp_blocks_to_test()
    {
        // Guards the extraction itself: a parser that found nothing would make every theory above vacuous.
        MarkdownBlocks.All(Repository.Root).Count(b => b.IsCSharp).Should().BeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void A_block_that_does_not_compile_is_reported_at_its_markdown_line()
    {
        var block = new MarkdownBlock("README.md", 40, "csharp", "using Dcgan.Models;\n\nvar g = DcganModels.Creat(null!, seed: 1);", null, null);

        IReadOnlyList<string> errors = SnippetCompiler.Errors(block);

        errors.Should().ContainSingle().Which.Should().StartWith("README.md(42,").And.Contain("CS0117").And.Contain("Creat");
    }

    [Fact]
    public void A_prologue_is_compiled_before_the_block_and_hidden_from_its_line_numbers()
    {
        var block = new MarkdownBlock("docs/x.md", 10, "csharp", "using Dcgan.Models;\nIGenerator g = generator;\nint n = missing;", "@generator", null);

        IReadOnlyList<string> errors = SnippetCompiler.Errors(block);

        errors.Should().ContainSingle().Which.Should().StartWith("docs/x.md(12,").And.Contain("'missing'");
    }

    [Fact]
    public void A_block_cannot_use_what_only_the_test_process_references()
    {
        // FluentAssertions and Roslyn are loaded in this process, but no consumer of the Dcgan packages has them.
        var block = new MarkdownBlock("docs/w.md", 1, "csharp", "using FluentAssertions;\nusing Microsoft.CodeAnalysis;\n\n1.Should().Be(1);", null, null);

        IReadOnlyList<string> errors = SnippetCompiler.Errors(block);

        errors.Should().Contain(e => e.Contains("CS0246") && e.Contains("FluentAssertions"));
        ConsumerReferences.Paths([]).Should().Contain(p => p.EndsWith("TorchSharp.dll"))
            .And.Contain(p => p.EndsWith("Dcgan.Hosting.dll"))
            .And.NotContain(p => p.Contains("xunit") || p.Contains("CodeAnalysis") || p.EndsWith("Microsoft.Extensions.Hosting.dll"));
    }
}

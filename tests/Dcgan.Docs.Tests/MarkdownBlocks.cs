// MarkdownBlocks: reads the code blocks of every Markdown page of the repository with Markdig (CommonMark: ``` and ~~~
// fences, fences indented inside lists, indented code blocks), with the hidden <!-- prologue: ... -->, <!-- run: ... -->
// and <!-- not-run: ... --> directives that the docs tests understand.
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace Dcgan.Docs.Tests;

/// <summary>Extracts code blocks and their directives from Markdown.</summary>
public static partial class MarkdownBlocks
{
    // Folders that hold build output or tools' state, never documentation.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", ".git", "node_modules", "TestResults" };

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>Every Markdown page of the repository (README.md, docs/**, samples/**, ...), relative to the root, sorted.</summary>
    public static IReadOnlyList<string> Pages(string root) =>
        [.. MarkdownFiles(new DirectoryInfo(root)).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>Every block of every page.</summary>
    public static IReadOnlyList<MarkdownBlock> All(string root) =>
        [.. Pages(root).SelectMany(page => Parse(page, File.ReadAllText(Path.Combine(root, page))))];

    /// <summary>The locations (README.md:42) of the blocks that <paramref name="select"/> picks, as theory data.</summary>
    public static TheoryData<string> Locations(Func<MarkdownBlock, bool> select)
    {
        var data = new TheoryData<string>();
        foreach (MarkdownBlock block in All(Repository.Root).Where(select))
        {
            data.Add(block.ToString());
        }

        return data;
    }

    /// <summary>The block at <paramref name="location"/> (README.md:42).</summary>
    public static MarkdownBlock At(string location) => All(Repository.Root).Single(b => b.ToString() == location);

    /// <summary>The code blocks of one page's text, in document order.</summary>
    /// <exception cref="FormatException">A directive is not followed by a code block.</exception>
    public static IReadOnlyList<MarkdownBlock> Parse(string file, string text)
    {
        MarkdownDocument document = Markdown.Parse(text.Replace("\r\n", "\n"), Pipeline);
        var blocks = new List<MarkdownBlock>();
        foreach (CodeBlock code in document.Descendants<CodeBlock>())
        {
            var directives = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (HtmlBlock html in DirectivesAbove(code))
            {
                Match directive = Directive().Match(html.Lines.ToString());
                directives.TryAdd(directive.Groups["name"].Value, directive.Groups["body"].Value.Trim());
            }

            string language = code is FencedCodeBlock fenced ? (fenced.Info ?? string.Empty).Trim().ToLowerInvariant() : string.Empty;
            blocks.Add(new MarkdownBlock(
                file,
                code.Line + (code is FencedCodeBlock ? 2 : 1),
                language,
                code.Lines.ToString().Replace("\r\n", "\n"),
                directives.GetValueOrDefault("prologue"),
                directives.GetValueOrDefault("run"),
                directives.GetValueOrDefault("not-run"),
                code is FencedCodeBlock));
        }

        // A directive must sit right above a code block (only other directives between): one above a paragraph is a typo.
        foreach (HtmlBlock html in document.Descendants<HtmlBlock>().Where(IsDirective))
        {
            if (NextNonDirective(html) is not CodeBlock)
            {
                throw new FormatException($"{file}:{html.Line + 1}: a <!-- prologue -->, <!-- run --> or <!-- not-run --> directive must be followed by a code block.");
            }
        }

        return blocks;
    }

    private static IEnumerable<HtmlBlock> DirectivesAbove(Block block)
    {
        ContainerBlock? parent = block.Parent;
        for (int i = parent is null ? -1 : parent.IndexOf(block) - 1; i >= 0 && parent![i] is HtmlBlock html && IsDirective(html); i--)
        {
            yield return html;
        }
    }

    private static Block? NextNonDirective(Block block)
    {
        ContainerBlock parent = block.Parent!;
        int i = parent.IndexOf(block) + 1;
        while (i < parent.Count && parent[i] is HtmlBlock html && IsDirective(html))
        {
            i++;
        }

        return i < parent.Count ? parent[i] : null;
    }

    private static bool IsDirective(HtmlBlock html) => Directive().IsMatch(html.Lines.ToString());

    private static IEnumerable<string> MarkdownFiles(DirectoryInfo folder)
    {
        foreach (FileInfo file in folder.EnumerateFiles("*.md"))
        {
            yield return file.FullName;
        }

        foreach (DirectoryInfo child in folder.EnumerateDirectories().Where(d => !SkippedFolders.Contains(d.Name) && !d.Attributes.HasFlag(FileAttributes.ReparsePoint)))
        {
            foreach (string page in MarkdownFiles(child))
            {
                yield return page;
            }
        }
    }

    // <!-- run -->, <!-- run: SETUP -->, <!-- not-run: REASON -->, <!-- prologue: CODE --> (the body may span lines).
    [GeneratedRegex(@"^\s*<!--\s*(?<name>prologue|not-run|run)\b:?(?<body>.*?)-->\s*$", RegexOptions.Singleline)]
    private static partial Regex Directive();
}

// MarkdownBlocks: reads the fenced code blocks of the repository's Markdown pages (README.md and docs/*.md), with the
// hidden <!-- prologue: ... --> and <!-- run: ... --> directives that the docs tests understand.
using System.Text.RegularExpressions;

namespace Dcgan.Docs.Tests;

/// <summary>Extracts fenced code blocks and their directives from Markdown.</summary>
public static partial class MarkdownBlocks
{
    /// <summary>The pages whose blocks are tested, relative to the repository root.</summary>
    public static IReadOnlyList<string> Pages(string root) =>
        [.. new[] { "README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md")
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal))];

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

    /// <summary>The blocks of one page's text.</summary>
    /// <exception cref="FormatException">A fence is never closed, or a directive is not followed by a block.</exception>
    public static IEnumerable<MarkdownBlock> Parse(string file, string text)
    {
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        string? prologue = null, run = null;
        int directiveLine = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            Match fence = Fence().Match(line);
            if (fence.Success)
            {
                int end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == fence.Groups["fence"].Value);
                if (end < 0)
                {
                    throw new FormatException($"{file}:{i + 1}: the code fence '{fence.Groups["fence"].Value}' is never closed.");
                }

                string language = fence.Groups["info"].Value.Trim().Split(' ', 2)[0].ToLowerInvariant();
                yield return new MarkdownBlock(file, i + 2, language, string.Join('\n', lines[(i + 1)..end]), prologue, run);
                prologue = run = null;
                i = end;
                continue;
            }

            Match directive = Directive().Match(line);
            if (directive.Success)
            {
                int close = Array.FindIndex(lines, i, l => l.Contains("-->", StringComparison.Ordinal));
                string body = string.Join('\n', lines[i..(close + 1)]);
                body = body[(body.IndexOf(directive.Groups["name"].Value, StringComparison.Ordinal) + directive.Groups["name"].Length)..];
                body = body[..body.LastIndexOf("-->", StringComparison.Ordinal)].TrimStart(':').Trim();
                if (directive.Groups["name"].Value == "prologue")
                {
                    prologue = body;
                }
                else
                {
                    run = body;
                }

                directiveLine = i + 1;
                i = close;
                continue;
            }

            if (line.Trim().Length > 0 && (prologue is not null || run is not null))
            {
                throw new FormatException($"{file}:{directiveLine}: a <!-- prologue --> or <!-- run --> directive must be followed by a code block, found text at line {i + 1}.");
            }
        }

        if (prologue is not null || run is not null)
        {
            throw new FormatException($"{file}:{directiveLine}: the directive at the end of the page is not followed by a code block.");
        }
    }

    [GeneratedRegex(@"^(?<fence>```+)(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*(?<name>prologue|run)\b")]
    private static partial Regex Directive();
}

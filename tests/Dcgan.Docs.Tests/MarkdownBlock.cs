// MarkdownBlock: one code block of a Markdown page, with the hidden directives written right above it.
namespace Dcgan.Docs.Tests;

/// <summary>A code block (``` or ~~~ fenced, at any indentation or inside a list, or indented) of a Markdown file.</summary>
/// <param name="File">The page, relative to the repository root (README.md, docs/latent-space.md).</param>
/// <param name="Line">The 1-based line of the first code line (the line after the opening fence).</param>
/// <param name="Language">The info string's first word (csharp, bash, text, ...), lower case; empty when absent.</param>
/// <param name="Code">The lines between the fences (their common fence indentation removed), joined with '\n'.</param>
/// <param name="Prologue">
/// The text of a <c>&lt;!-- prologue: ... --&gt;</c> comment right above the block (only blank lines or other directives
/// between), or null. <c>@name</c> refers to a named shared prologue (<see cref="Prologues"/>).
/// </param>
/// <param name="Run">
/// For shell blocks: null when the block is not marked runnable, otherwise the setup shell code of the
/// <c>&lt;!-- run --&gt;</c> / <c>&lt;!-- run: SETUP --&gt;</c> comment right above it (empty for a bare marker).
/// </param>
/// <param name="NotRun">
/// For shell blocks: the reason of a <c>&lt;!-- not-run: REASON --&gt;</c> comment right above it (the docs tests show it
/// in the test's name), or null.
/// </param>
/// <param name="Fenced">False for an indented (4-space) code block, which cannot name its language.</param>
public sealed record MarkdownBlock(
    string File, int Line, string Language, string Code, string? Prologue, string? Run, string? NotRun = null, bool Fenced = true)
{
    /// <summary>The info-string words that make a block a shell block (run, or marked not-run with a reason).</summary>
    public static readonly IReadOnlySet<string> ShellLanguages = new HashSet<string>(StringComparer.Ordinal) { "bash", "sh", "shell", "console" };

    /// <summary>The info-string words of C# blocks (compiled).</summary>
    public static readonly IReadOnlySet<string> CSharpLanguages = new HashSet<string>(StringComparer.Ordinal) { "csharp", "cs", "c#" };

    /// <summary>A bash, sh, shell or console block.</summary>
    public bool IsShell => ShellLanguages.Contains(Language);

    /// <summary>A csharp, cs or c# block.</summary>
    public bool IsCSharp => CSharpLanguages.Contains(Language);

    /// <summary>For test names: README.md:42.</summary>
    public override string ToString() => $"{File}:{Line}";
}

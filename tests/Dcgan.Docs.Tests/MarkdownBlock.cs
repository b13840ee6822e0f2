// MarkdownBlock: one fenced code block of a Markdown page, with the hidden directives written right above it.
namespace Dcgan.Docs.Tests;

/// <summary>A fenced code block (```lang ... ```) of a Markdown file.</summary>
/// <param name="File">The page, relative to the repository root (README.md, docs/latent-space.md).</param>
/// <param name="Line">The 1-based line of the first code line (the line after the opening fence).</param>
/// <param name="Language">The info string's first word (csharp, bash, text, ...), lower case; empty when absent.</param>
/// <param name="Code">The lines between the fences, joined with '\n'.</param>
/// <param name="Prologue">
/// The text of a <c>&lt;!-- prologue: ... --&gt;</c> comment right above the block (only blank lines or other directives
/// between), or null. <c>@name</c> refers to a named shared prologue (<see cref="Prologues"/>).
/// </param>
/// <param name="Run">
/// For shell blocks: null when the block is not marked runnable, otherwise the setup shell code of the
/// <c>&lt;!-- run --&gt;</c> / <c>&lt;!-- run: SETUP --&gt;</c> comment right above it (empty for a bare marker).
/// </param>
public sealed record MarkdownBlock(string File, int Line, string Language, string Code, string? Prologue, string? Run)
{
    /// <summary>For test names: README.md:42.</summary>
    public override string ToString() => $"{File}:{Line}";
}

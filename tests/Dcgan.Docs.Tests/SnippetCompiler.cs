// SnippetCompiler: compiles one ```csharp block of the docs with Roslyn against what a consumer of the Dcgan packages
// references (ConsumerReferences: the .NET reference assemblies, the src/ libraries and their declared package closure,
// plus the packages the block's prologue names, e.g. Microsoft.Extensions.Hosting for @host), after its hidden prologue.
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dcgan.Docs.Tests;

/// <summary>Compiles documentation snippets and reports errors at their Markdown file and line.</summary>
public static class SnippetCompiler
{
    // What a new .NET 10 console project has (ImplicitUsings enabled, the template's default), so snippets may use
    // Console, File, LINQ and tasks the way an application does; every Dcgan or TorchSharp using must be in the block.
    private static readonly SyntaxTree ImplicitUsings = CSharpSyntaxTree.ParseText(
        """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """,
        new CSharpParseOptions(LanguageVersion.Latest),
        path: "ImplicitUsings.g.cs");

    /// <summary>
    /// Diagnostics the docs opt into as a consumer's project would: DCGAN001, the experimental Dcgan.Evaluation package
    /// (its pages show it on purpose and tell readers to add <c>&lt;NoWarn&gt;$(NoWarn);DCGAN001&lt;/NoWarn&gt;</c>).
    /// </summary>
    private static readonly Dictionary<string, ReportDiagnostic> OptedIn = new() { ["DCGAN001"] = ReportDiagnostic.Suppress };

    /// <summary>
    /// Compiles <paramref name="block"/> with the implicit usings of a console project: its using directives, then its prologue (declarations the fragment assumes,
    /// hidden from the reader), then the rest of the block. Blocks with top-level statements compile as a program,
    /// others as a library.
    /// </summary>
    /// <returns>The errors, formatted as <c>README.md(123,9): error CS0103: ...</c>; empty when the block compiles.</returns>
    public static IReadOnlyList<string> Errors(MarkdownBlock block)
    {
        return [.. Compilation(block).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())];
    }

    /// <summary>The compilation of <paramref name="block"/> (see <see cref="Errors"/>), named <paramref name="assemblyName"/>.</summary>
    public static CSharpCompilation Compilation(MarkdownBlock block, string assemblyName = "Snippet")
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(Assemble(block), new CSharpParseOptions(LanguageVersion.Latest), path: block.File);
        bool program = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        return CSharpCompilation.Create(
            assemblyName,
            [ImplicitUsings, tree],
            ConsumerReferences.For(Prologues.Packages(block)),
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(OptedIn));
    }

    /// <summary>The source that is compiled: the block's usings, the prologue (#line hidden), the rest at its Markdown lines.</summary>
    public static string Assemble(MarkdownBlock block)
    {
        string code = block.Code;
        CompilationUnitSyntax unit = CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot();
        int usingsEnd = unit.Usings.Count == 0 && unit.Externs.Count == 0
            ? 0
            : Math.Max(unit.Usings.LastOrDefault()?.FullSpan.End ?? 0, unit.Externs.LastOrDefault()?.FullSpan.End ?? 0);
        string head = code[..usingsEnd], rest = code[usingsEnd..];
        int restLine = block.Line + head.Count(c => c == '\n');
        string prologue = Prologues.Resolve(block);
        return $"#line {block.Line} \"{block.File}\"\n{head}\n#line hidden\n{prologue}\n#line {restLine} \"{block.File}\"\n{rest}\n";
    }
}

// Prologues: the hidden code a documentation fragment assumes (a host builder, a trained generator, a latent batch),
// named so pages can share them: <!-- prologue: @generator --> above a block. Anything else after "prologue:" is code.
namespace Dcgan.Docs.Tests;

/// <summary>Named shared prologues and the resolution of a block's prologue directive.</summary>
public static class Prologues
{
    /// <summary>
    /// The named prologues. They use fully qualified names and no using directives, so they never bring a name into
    /// scope that the reader's block does not import itself (a snippet that forgets a using still fails).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Named { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // A generic host builder, and a generator pool as a service would receive it.
        ["@host"] = """
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
            Dcgan.Serving.IGeneratorPool pool = null!;
            """,
        // A trained generator and a batch of latent vectors [N, 100] (never run: the blocks are only compiled).
        ["@generator"] = """
            Dcgan.Models.DcganGenerator generator = null!;
            TorchSharp.torch.Tensor z = null!;
            """,
        // A generator loaded from a checkpoint, as the README's "Common tasks in code" blocks assume.
        ["@loaded"] = """
            var (generator, _) = Dcgan.Persistence.CheckpointModels.LoadGenerator("runs/train");
            """,
        // A data source as the training snippets open it.
        ["@data"] = """
            Dcgan.Data.IImageDataSource data = null!;
            """,
    };

    /// <summary>
    /// The packages, beyond the Dcgan libraries, that the application a named prologue stands for references (a
    /// Generic Host application references Microsoft.Extensions.Hosting for Host.CreateApplicationBuilder).
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> NamedPackages { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["@host"] = ["Microsoft.Extensions.Hosting"],
    };

    /// <summary>The extra packages <paramref name="block"/>'s named prologues need (see <see cref="NamedPackages"/>).</summary>
    public static IEnumerable<string> Packages(MarkdownBlock block) =>
        string.IsNullOrWhiteSpace(block.Prologue) || !block.Prologue.TrimStart().StartsWith('@')
            ? []
            : block.Prologue.Split([' ', ',', '\n'], StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(name => NamedPackages.GetValueOrDefault(name) ?? []).Distinct();

    /// <summary>The code to insert for <paramref name="block"/>'s prologue directive (empty without one).</summary>
    /// <exception cref="KeyNotFoundException">An @name that is not in <see cref="Named"/>, listing the names.</exception>
    public static string Resolve(MarkdownBlock block)
    {
        if (string.IsNullOrWhiteSpace(block.Prologue))
        {
            return string.Empty;
        }

        string prologue = block.Prologue.Trim();
        if (!prologue.StartsWith('@'))
        {
            return prologue;
        }

        return string.Join('\n', prologue.Split([' ', ',', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(name =>
            Named.TryGetValue(name, out string? code)
                ? code
                : throw new KeyNotFoundException($"{block}: unknown prologue '{name}'; the named prologues are {string.Join(", ", Named.Keys)}.")));
    }
}

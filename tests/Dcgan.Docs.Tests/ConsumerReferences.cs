// ConsumerReferences: the assemblies an application that installs the Dcgan library packages compiles against: the
// .NET reference assemblies (Microsoft.NETCore.App.Ref), each src/ library, and the compile assets of the packages they
// declare (transitively, as NuGet resolved them in each library's obj/project.assets.json; private assets such as
// analyzers excluded), plus the closure of any extra package a prologue's application model needs.
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Dcgan.Docs.Tests;

/// <summary>Compile references of a consumer of the Dcgan packages (not everything the test process loaded).</summary>
public static class ConsumerReferences
{
    private static readonly Lazy<IReadOnlyList<string>> Libraries = new(() =>
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string project in Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            string assets = Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json");
            paths.Add(Path.Combine(AppContext.BaseDirectory, Path.GetFileNameWithoutExtension(project) + ".dll"));
            paths.UnionWith(Closure(assets, roots: null));
        }

        return [.. paths];
    });

    /// <summary>The file paths: the framework's reference assemblies, the Dcgan libraries and their package closure, and <paramref name="extraPackages"/>' closure.</summary>
    public static IReadOnlyList<string> Paths(IEnumerable<string> extraPackages)
    {
        string testAssets = Path.Combine(Repository.Root, "tests", "Dcgan.Docs.Tests", "obj", "project.assets.json");
        string[] extra = [.. extraPackages];
        return [.. FrameworkReferenceAssemblies().Concat(Libraries.Value)
            .Concat(extra.Length == 0 ? [] : Closure(testAssets, extra)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The metadata references of <see cref="Paths"/>.</summary>
    public static IReadOnlyList<MetadataReference> For(IEnumerable<string> extraPackages) =>
        [.. Paths(extraPackages).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];

    // The highest Microsoft.NETCore.App.Ref pack next to the running runtime: packs/Microsoft.NETCore.App.Ref/V/ref/net10.0.
    private static IEnumerable<string> FrameworkReferenceAssemblies()
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;           // DOTNET/shared/Microsoft.NETCore.App/V
        string packs = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        string folder = Directory.EnumerateDirectories(packs)
            .Select(v => Path.Combine(v, "ref", $"net{Environment.Version.Major}.0"))
            .Where(Directory.Exists)
            .OrderBy(p => Version.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p)))!))
            .LastOrDefault() ?? throw new DirectoryNotFoundException($"No .NET reference pack under {packs}: install the .NET SDK.");
        return Directory.EnumerateFiles(folder, "*.dll");
    }

    // The compile assets of the packages reachable from roots (null: the project's own direct, non-private dependencies
    // and its project references, whose packages count but whose dlls come from the test output folder).
    private static IEnumerable<string> Closure(string assetsFile, IReadOnlyCollection<string>? roots)
    {
        if (!File.Exists(assetsFile))
        {
            throw new FileNotFoundException($"{assetsFile} is missing: restore the solution first (dotnet restore).", assetsFile);
        }

        using JsonDocument assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
        JsonElement root = assets.RootElement;
        string packageFolder = root.GetProperty("packageFolders").EnumerateObject().First().Name;
        JsonProperty framework = root.GetProperty("project").GetProperty("frameworks").EnumerateObject().First();
        JsonElement target = root.GetProperty("targets").EnumerateObject().First(t => !t.Name.Contains('/')).Value;
        var byName = target.EnumerateObject().ToDictionary(p => p.Name.Split('/')[0], p => p, StringComparer.OrdinalIgnoreCase);

        var pending = new Stack<string>(roots ?? DirectDependencies(framework.Value).Concat(
            byName.Where(p => p.Value.Value.GetProperty("type").GetString() == "project").Select(p => p.Key)).ToList());
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.TryPop(out string? name))
        {
            if (!seen.Add(name) || !byName.TryGetValue(name, out JsonProperty entry))
            {
                continue;
            }

            if (entry.Value.TryGetProperty("dependencies", out JsonElement dependencies))
            {
                foreach (JsonProperty dependency in dependencies.EnumerateObject())
                {
                    pending.Push(dependency.Name);
                }
            }

            if (entry.Value.GetProperty("type").GetString() != "package" || !entry.Value.TryGetProperty("compile", out JsonElement compile))
            {
                continue;
            }

            string libraryPath = root.GetProperty("libraries").GetProperty(entry.Name).GetProperty("path").GetString()!;
            foreach (JsonProperty asset in compile.EnumerateObject().Where(a => a.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                yield return Path.Combine(packageFolder, libraryPath, asset.Name);
            }
        }
    }

    private static IEnumerable<string> DirectDependencies(JsonElement framework) =>
        framework.TryGetProperty("dependencies", out JsonElement dependencies)
            ? dependencies.EnumerateObject()
                .Where(d => !(d.Value.TryGetProperty("suppressParent", out JsonElement s) && s.GetString() == "All"))
                .Select(d => d.Name)
            : [];
}

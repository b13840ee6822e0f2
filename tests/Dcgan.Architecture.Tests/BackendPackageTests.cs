// "Core never forces a backend": no library's package brings TorchSharp-cpu, TorchSharp-cuda-* or libtorch-*. Those
// packages hold only native libraries, so the check reads each library's restore graph (obj/project.assets.json: the
// packages its own PackageReferences pull in, which `dotnet pack` turns into the nuspec's dependencies).
using System.Text.Json;

namespace Dcgan.Architecture.Tests;

public class BackendPackageTests
{
    public static TheoryData<string> Libraries() => [.. LayeringRules.Libraries.Select(a => a.GetName().Name!)];

    [Theory]
    [MemberData(nameof(Libraries))]
    public void The_library_package_depends_on_no_libtorch_backend(string library)
    {
        string assets = Path.Combine(RepositoryRoot(), "src", library, "obj", "project.assets.json");
        File.Exists(assets).Should().BeTrue($"{library} must be restored (dotnet restore) for this check");

        BackendPackagesIn(assets).Should().BeEmpty(
            $"{library} must leave the backend to the application (reference TorchSharp, not TorchSharp-cpu or -cuda)");
    }

    [Fact]
    public void A_restore_graph_with_a_backend_package_is_caught()
    {
        // This test project itself references TorchSharp-cpu (it runs the libraries): its graph must be flagged.
        string own = Path.Combine(RepositoryRoot(), "tests", "Dcgan.Architecture.Tests", "obj", "project.assets.json");

        BackendPackagesIn(own).Should().Contain(p => p.StartsWith("TorchSharp-cpu/")).And.Contain(p => p.StartsWith("libtorch-cpu"));
    }

    // The package entries (name/version) of the graph whose name starts with a backend prefix.
    private static IReadOnlyList<string> BackendPackagesIn(string assetsFile)
    {
        using JsonDocument assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
        return [.. assets.RootElement.GetProperty("targets").EnumerateObject()
            .SelectMany(target => target.Value.EnumerateObject())
            .Where(entry => entry.Value.GetProperty("type").GetString() == "package")
            .Select(entry => entry.Name)
            .Where(name => LayeringRules.BackendPackages.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .Distinct()];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dcgan.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Dcgan.sln above {AppContext.BaseDirectory}.");
    }
}

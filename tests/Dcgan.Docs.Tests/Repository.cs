// Repository: finds the repository root (the folder with Dcgan.sln) from the test's output folder.
namespace Dcgan.Docs.Tests;

/// <summary>Paths of the repository the tests run in.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dcgan.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Dcgan.sln above {AppContext.BaseDirectory}.");
    });

    /// <summary>The folder that holds Dcgan.sln, README.md and docs/.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The build configuration of the tests (Debug, Release): the folder above bin/CONFIGURATION/net10.0/.</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}

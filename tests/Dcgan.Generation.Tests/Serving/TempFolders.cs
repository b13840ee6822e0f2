// TempFolders: new empty folders under this test run's temp folder (removed when the process exits), for model files.
namespace Dcgan.Generation.Tests.Serving;

internal static class TempFolders
{
    private static readonly Lazy<string> Root = new(() =>
    {
        string root = Path.Combine(Path.GetTempPath(), "dcgan-generation-tests-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit stays behind in the temp folder; nothing else depends on it.
            }
        };
        return root;
    });

    /// <summary>A new empty folder.</summary>
    public static string New(string name)
    {
        string folder = Path.Combine(Root.Value, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}

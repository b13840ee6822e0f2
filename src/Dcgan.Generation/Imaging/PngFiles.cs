// PngFiles: writes a PNG file whole (through a temporary file), so a reader never sees a half-written image.
namespace Dcgan.Imaging;

/// <summary>Writes PNG bytes to files.</summary>
internal static class PngFiles
{
    /// <summary>Writes to a temporary file, then renames over <paramref name="path"/>; creates the folder.</summary>
    public static void WriteAtomically(string path, byte[] png)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = full + ".tmp";
        File.WriteAllBytes(temporary, png);
        File.Move(temporary, full, overwrite: true);
    }
}

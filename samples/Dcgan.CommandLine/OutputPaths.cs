// Checks every path a command will write before the command computes anything: the extension matches what is
// written, a folder is not a file (and the other way round), the nearest existing folder on the path can be written
// to, and a file that exists is replaced only with --force where the command protects its outputs. Nothing is
// created by a check: folders are made right before the first write, so a refused start leaves nothing behind.
using System.CommandLine;

namespace Dcgan.CommandLine;

/// <summary>Validation of output files and folders, and the shared --force option.</summary>
public static class OutputPaths
{
    /// <summary>--force: replace existing output files, which the command refuses otherwise.</summary>
    public static Option<bool> ForceOption(string what) => new("--force") { Description = $"Replace {what} when it already exists (refused otherwise, so a frozen or committed result is never overwritten by accident)." };

    /// <summary>
    /// Checks a file the command will write in <paramref name="format"/>: its extension is one of
    /// <paramref name="extensions"/> (any case), it is not a folder, and its folder exists or can be created.
    /// </summary>
    /// <returns>The full path.</returns>
    /// <exception cref="ArgumentException">The extension or kind is wrong; the message names the flag, the path and what is expected.</exception>
    /// <exception cref="IOException">The path cannot be written.</exception>
    public static string File(string flag, string path, string format, params string[] extensions)
    {
        string full = Path.GetFullPath(path);
        string extension = Path.GetExtension(full);
        if (!extensions.Any(e => string.Equals(e, extension, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException(
                $"{flag} '{path}' {(extension.Length == 0 ? "has no extension" : $"has the extension {extension}")}, but this command writes {format}: give a file ending in {string.Join(" or ", extensions)}.");
        }

        if (Directory.Exists(full))
        {
            throw new ArgumentException($"{flag} '{path}' is a folder; give a {extensions[0]} file path.");
        }

        RequireWritable(flag, path, Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Checks a folder the command will write into: not an existing file, and it exists or can be created.</summary>
    /// <returns>The full path.</returns>
    public static string Folder(string flag, string path)
    {
        string full = Path.GetFullPath(path);
        if (System.IO.File.Exists(full))
        {
            throw new ArgumentException($"{flag} '{path}' is a file; give a folder path.");
        }

        RequireWritable(flag, path, full);
        return full;
    }

    /// <summary>
    /// Refuses to replace any of <paramref name="files"/> that exists, unless <paramref name="force"/>: the message
    /// names the first one and --force.
    /// </summary>
    public static void RefuseToReplace(string flag, bool force, params string[] files)
    {
        string? existing = force ? null : files.FirstOrDefault(f => System.IO.File.Exists(f));
        if (existing is not null)
        {
            throw new ArgumentException(
                $"{flag}: '{existing}' already exists; pass --force to replace it, or choose another {flag}.");
        }
    }

    /// <summary>Creates <paramref name="folder"/> (and its parents) when missing, right before the first write.</summary>
    /// <returns>The full path.</returns>
    public static string Create(string folder) => Directory.CreateDirectory(folder).FullName;

    /// <summary>Creates the folder of <paramref name="file"/> when missing.</summary>
    /// <returns>The file's full path.</returns>
    public static string CreateFolderOf(string file)
    {
        string full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    // The nearest existing folder on the way up to the root must be a folder, and a file can be created in it.
    private static void RequireWritable(string flag, string given, string folder)
    {
        string? existing = folder;
        while (existing is not null && !Directory.Exists(existing))
        {
            if (System.IO.File.Exists(existing))
            {
                throw new IOException($"{flag} '{given}' cannot be written: '{existing}' is a file, not a folder.");
            }

            existing = Path.GetDirectoryName(existing);
        }

        if (existing is null)
        {
            throw new IOException($"{flag} '{given}' cannot be written: no folder on its path exists.");
        }

        string probe = Path.Combine(existing, $".dcgan-write-check-{Guid.NewGuid():N}");
        try
        {
            using var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string where = existing == folder ? $"the folder '{existing}'" : $"'{existing}' (where its missing folders would be created)";
            throw new IOException($"{flag} '{given}' cannot be written: {where} does not accept new files ({(e is UnauthorizedAccessException ? "permission denied" : "read-only or not a regular folder")}).", e);
        }
    }
}

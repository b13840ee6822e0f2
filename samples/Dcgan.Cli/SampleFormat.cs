// SampleFormat: what `dcgan sample` writes, chosen by --format or by the --output path's extension.
namespace Dcgan.Cli;

/// <summary>The output forms of `dcgan sample`.</summary>
internal enum SampleFormat
{
    /// <summary>One grid PNG of all images (at most 4096), built in memory.</summary>
    Png,

    /// <summary>One PNG per image in a folder (sample-0000.png, ...), written batch by batch.</summary>
    Folder,

    /// <summary>A .npy file: float32 [N, C, H, W] in [-1, 1], the generator's raw output, written batch by batch.</summary>
    Npy,

    /// <summary>A .npz file with 'arr_0': uint8 [N, H, W, C] (torch-fidelity, clean-fid, TTUR), written batch by batch.</summary>
    Npz,
}

/// <summary>Reads --format and checks it against --output.</summary>
internal static class SampleFormats
{
    public const string Names = "png, folder, npy or npz";

    /// <summary>--format when given (it must agree with the extension), otherwise the format the extension names.</summary>
    public static SampleFormat Resolve(string? format, string output)
    {
        string extension = Path.GetExtension(output).ToLowerInvariant();
        SampleFormat? byExtension = extension switch
        {
            ".png" => SampleFormat.Png,
            ".npy" => SampleFormat.Npy,
            ".npz" => SampleFormat.Npz,
            "" => SampleFormat.Folder,
            _ => null,
        };
        if (format is null)
        {
            if (byExtension is null && !Directory.Exists(output))
            {
                // x.jpg would otherwise become a folder named x.jpg: say what sample writes instead.
                throw new ArgumentException(
                    $"--output '{output}' has the extension {extension}, but sample writes PNG, .npy or .npz only: give a .png file for one grid, a folder path (no extension) for one PNG per image, or a .npy/.npz file.");
            }

            return byExtension ?? SampleFormat.Folder;
        }

        SampleFormat chosen = format.ToLowerInvariant() switch
        {
            "png" => SampleFormat.Png,
            "folder" => SampleFormat.Folder,
            "npy" => SampleFormat.Npy,
            "npz" => SampleFormat.Npz,
            _ => throw new ArgumentException($"--format '{format}' is not an output form; expected {Names}."),
        };
        bool fits = chosen == SampleFormat.Folder ? byExtension is SampleFormat.Folder || Directory.Exists(output) : byExtension == chosen;
        if (!fits)
        {
            string wanted = chosen == SampleFormat.Folder ? "a folder path without an extension" : $"a file ending in .{chosen.ToString().ToLowerInvariant()}";
            throw new ArgumentException($"--format {format} writes {wanted}, but --output is '{output}'.");
        }

        return chosen;
    }
}

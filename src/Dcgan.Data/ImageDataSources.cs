// ImageDataSources: one entry point that opens an IDX file, a folder of IDX files, CIFAR binary files, or a folder of images.
using System.Text.RegularExpressions;

namespace Dcgan.Data;

/// <summary>Opens the right <see cref="IImageDataSource"/> for a path.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>An existing file is read as an IDX image file (raw or gzip); a label file next to it with the
/// matching name (<c>x-images-idx3-ubyte[.gz]</c> → <c>x-labels-idx1-ubyte[.gz]</c>) is loaded too.</item>
/// <item>A folder that directly contains IDX image files (<c>*-images-idx3-ubyte</c>, optionally <c>.gz</c>;
/// the <c>*-images.idx3-ubyte</c> spelling is accepted too) opens one of them: the only one, or else the one
/// whose name starts with <c>train</c>. The test split is used only when it is the only one present; splits are
/// not concatenated, so the test split stays held out. When both raw and gzip copies exist, the raw one is read.</item>
/// <item>A CIFAR binary file (<c>data_batch_N.bin</c> or <c>test_batch.bin</c>: CIFAR-10; <c>train.bin</c> or
/// <c>test.bin</c>: CIFAR-100) opens as a <see cref="CifarDataSource"/>. So does a folder without IDX files that holds
/// them: all <c>data_batch_*.bin</c> files in number order (the CIFAR-10 training set), else <c>test_batch.bin</c>,
/// else <c>train.bin</c>, else <c>test.bin</c>; or a folder holding one of the tarballs' folders
/// (<c>cifar-10-batches-bin</c>, <c>cifar-100-binary</c>).</item>
/// <item>An LMDB environment (a folder holding <c>data.mdb</c>, or that file), such as LSUN's
/// <c>bedroom_train_lmdb</c>, opens as an <see cref="LmdbImageDataSource"/>.</item>
/// <item>Any other folder is opened as an <see cref="ImageFolderDataSource"/>.</item>
/// </list>
/// </remarks>
public static partial class ImageDataSources
{
    /// <summary>Opens <paramref name="path"/> as described in the remarks.</summary>
    /// <param name="path">An IDX image file, a folder with IDX files, a CIFAR binary file or folder, an LMDB folder, or a folder of PNG/JPEG images.</param>
    /// <param name="options">
    /// Size, colour mode, background and preloading; validated with <see cref="ImageDataSourceOptionsValidator"/> before
    /// anything is read. The default value is <see langword="null"/>, meaning <c>new ImageDataSourceOptions()</c>.
    /// </param>
    /// <returns>The data source, owned by the caller: dispose it after the last read (an LMDB source holds its database open; the others release nothing).</returns>
    /// <exception cref="ArgumentException">The path is empty, RGB was requested for IDX data, or several IDX image files qualify.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure with its value.</exception>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    /// <exception cref="IdxFormatException">An IDX file is malformed.</exception>
    /// <exception cref="CifarFormatException">A CIFAR file is malformed.</exception>
    /// <exception cref="InvalidDataException">An image folder has no images or an undecodable file.</exception>
    public static IImageDataSource Open(string path, ImageDataSourceOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("Data path is empty; expected an IDX file, a folder of IDX files or a folder of images.", nameof(path));
        }

        options ??= new ImageDataSourceOptions();
        new ImageDataSourceOptionsValidator().ThrowIfInvalid(options);
        string full = Path.GetFullPath(path);
        if ((File.Exists(full) && Path.GetFileName(full) == LmdbDataFile) || File.Exists(Path.Combine(full, LmdbDataFile)))
        {
            return new LmdbImageDataSource(full, options);
        }

        if (File.Exists(full))
        {
            if (ImageExtension().IsMatch(full))
            {
                throw new ArgumentException(
                    $"Data path '{full}' is a single image; expected an IDX file or a folder. Pass the folder that holds the images instead.", nameof(path));
            }

            return CifarFiles.VariantOfFile(full) is CifarVariant variant
                ? new CifarDataSource([full], variant, options)
                : OpenIdx(full, options);
        }

        if (!Directory.Exists(full))
        {
            throw new FileNotFoundException(
                $"Data path '{full}' does not exist; expected an IDX file, a folder of IDX files or a folder of images.", full);
        }

        string? idx = FindIdxImages(full);
        if (idx is not null)
        {
            return OpenIdx(idx, options);
        }

        if (CifarFiles.FindInFolder(full) is var (cifarVariant, cifarFiles))
        {
            return new CifarDataSource(cifarFiles, cifarVariant, options);
        }

        return new ImageFolderDataSource(full, options);
    }

    /// <summary>
    /// The IDX image file <see cref="Open"/> would choose in <paramref name="folder"/>, or <see langword="null"/> when
    /// the folder has none.
    /// </summary>
    /// <param name="folder">An existing folder.</param>
    /// <returns>The full path of the chosen file, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">Several IDX image files qualify and none is uniquely a training split.</exception>
    public static string? FindIdxImages(string folder)
    {
        var byStem = Directory.EnumerateFiles(folder)
            .Where(f => IdxImagesName().IsMatch(Path.GetFileName(f)))
            .GroupBy(f => f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? f[..^3] : f)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (byStem.Count == 0)
        {
            return null;
        }

        var chosen = byStem.Count == 1
            ? byStem[0]
            : byStem.Where(g => Path.GetFileName(g.Key).StartsWith("train", StringComparison.OrdinalIgnoreCase)).ToList() is { Count: 1 } train
                ? train[0]
                : throw new ArgumentException(
                    $"Folder '{folder}' holds several IDX image files and no single training split: " +
                    $"{string.Join(", ", byStem.Select(g => Path.GetFileName(g.First())))}. Pass one file instead.", nameof(folder));

        // Prefer the raw copy (the group key) when it exists: it needs no decompression.
        return chosen.Contains(chosen.Key) ? chosen.Key : chosen.First();
    }

    /// <summary>The label file that belongs to an IDX image file, or <see langword="null"/> if there is none next to it.</summary>
    /// <param name="imagesPath">An <c>x-images-idx3-ubyte[.gz]</c> path.</param>
    /// <returns>The path of <c>x-labels-idx1-ubyte</c> (raw preferred) or <c>x-labels-idx1-ubyte.gz</c>, or <see langword="null"/>.</returns>
    public static string? FindLabelsFor(string imagesPath)
    {
        string name = Path.GetFileName(imagesPath);
        var match = IdxImagesName().Match(name);
        if (!match.Success)
        {
            return null;
        }

        string stem = name[..match.Index] + "-labels" + match.Groups["sep"].Value + "idx1-ubyte";
        string directory = Path.GetDirectoryName(imagesPath) ?? ".";
        return new[] { stem, stem + ".gz" }.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
    }

    private static IdxImageDataSource OpenIdx(string imagesPath, ImageDataSourceOptions options)
    {
        if (options.ColorMode is ColorMode.Rgb)
        {
            throw new ArgumentException(
                $"IDX data '{imagesPath}' is grayscale, but ColorMode Rgb was requested; use Grayscale (or leave it unset) for IDX data.", nameof(options));
        }

        if (options.ImageWidth is int width && width != options.ImageSize)
        {
            throw new ArgumentException(
                $"IDX data '{imagesPath}' gives square images, but ImageWidth {width} (ImageSize {options.ImageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "native"}) was requested; non-square sizes are for image folders and LMDB, which fit each image with ImageFit.", nameof(options));
        }

        return IdxImageDataSource.Open(imagesPath, FindLabelsFor(imagesPath), options.ImageSize);
    }

    private const string LmdbDataFile = "data.mdb";

    [GeneratedRegex(@"-images(?<sep>[.-])idx3-ubyte(\.gz)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdxImagesName();

    [GeneratedRegex(@"\.(png|jpe?g)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImageExtension();
}

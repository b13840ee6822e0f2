// FashionMnist: file names, class names and default-location lookup for the Fashion-MNIST data set.
namespace Dcgan.Data;

/// <summary>Constants and location lookup for Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017).</summary>
public static class FashionMnist
{
    /// <summary>Where the full data set is installed on machines that provide it system-wide.</summary>
    internal const string SystemFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The training images (60,000 x 28 x 28).</summary>
    public const string TrainImagesFile = "train-images-idx3-ubyte.gz";

    /// <summary>The training labels (60,000).</summary>
    public const string TrainLabelsFile = "train-labels-idx1-ubyte.gz";

    /// <summary>The test images (10,000 x 28 x 28).</summary>
    public const string TestImagesFile = "t10k-images-idx3-ubyte.gz";

    /// <summary>The test labels (10,000).</summary>
    public const string TestLabelsFile = "t10k-labels-idx1-ubyte.gz";

    /// <summary>Class names indexed by label value 0-9.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>
    /// The folder to train on: <see cref="SystemFolder"/> or the first of <paramref name="fallbackFolders"/> that holds
    /// the training images; failing that, the first of them that holds at least the test images
    /// (for example a test split shipped with an application).
    /// </summary>
    /// <param name="fallbackFolders">Further folders to consider after <see cref="SystemFolder"/>, in order.</param>
    /// <returns>The chosen folder; pass it to <see cref="ImageDataSources.Open"/>.</returns>
    /// <exception cref="DirectoryNotFoundException">No candidate holds Fashion-MNIST images; the message lists them.</exception>
    public static string DefaultLocation(params string[] fallbackFolders) => FindLocation([SystemFolder, .. fallbackFolders]);

    /// <summary>
    /// The first of <paramref name="candidateFolders"/> that holds the training images, else the first that holds the
    /// test images. Raw (uncompressed) copies count too.
    /// </summary>
    /// <param name="candidateFolders">Folders in order of preference.</param>
    /// <returns>The chosen folder.</returns>
    /// <exception cref="DirectoryNotFoundException">No candidate holds Fashion-MNIST images; the message lists them.</exception>
    public static string FindLocation(IEnumerable<string> candidateFolders)
    {
        ArgumentNullException.ThrowIfNull(candidateFolders);
        var candidates = candidateFolders.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        return candidates.FirstOrDefault(c => Holds(c, TrainImagesFile))
            ?? candidates.FirstOrDefault(c => Holds(c, TestImagesFile))
            ?? throw new DirectoryNotFoundException(
                $"Fashion-MNIST not found: none of [{string.Join(", ", candidates.Select(c => $"'{c}'"))}] contains " +
                $"{TrainImagesFile} or {TestImagesFile} (raw or gzip).");
    }

    private static bool Holds(string folder, string gzName) =>
        File.Exists(Path.Combine(folder, gzName)) || File.Exists(Path.Combine(folder, gzName[..^3]));
}

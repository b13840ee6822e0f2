// Where `dcgan train` gets its images: --data when given; else the full Fashion-MNIST when Debian's
// dataset-fashion-mnist package is installed; else the Fashion-MNIST test split shipped next to the program.
using Dcgan.Data;

namespace Dcgan.Cli;

internal static class DataLocation
{
    public static string Resolve(string? explicitPath) =>
        explicitPath ?? FashionMnist.DefaultLocation(Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist"));

    public static IImageDataSource Open(string path, int? imageSize) =>
        ImageDataSources.Open(path, new ImageDataSourceOptions { ImageSize = imageSize });
}

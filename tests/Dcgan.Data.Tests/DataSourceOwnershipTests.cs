// Ownership of data sources: every IImageDataSource is disposable and belongs to whoever opened it. A source that holds
// files (LMDB) releases them when disposed through the interface; in-memory sources have nothing to release.
using SkiaSharp;

namespace Dcgan.Data.Tests;

public sealed class DataSourceOwnershipTests
{
    [Fact]
    public void An_lmdb_source_opened_through_ImageDataSources_is_closed_by_disposing_the_interface()
    {
        using var tmp = new TempDir();
        string folder = tmp.File("lmdb");
        LmdbFilesForTests.Write(folder, [("k1", LmdbFilesForTests.Encode(8, 8, (_, _) => SKColors.Red, SKEncodedImageFormat.Png))]);
        IImageDataSource source = ImageDataSources.Open(folder, new ImageDataSourceOptions { ImageSize = 8 });
        var image = new float[source.Shape.ElementCount];
        source.CopyImage(0, image);

        using (source)
        {
        }

        Action read = () => source.CopyImage(0, image);
        read.Should().Throw<ObjectDisposedException>();
        source.Dispose(); // idempotent
    }

    [Fact]
    public void In_memory_sources_have_nothing_to_release_and_a_wrapper_does_not_dispose_what_it_wraps()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("images"), Idx.Images(4, 8, 8));
        using IImageDataSource idx = ImageDataSources.Open(tmp.File("images"));
        var view = new DeduplicatedDataSource(idx, [new[] { 0, 1 }]);
        var image = new float[idx.Shape.ElementCount];

        ((IDisposable)view).Dispose();
        idx.CopyImage(1, image); // the wrapped source is its opener's

        idx.Dispose();
        idx.CopyImage(1, image); // the default Dispose does nothing
    }
}

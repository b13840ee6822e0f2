// The benchmark's reference: the same images as the folder, decoded once up front and held as floats, so reading
// an image is a copy and nothing is decoded while training.
using Dcgan.Data;

namespace Dcgan.PipelineBench;

/// <summary>An <see cref="IImageDataSource"/> over pre-decoded pixels ([Count, C, H, W] in [-1, 1]).</summary>
internal sealed class InMemoryImageSource(ImageBatch images) : IImageDataSource
{
    public int Count => images.Count;

    public ImageShape Shape => images.Shape;

    public string Description => $"in memory ({Count} images as {Shape}, pre-decoded)";

    public void CopyImage(int index, Span<float> destination) => images.Image(index).CopyTo(destination);
}

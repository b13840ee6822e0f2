// The time-to-quality benchmark's training images: one split of a Fashion-MNIST folder, opened once per image size
// (28 = the files' own, 32 = resized by the IDX reader).
using Dcgan.Data;

namespace Dcgan.Experiments;

internal sealed class TrainingData(string folder, TrainingSplit split) : IDisposable
{
    private readonly Dictionary<int, IdxImageDataSource> _bySize = [];

    /// <summary>The split at <paramref name="imageSize"/> pixels a side.</summary>
    public IImageDataSource For(int imageSize)
    {
        if (!_bySize.TryGetValue(imageSize, out IdxImageDataSource? source))
        {
            source = split == TrainingSplit.Full
                ? FashionMnistSplits.OpenTrain(folder, labelled: false, imageSize)
                : FashionMnistSplits.OpenTest(folder, imageSize);
            _bySize[imageSize] = source;
        }

        return source;
    }

    /// <summary>Disposes every split it opened (IImageDataSource's contract: the opener disposes).</summary>
    public void Dispose()
    {
        foreach (IdxImageDataSource source in _bySize.Values)
        {
            ((IDisposable)source).Dispose();
        }

        _bySize.Clear();
    }

    /// <summary>The split's description at 28x28 (e.g. "IDX '/usr/share/.../train-images-idx3-ubyte.gz' (60000 images 1x28x28)").</summary>
    public string Describe() => $"{split.ToString().ToLowerInvariant()} split: {For(28).Description}";
}

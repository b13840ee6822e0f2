// The evaluation protocol's Fashion-MNIST splits: probe-train = first 50k train images, probe-val = last 10k
// train images, test = the 10k test images (never used for GAN training or model selection). The class count
// comes from the label files.
using Dcgan.Data;
using Dcgan.Features;

namespace Dcgan.Experiments;

internal sealed class FashionMnistSplits : IDisposable
{
    public const int ProbeTrainCount = 50_000;

    private FashionMnistSplits(IdxImageDataSource train, IdxImageDataSource test)
    {
        Train = train;
        Test = test;
        TrainLabels = Labels(train);
        TestLabels = Labels(test);
        ClassCount = TrainLabels.Concat(TestLabels).Max() + 1;
    }

    public IdxImageDataSource Train { get; }

    public IdxImageDataSource Test { get; }

    public int[] TrainLabels { get; }

    public int[] TestLabels { get; }

    /// <summary>Number of classes: the largest label in the label files plus one (10 for Fashion-MNIST).</summary>
    public int ClassCount { get; }

    public int ValidationCount => Train.Count - ProbeTrainCount;

    /// <summary>Disposes both splits (their opener owns them: IImageDataSource's contract).</summary>
    public void Dispose()
    {
        ((IDisposable)Train).Dispose();
        ((IDisposable)Test).Dispose();
    }

    /// <summary>The labelled train and test splits (evaluate and ablate use any size; the probe needs <see cref="OpenForProbe"/>).</summary>
    public static FashionMnistSplits Open(string folder, int? imageSize) => new(OpenTrain(folder, labelled: true, imageSize), OpenTest(folder, imageSize));

    /// <summary>The splits of <see cref="Open"/>, refused unless the train split holds probe-train and a probe-val.</summary>
    public static FashionMnistSplits OpenForProbe(string folder, int? imageSize)
    {
        FashionMnistSplits splits = Open(folder, imageSize);
        if (splits.Train.Count < ProbeTrainCount + 1)
        {
            splits.Dispose();
            throw new ArgumentException($"The probe needs the full 60k Fashion-MNIST train split; {splits.Train.Description} has {splits.Train.Count} images. Install it with: apt-get install dataset-fashion-mnist");
        }

        return splits;
    }

    /// <summary>The train split, with or without its labels.</summary>
    public static IdxImageDataSource OpenTrain(string folder, bool labelled, int? imageSize = null) =>
        IdxImageDataSource.Open(Require(folder, FashionMnist.TrainImagesFile), labelled ? Require(folder, FashionMnist.TrainLabelsFile) : null, imageSize);

    /// <summary>Only the labelled 10k test split (the real reference images), without reading the train split.</summary>
    public static IdxImageDataSource OpenTest(string folder, int? imageSize = null) =>
        IdxImageDataSource.Open(Require(folder, FashionMnist.TestImagesFile), Require(folder, FashionMnist.TestLabelsFile), imageSize);

    /// <summary>The labels of a labelled split, as ints.</summary>
    public static int[] Labels(IdxImageDataSource split) => Enumerable.Range(0, split.Count).Select(split.GetLabel).ToArray();

    /// <summary>Every image of <paramref name="source"/> as a row of raw pixels in [-1, 1].</summary>
    public static FeatureMatrix Pixels(IImageDataSource source)
    {
        FeatureMatrix pixels = FeatureMatrix.Zeros(source.Count, source.Shape.ElementCount);
        for (int i = 0; i < source.Count; i++)
        {
            source.CopyImage(i, pixels.Row(i));
        }

        return pixels;
    }

    private static string Require(string folder, string file)
    {
        string path = Path.Combine(folder, file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"Fashion-MNIST file '{Path.GetFullPath(path)}' is missing; --data must name a folder with the train-* and t10k-* IDX files. " +
                $"The full set: apt-get install dataset-fashion-mnist (installs to /usr/share/datasets/fashion-mnist); the tools ship only the test split.", path);
    }
}

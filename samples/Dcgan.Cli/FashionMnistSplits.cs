// The evaluation protocol's Fashion-MNIST splits: probe-train = first 50k train images, probe-val = last 10k
// train images, test = the 10k test images (never used for GAN training or model selection).
using Dcgan.Data;
using Dcgan.Features;

namespace Dcgan.Cli;

internal sealed class FashionMnistSplits
{
    public const int ProbeTrainCount = 50_000;

    private FashionMnistSplits(IdxImageDataSource train, IdxImageDataSource test)
    {
        Train = train;
        Test = test;
        if (train.Count < ProbeTrainCount + 1)
        {
            throw new ArgumentException($"The probe needs the full 60k Fashion-MNIST train split; {train.Description} has {train.Count} images. Install it with: apt-get install dataset-fashion-mnist");
        }

        TrainLabels = Enumerable.Range(0, train.Count).Select(train.GetLabel).ToArray();
        TestLabels = Enumerable.Range(0, test.Count).Select(test.GetLabel).ToArray();
    }

    public IdxImageDataSource Train { get; }

    public IdxImageDataSource Test { get; }

    public int[] TrainLabels { get; }

    public int[] TestLabels { get; }

    public int ValidationCount => Train.Count - ProbeTrainCount;

    public static FashionMnistSplits Open(string folder, int? imageSize) =>
        new(IdxImageDataSource.Open(Require(folder, FashionMnist.TrainImagesFile), Require(folder, FashionMnist.TrainLabelsFile), imageSize),
            OpenTest(folder, imageSize));

    /// <summary>Only the labelled 10k test split (the real reference images), without reading the train split.</summary>
    public static IdxImageDataSource OpenTest(string folder, int? imageSize = null) =>
        IdxImageDataSource.Open(Require(folder, FashionMnist.TestImagesFile), Require(folder, FashionMnist.TestLabelsFile), imageSize);

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
        return File.Exists(path) ? path : throw new FileNotFoundException($"Fashion-MNIST file '{path}' is missing; --data must name a folder with the four IDX files.", path);
    }
}

// Fakes whose answers are known: a generator whose image is its latent vector, and a classifier defined by plain
// functions of the pixels. The latent-metric tests use them to check bookkeeping against hand-derived results.
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Generation;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation.Tests;

/// <summary>A generator whose image of z is z itself, laid out as a 1 x 1 x Z image.</summary>
internal sealed class IdentityGenerator(int dimension, LatentDistribution distribution) : IGenerator
{
    private readonly nn.Module<Tensor, Tensor> _network = nn.Identity();

    public int LatentDimension => dimension;

    public LatentDistribution LatentDistribution => distribution;

    public ImageShape ImageShape => new(1, 1, dimension);

    public nn.Module<Tensor, Tensor> Network => _network;

    public Tensor Generate(Tensor latent) => latent.reshape(latent.shape[0], 1, 1, dimension); // [N, Z] -> [N, 1, 1, Z]

    public void Dispose() => _network.Dispose();
}

/// <summary>A classifier given by functions of one image's pixels: features (default: the pixels) and class probabilities.</summary>
internal sealed class FunctionClassifier(ImageShape inputShape, int classCount, Func<float[], float[]> probabilities, Func<float[], float[]>? features = null)
    : IImageClassifier
{
    public ImageShape InputShape => inputShape;

    public int ClassCount => classCount;

    public FeatureMatrix Features(ImageBatch images) => Apply(images, features ?? (x => x));

    public FeatureMatrix Probabilities(ImageBatch images) => Apply(images, probabilities);

    /// <summary>
    /// Class 0 when the first pixel is negative, else class 1, with confidence <paramref name="confidence"/>(|x|); the
    /// remaining probability is split evenly over the other classes (so with 4 classes, classes 2 and 3 never win).
    /// </summary>
    public static FunctionClassifier Sign(ImageShape shape, int classCount, Func<float, float> confidence) =>
        new(shape, classCount, x =>
        {
            int label = x[0] < 0 ? 0 : 1;
            float p = confidence(Math.Abs(x[0]));
            float[] row = Enumerable.Repeat((1 - p) / (classCount - 1), classCount).ToArray();
            row[label] = p;
            return row;
        });

    private FeatureMatrix Apply(ImageBatch images, Func<float[], float[]> f)
    {
        images.Shape.Should().Be(inputShape, "images must be fitted to the classifier's input");
        float[][] rows = Enumerable.Range(0, images.Count).Select(i => f(images.Image(i).ToArray())).ToArray();
        return new FeatureMatrix(rows.SelectMany(r => r).ToArray(), rows.Length, rows[0].Length);
    }
}

// IImageClassifier: what the latent-space metrics need from a classifier (features and class probabilities), so
// they run on the frozen EvaluationClassifier and, in tests, on a classifier whose answers are known.
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Models;

namespace Dcgan.Evaluation;

/// <summary>
/// An image classifier that exposes a feature space and class probabilities. <see cref="EvaluationClassifier"/> is the
/// implementation the evaluation protocol uses (128-d features, 1x28x28 input, the class count of its weights file: 10 for the shipped Fashion-MNIST classifier).
/// </summary>
public interface IImageClassifier
{
    /// <summary>The image shape <see cref="Features"/> and <see cref="Probabilities"/> accept.</summary>
    ImageShape InputShape { get; }

    /// <summary>Number of classes: the column count of <see cref="Probabilities"/>.</summary>
    int ClassCount { get; }

    /// <summary>Feature vectors of the images (for distances and Frechet distances), one row per image.</summary>
    /// <param name="images">Images of <see cref="InputShape"/>, in [-1, 1].</param>
    FeatureMatrix Features(ImageBatch images);

    /// <summary>Class probabilities of the images, one row per image, <see cref="ClassCount"/> columns summing to 1.</summary>
    /// <param name="images">Images of <see cref="InputShape"/>, in [-1, 1].</param>
    FeatureMatrix Probabilities(ImageBatch images);
}

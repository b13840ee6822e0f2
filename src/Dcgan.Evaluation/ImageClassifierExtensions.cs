// ImageClassifierExtensions: bringing images to a classifier's input size, and reading decisions (label and
// confidence) from its probabilities.
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Models;

namespace Dcgan.Evaluation;

/// <summary>Helpers for any <see cref="IImageClassifier"/>.</summary>
public static class ImageClassifierExtensions
{
    /// <summary>
    /// <paramref name="images"/> at the classifier's input size: unchanged when the shapes already agree, otherwise
    /// resized with <see cref="ImageResizing.Resize(ImageBatch, ImageShape)"/> (for example 32x32 samples of a 32x32
    /// generator to the evaluation classifier's 28x28).
    /// </summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="images">The images, in [-1, 1].</param>
    /// <returns>Images of <see cref="IImageClassifier.InputShape"/>.</returns>
    /// <exception cref="ArgumentException">The channel counts differ (for example RGB samples for a grayscale classifier).</exception>
    public static ImageBatch FitInput(this IImageClassifier classifier, ImageBatch images)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return ImageResizing.Resize(images, classifier.InputShape);
    }

    /// <summary>The label and confidence of every image.</summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="images">Images of the classifier's input shape.</param>
    /// <returns>One decision per image.</returns>
    public static ClassDecision[] Decide(this IImageClassifier classifier, ImageBatch images)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return Decisions(classifier.Probabilities(images));
    }

    /// <summary>The argmax and maximum of every row of a probability matrix (the lowest index wins ties).</summary>
    /// <param name="probabilities">One row of class probabilities per image.</param>
    /// <returns>One decision per row.</returns>
    public static ClassDecision[] Decisions(FeatureMatrix probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var decisions = new ClassDecision[probabilities.Rows];
        for (int i = 0; i < decisions.Length; i++)
        {
            ReadOnlySpan<float> row = probabilities.Row(i);
            int best = 0;
            for (int c = 1; c < row.Length; c++)
            {
                best = row[c] > row[best] ? c : best;
            }

            decisions[i] = new ClassDecision(best, row[best]);
        }

        return decisions;
    }
}

// A grid of the generated samples that came closest to a training image, each next to that training image.
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Imaging;
using Dcgan.Models;

namespace Dcgan.Experiments;

internal static class ClosestPairsImage
{
    /// <summary>Writes rows of (generated, nearest train) pairs, closest first; returns the path.</summary>
    public static string Save(ImageBatch generated, ImageBatch train, IReadOnlyList<NeighbourPair> pairs, string path)
    {
        int elements = generated.Shape.ElementCount;
        float[] pixels = new float[pairs.Count * 2 * elements];
        for (int i = 0; i < pairs.Count; i++)
        {
            generated.Image(pairs[i].GeneratedIndex).CopyTo(pixels.AsSpan(2 * i * elements, elements));
            train.Image(pairs[i].TrainIndex).CopyTo(pixels.AsSpan((2 * i + 1) * elements, elements));
        }

        ImageGrid.SavePng(new ImageBatch(pairs.Count * 2, generated.Shape, pixels), path, columns: 8);
        return Path.GetFullPath(path);
    }
}

using Dcgan.Data;
using Dcgan.Models;

namespace Dcgan.Evaluation.Tests;

/// <summary>28x28 images whose class is the position of a bright horizontal stripe.</summary>
internal sealed class StripeImages(int count) : IImageDataSource
{
    public int[] Labels { get; } = Enumerable.Range(0, count).Select(i => i % 10).ToArray();

    public int Count => count;

    public ImageShape Shape => new(1, 28, 28);

    public string Description => "stripes";

    public void CopyImage(int index, Span<float> destination)
    {
        destination.Fill(-1f);
        int row = 2 + Labels[index] * 2 + (index / 10 % 2);
        destination.Slice(row * 28, 28).Fill(1f);
    }
}

// A data source whose chosen image has NaN pixels (a corrupt file decoded badly), once Poisoned is set.
using Dcgan.Data;

namespace Dcgan.Core.Tests.Training;

internal sealed class PoisonedImageSource(IImageDataSource inner, int poisonedIndex) : IImageDataSource
{
    private volatile bool _poisoned = true;

    /// <summary>Whether the image at the poisoned index reads as NaN (true from the start unless cleared).</summary>
    public bool Poisoned
    {
        get => _poisoned;
        set => _poisoned = value;
    }

    public int Count => inner.Count;

    public ImageShape Shape => inner.Shape;

    public string Description => $"{inner.Description} with image {poisonedIndex} poisoned";

    public void CopyImage(int index, Span<float> destination)
    {
        inner.CopyImage(index, destination);
        if (index == poisonedIndex && _poisoned)
        {
            destination.Fill(float.NaN);
        }
    }
}

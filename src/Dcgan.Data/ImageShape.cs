// ImageShape: channels, height and width of one image.
namespace Dcgan.Data;

/// <summary>The shape of one image: channels first, as TorchSharp tensors are laid out ([C, H, W]).</summary>
/// <param name="Channels">Colour channels: 1 for grayscale, 3 for RGB.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Width">Width in pixels.</param>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Values per image: <c>Channels * Height * Width</c>.</summary>
    public int ElementCount => Channels * Height * Width;

    /// <inheritdoc />
    public override string ToString() => $"{Channels}x{Height}x{Width}";
}

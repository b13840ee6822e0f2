// ConceptBox: a hand-drawn bounding box around an instance of a concept (the paper's window boxes) in one sample,
// in image pixel coordinates: x to the right, y downwards, (0, 0) the top-left pixel.
using System.Text.Json.Serialization;

namespace Dcgan.Forgetting;

/// <summary>
/// A box around a concept in generated sample <see cref="Sample"/>, covering pixels
/// <c>X .. X + Width - 1</c> (columns) and <c>Y .. Y + Height - 1</c> (rows).
/// </summary>
/// <param name="Sample">Index of the sample (row of the latent batch) the box was drawn on.</param>
/// <param name="X">Left column, 0-based.</param>
/// <param name="Y">Top row, 0-based.</param>
/// <param name="Width">Width in pixels, at least 1.</param>
/// <param name="Height">Height in pixels, at least 1.</param>
public sealed record ConceptBox(
    [property: JsonPropertyName("sample")] int Sample,
    [property: JsonPropertyName("x")] int X,
    [property: JsonPropertyName("y")] int Y,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height)
{
    /// <summary>Whether pixel (<paramref name="x"/>, <paramref name="y"/>) lies inside the box.</summary>
    /// <param name="x">Column.</param>
    /// <param name="y">Row.</param>
    public bool Contains(int x, int y) => x >= X && x < X + Width && y >= Y && y < Y + Height;

    /// <summary>
    /// Checks that the box lies inside a <paramref name="imageSize"/> x <paramref name="imageSize"/> image and
    /// refers to one of <paramref name="sampleCount"/> samples.
    /// </summary>
    /// <param name="imageSize">Side of the images.</param>
    /// <param name="sampleCount">Number of samples the boxes refer to.</param>
    /// <exception cref="ArgumentException">The box is empty, outside the image or names a missing sample; the message names the box and the image size.</exception>
    public void Validate(int imageSize, int sampleCount)
    {
        if (Sample < 0 || Sample >= sampleCount)
        {
            throw new ArgumentException($"Box {this} refers to sample {Sample}; valid samples are 0..{sampleCount - 1}.");
        }

        if (Width < 1 || Height < 1)
        {
            throw new ArgumentException($"Box {this} is empty; width and height must be at least 1.");
        }

        if (X < 0 || Y < 0 || (long)X + Width > imageSize || (long)Y + Height > imageSize)
        {
            throw new ArgumentException(
                $"Box {this} is not inside the {imageSize}x{imageSize} image (pixels 0..{imageSize - 1} on each axis).");
        }
    }

    /// <summary>For example <c>sample 3: x 4, y 10, 8x6</c>.</summary>
    public override string ToString() => $"(sample {Sample}: x {X}, y {Y}, {Width}x{Height})";
}

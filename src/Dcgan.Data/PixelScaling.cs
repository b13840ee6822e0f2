// PixelScaling: the one place that maps 8-bit pixels to the generator's [-1, 1] range and back.
namespace Dcgan.Data;

/// <summary>
/// Converts between 8-bit pixel values ([0, 255]) and the signed range [-1, 1] that a DCGAN generator
/// produces with its final <c>tanh</c>.
/// </summary>
/// <remarks>
/// The forward map is <c>v / 127.5 - 1</c>, so 0 maps to -1, 255 maps to 1 and 127.5 would map to 0.
/// <see cref="ToByte"/> is its inverse with rounding to the nearest integer and clamping, so
/// <c>ToByte(ToSigned(b)) == b</c> for every byte <c>b</c>.
/// </remarks>
public static class PixelScaling
{
    /// <summary>Maps a byte in [0, 255] to a float in [-1, 1]: <c>value / 127.5f - 1</c>.</summary>
    /// <param name="value">The 8-bit pixel value.</param>
    /// <returns>The value in [-1, 1].</returns>
    public static float ToSigned(byte value) => value / 127.5f - 1f;

    /// <summary>
    /// Maps a float in [-1, 1] back to a byte: <c>round((value + 1) * 127.5)</c>, clamped to [0, 255].
    /// Values outside [-1, 1] are clamped; NaN maps to 0.
    /// </summary>
    /// <param name="value">A generator output or a value produced by <see cref="ToSigned(byte)"/>.</param>
    /// <returns>The nearest 8-bit pixel value.</returns>
    public static byte ToByte(float value)
    {
        if (float.IsNaN(value))
        {
            return 0;
        }

        float scaled = MathF.Round((value + 1f) * 127.5f, MidpointRounding.AwayFromZero);
        return (byte)Math.Clamp(scaled, 0f, 255f);
    }

    /// <summary>Scales every byte of <paramref name="source"/> into <paramref name="destination"/> with <see cref="ToSigned(byte)"/>.</summary>
    /// <param name="source">Pixel values in [0, 255].</param>
    /// <param name="destination">Receives the values in [-1, 1]; must have the same length as <paramref name="source"/>.</param>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    public static void ToSigned(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (source.Length != destination.Length)
        {
            throw new ArgumentException(
                $"Destination has {destination.Length} elements; expected {source.Length} to match the source.",
                nameof(destination));
        }

        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i] / 127.5f - 1f;
        }
    }
}

// MassCentring: registers an image by moving its centre of mass to the image's centre (bilinear), which undoes small
// shifts; shared by the perceptual hash and the semantic hash's input.
namespace Dcgan.Data;

/// <summary>
/// Centre-of-mass registration. The mass of a pixel is its value minus the image's darkest value, so a uniform dark
/// background weighs nothing and a brightness offset changes nothing; a copy moved by whole or fractional pixels (with
/// background coming in at the border) has the same mass moved by the same amount, so after registration both are
/// sampled at the same content positions.
/// </summary>
public static class MassCentring
{
    /// <summary>
    /// Where to sample so that the centre of mass of <paramref name="grey"/> lands at the centre: the returned offsets are
    /// added to every target position (y + Dy, x + Dx); 0 when the image is uniform.
    /// </summary>
    /// <param name="grey">[H, W] pixels.</param>
    /// <param name="height">H.</param>
    /// <param name="width">W.</param>
    /// <returns>The offsets and the darkest value (what the uncovered border should show).</returns>
    public static (double Dy, double Dx, float Darkest) Offset(ReadOnlySpan<float> grey, int height, int width)
    {
        float darkest = float.PositiveInfinity;
        foreach (float v in grey)
        {
            darkest = Math.Min(darkest, v);
        }

        double mass = 0, sumY = 0, sumX = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double w = grey[y * width + x] - darkest;
                mass += w;
                sumY += w * y;
                sumX += w * x;
            }
        }

        double dy = mass > 0 ? sumY / mass - (height - 1) / 2.0 : 0;
        double dx = mass > 0 ? sumX / mass - (width - 1) / 2.0 : 0;
        return (dy, dx, darkest);
    }

    /// <summary>Writes <paramref name="plane"/> sampled (bilinear) at (y + <paramref name="dy"/>, x + <paramref name="dx"/>) into <paramref name="moved"/>.</summary>
    /// <param name="plane">[H, W] pixels.</param>
    /// <param name="moved">[H, W] destination (not <paramref name="plane"/>).</param>
    /// <param name="height">H.</param>
    /// <param name="width">W.</param>
    /// <param name="dy">Vertical sampling offset.</param>
    /// <param name="dx">Horizontal sampling offset.</param>
    /// <param name="outside">The value read outside the image.</param>
    public static void Move(ReadOnlySpan<float> plane, Span<float> moved, int height, int width, double dy, double dx, float outside)
    {
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                moved[y * width + x] = Sample(plane, height, width, y + dy, x + dx, outside);
            }
        }
    }

    /// <summary>Bilinear sample at (y, x); positions outside the image read <paramref name="outside"/>.</summary>
    private static float Sample(ReadOnlySpan<float> plane, int height, int width, double y, double x, float outside)
    {
        int y0 = (int)Math.Floor(y);
        int x0 = (int)Math.Floor(x);
        float fy = (float)(y - y0);
        float fx = (float)(x - x0);
        float At(ReadOnlySpan<float> p, int yy, int xx) => yy < 0 || yy >= height || xx < 0 || xx >= width ? outside : p[yy * width + xx];
        float top = At(plane, y0, x0) + fx * (At(plane, y0, x0 + 1) - At(plane, y0, x0));
        float bottom = At(plane, y0 + 1, x0) + fx * (At(plane, y0 + 1, x0 + 1) - At(plane, y0 + 1, x0));
        return top + fy * (bottom - top);
    }
}

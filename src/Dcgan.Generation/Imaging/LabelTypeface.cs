// LabelTypeface: the typeface for text drawn on images (tile indices). Text must never silently vanish:
// with no usable font (e.g. SkiaSharp's NoDependencies natives, or no fonts installed) this throws instead
// of returning Skia's empty default typeface.
using SkiaSharp;

namespace Dcgan.Imaging;

/// <summary>Resolves the typeface used for labels, failing loudly when the family is not installed.</summary>
internal static class LabelTypeface
{
    /// <summary>The family used for labels (present on Debian via fonts-dejavu-core).</summary>
    /// <value>The default value is "DejaVu Sans".</value>
    public const string DefaultFamily = "DejaVu Sans";

    /// <summary>
    /// Loads <paramref name="family"/> through the platform's font manager (fontconfig on Linux) and checks that
    /// it is really that family and has glyphs for <paramref name="requiredText"/>. The caller disposes the result.
    /// </summary>
    /// <param name="family">Font family name; the default is "DejaVu Sans".</param>
    /// <param name="requiredText">Characters that must have glyphs; the default is the ten digits.</param>
    /// <exception cref="FontUnavailableException">The family is not installed, Skia fell back to another or an empty typeface, or glyphs are missing.</exception>
    public static SKTypeface Resolve(string family = DefaultFamily, string requiredText = "0123456789")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        SKTypeface? typeface = SKTypeface.FromFamilyName(family);
        string found = typeface?.FamilyName ?? "";
        if (typeface is null || typeface.GlyphCount == 0 || !string.Equals(found, family, StringComparison.OrdinalIgnoreCase))
        {
            typeface?.Dispose();
            throw new FontUnavailableException(
                $"Font family '{family}' is not available (the font manager returned {(found.Length == 0 ? "an empty typeface" : $"'{found}'")}), so labels cannot be drawn. " +
                "Install it (Debian: apt-get install fonts-dejavu-core) and use SkiaSharp.NativeAssets.Linux (with fontconfig), not the NoDependencies assets.");
        }

        using var font = new SKFont(typeface);
        if (!font.ContainsGlyphs(requiredText))
        {
            typeface.Dispose();
            throw new FontUnavailableException($"Font family '{family}' has no glyphs for some of \"{requiredText}\"; labels cannot be drawn.");
        }

        return typeface;
    }
}

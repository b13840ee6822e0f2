// FontUnavailableException: thrown instead of drawing an image whose labels would silently vanish for lack of a font.
namespace Dcgan.Imaging;

/// <summary>No usable font was found for drawing text on an image.</summary>
public sealed class FontUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was looked for and what was found.</param>
    public FontUnavailableException(string message)
        : base(message)
    {
    }
}

// `--image-size 64` (square) or `--image-size 64x96` (64 high, 96 wide): parsed in the user's words.
using System.CommandLine.Parsing;
using System.Globalization;

namespace Dcgan.Cli;

/// <summary>An image size from the command line: a height and a width (equal for a square size).</summary>
/// <param name="Height">Pixels high.</param>
/// <param name="Width">Pixels wide.</param>
internal readonly record struct ImageSizeArgument(int Height, int Width)
{
    /// <summary>The width when it differs from the height, else null (square).</summary>
    public int? NonSquareWidth => Width == Height ? null : Width;

    /// <summary>Parses "N" or "HxW" (height first, as in 64x96); a bad value is a parse error naming it.</summary>
    public static ImageSizeArgument? Parse(ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
        string[] parts = text.Trim().ToLowerInvariant().Split('x');
        if (parts.Length is 1 or 2 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0))
        {
            int height = int.Parse(parts[0], CultureInfo.InvariantCulture);
            return new ImageSizeArgument(height, parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : height);
        }

        result.AddError($"--image-size '{text}' is not a size; expected a side such as 64, or height x width such as 64x96.");
        return null;
    }
}

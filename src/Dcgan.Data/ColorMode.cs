// ColorMode: how many channels an image-folder source produces.
namespace Dcgan.Data;

/// <summary>The channels an image source produces.</summary>
public enum ColorMode
{
    /// <summary>One channel: luma <c>0.299 R + 0.587 G + 0.114 B</c> (ITU-R BT.601, as Pillow's "L" mode), rounded to 8 bits.</summary>
    Grayscale = 1,

    /// <summary>Three channels in R, G, B order; grayscale files are replicated to all three.</summary>
    Rgb = 3,
}

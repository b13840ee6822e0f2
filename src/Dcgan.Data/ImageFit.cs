// ImageFit: how an image of another aspect ratio becomes the rectangle (usually a square) the generator needs.
namespace Dcgan.Data;

/// <summary>
/// How a decoded image of any aspect ratio becomes the <see cref="ImageDataSourceOptions.ImageSize"/> high (by
/// <see cref="ImageDataSourceOptions.ImageWidth"/> wide, when set) image.
/// </summary>
public enum ImageFit
{
    /// <summary>
    /// Crop the largest centred rectangle of the target's aspect ratio (a square for square targets), then resize it to the target: the transform of pytorch/examples' DCGAN
    /// (<c>Resize(size)</c> then <c>CenterCrop(size)</c>) and of dcgan.torch for faces and LSUN. Nothing is distorted;
    /// the ends of the longer side are cut off.
    /// </summary>
    CenterCrop,

    /// <summary>Resize the whole image to the target, changing its aspect ratio: nothing is cut off, shapes are squashed.</summary>
    Stretch,

    /// <summary>
    /// Resize the whole image to fit inside the target, keeping its aspect ratio, centred on
    /// <see cref="ImageDataSourceOptions.Background"/> (letterboxing): nothing is cut off or distorted.
    /// </summary>
    Pad,
}

// ImageFit: how an image whose sides differ becomes the square the generator needs.
namespace Dcgan.Data;

/// <summary>How a decoded image of any aspect ratio becomes the square <see cref="ImageDataSourceOptions.ImageSize"/> image.</summary>
public enum ImageFit
{
    /// <summary>
    /// Crop the largest centred square, then resize it to the target: the transform of pytorch/examples' DCGAN
    /// (<c>Resize(size)</c> then <c>CenterCrop(size)</c>) and of dcgan.torch for faces and LSUN. Nothing is distorted;
    /// the ends of the longer side are cut off.
    /// </summary>
    CenterCrop,

    /// <summary>Resize the whole image to the square, changing its aspect ratio: nothing is cut off, shapes are squashed.</summary>
    Stretch,

    /// <summary>
    /// Resize the whole image to fit inside the square, keeping its aspect ratio, centred on
    /// <see cref="ImageDataSourceOptions.Background"/> (letterboxing): nothing is cut off or distorted.
    /// </summary>
    Pad,
}

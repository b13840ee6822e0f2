// ImageDataSourceOptionsValidator: validates ImageDataSourceOptions (its DataAnnotations are the limits).
using Dcgan.Configuration;

namespace Dcgan.Data;

/// <summary>
/// Validates <see cref="ImageDataSourceOptions"/>: the ranges and enum values declared on the options, every failure
/// at once with the option's name and value. Whether a colour mode suits the data (IDX data is grayscale) depends on
/// the path and is checked when it is opened.
/// </summary>
public sealed class ImageDataSourceOptionsValidator : DcganOptionsValidator<ImageDataSourceOptions>
{
}

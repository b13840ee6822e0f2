// DcganModelOptionsValidator: validates DcganModelOptions. The [Range]/[EnumDataType] attributes on the options are
// the limits; this adds the one rule they cannot express: the image side must be b * 2^k with b in 4..7.
using System.Globalization;
using Dcgan.Configuration;

namespace Dcgan.Models;

/// <summary>
/// Validates <see cref="DcganModelOptions"/>: the DataAnnotations on its properties plus the rule that
/// <see cref="DcganModelOptions.ImageSize"/> is <c>b * 2^k</c> (b in 4..7, k &gt;= 1), with the nearby valid sizes in
/// the message. Every failure is listed at once, each naming the option and its value.
/// </summary>
public sealed class DcganModelOptionsValidator : DcganOptionsValidator<DcganModelOptions>
{
    /// <inheritdoc />
    protected override IEnumerable<string> CrossFieldFailures(DcganModelOptions options)
    {
        // Sizes outside [8, 4096] are reported by the [Range] on ImageSize.
        int size = options.ImageSize;
        if (size >= 2 * DcganArchitecture.MinBase && size <= DcganArchitecture.MaxImageSize && !DcganArchitecture.IsValidImageSize(size))
        {
            string nearby = string.Join(", ", DcganArchitecture.NearbyValidSizes(size).Select(v => v.ToString(CultureInfo.InvariantCulture)));
            yield return string.Create(CultureInfo.InvariantCulture,
                $"ImageSize = {size}: not of the form b * 2^k with b in {DcganArchitecture.MinBase}..{DcganArchitecture.MaxBase} and k >= 1; nearby valid sizes: {nearby}.");
        }
    }
}

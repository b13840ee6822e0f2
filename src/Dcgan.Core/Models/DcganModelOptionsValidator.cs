// DcganModelOptionsValidator: validates DcganModelOptions. The [Range]/[EnumDataType] attributes on the options are
// the limits; this adds the one rule they cannot express: the image side must be b * 2^k with b in 4..7.
using System.Globalization;
using Dcgan.Configuration;

namespace Dcgan.Models;

/// <summary>
/// Validates <see cref="DcganModelOptions"/>: the DataAnnotations on its properties plus the rule that
/// <see cref="DcganModelOptions.ImageSize"/> (and <see cref="DcganModelOptions.ImageWidth"/>, when set) is <c>b * 2^k</c>
/// (b in 4..7, k &gt;= 1, one k for both), with the nearby valid sizes in the message. Every failure is listed at once, each naming the option and its value.
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

        if (options.ImageWidth is int width && width >= 2 * DcganArchitecture.MinBase && width <= DcganArchitecture.MaxImageSize)
        {
            if (!DcganArchitecture.IsValidImageSize(width))
            {
                string nearby = string.Join(", ", DcganArchitecture.NearbyValidSizes(width).Select(v => v.ToString(CultureInfo.InvariantCulture)));
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"ImageWidth = {width}: not of the form b * 2^k with b in {DcganArchitecture.MinBase}..{DcganArchitecture.MaxBase} and k >= 1; nearby valid sizes: {nearby}.");
            }
            else if (DcganArchitecture.IsValidImageSize(size) && DcganArchitecture.Decompose(width).Doublings != DcganArchitecture.Decompose(size).Doublings)
            {
                (int bh, int kh) = DcganArchitecture.Decompose(size);
                (int bw, int kw) = DcganArchitecture.Decompose(width);
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"ImageSize = {size} ({bh} * 2^{kh}) and ImageWidth = {width} ({bw} * 2^{kw}) need the same number of doublings: the width must be between 4/7 and 7/4 of the height, both b * 2^k with b in {DcganArchitecture.MinBase}..{DcganArchitecture.MaxBase} and one k.");
            }
        }
    }
}

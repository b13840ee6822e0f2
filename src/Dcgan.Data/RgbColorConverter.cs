// RgbColorConverter: lets Microsoft.Extensions.Configuration bind an RgbColor from a string ("black", "#102030").
using System.ComponentModel;
using System.Globalization;

namespace Dcgan.Data;

/// <summary>Converts between <see cref="RgbColor"/> and its text (<see cref="RgbColor.Parse"/>, <see cref="RgbColor.ToString"/>).</summary>
internal sealed class RgbColorConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? RgbColor.Parse(text) : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is RgbColor color ? color.ToString() : base.ConvertTo(context, culture, value, destinationType);
}

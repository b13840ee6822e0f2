// DeviceNameAttribute: the DataAnnotations form of DeviceName's spelling check, for options read by packages without
// TorchSharp (the generator pool's options). Options of TorchSharp packages use Dcgan.Native.AvailableDeviceAttribute,
// which also checks that the device is present.
using System.ComponentModel.DataAnnotations;

namespace Dcgan.Configuration;

/// <summary>
/// Validates that a string option is a device name (<see cref="DeviceName"/>: <c>"auto"</c>, <c>"cpu"</c>,
/// <c>"cuda"</c> or <c>"cuda:N"</c>). Spelling only: presence is checked where the device is resolved. Null and
/// empty values pass, as with every DataAnnotation: <c>[Required]</c> says whether a value must be there.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public class DeviceNameAttribute : ValidationAttribute
{
    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is null || (value is string { Length: 0 }))
        {
            return ValidationResult.Success; // as every DataAnnotation: [Required] decides whether a value must be there
        }

        string? problem = Check(value as string);
        return problem is null ? ValidationResult.Success : new ValidationResult(problem, MemberNames(validationContext));
    }

    /// <summary>What is wrong with <paramref name="name"/>, or null when it is acceptable. The default checks the spelling (<see cref="DeviceName.CheckSpelling"/>).</summary>
    /// <param name="name">The option's value.</param>
    /// <returns>A message that quotes the value, or null.</returns>
    protected virtual string? Check(string? name) => DeviceName.CheckSpelling(name);

    private static string[]? MemberNames(ValidationContext context) => context.MemberName is null ? null : [context.MemberName];
}

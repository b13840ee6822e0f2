// DcganOptionsValidator: the one options-validation pattern of every Dcgan package. DataAnnotations on the options
// class are the single source of limits; a subclass adds only the rules that involve several fields. Every failure
// is reported at once, each naming the option and its value.
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Dcgan.Configuration;

/// <summary>
/// Validates an options class: its DataAnnotations (<c>[Range]</c>, <c>[Required]</c>, ...) plus the cross-field rules
/// of <see cref="CrossFieldFailures"/>. Register a subclass as <see cref="IValidateOptions{TOptions}"/> (with
/// <c>ValidateOnStart</c>) in a host, or call <see cref="ThrowIfInvalid"/> where an options object is passed in code.
/// </summary>
/// <typeparam name="TOptions">The options class.</typeparam>
public abstract class DcganOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        IReadOnlyList<string> failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every failure of <paramref name="options"/>, each as "Option = value: what was expected".</summary>
    /// <param name="options">The options to check.</param>
    /// <returns>An empty list when the options are valid.</returns>
    public IReadOnlyList<string> Failures(TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            foreach (ValidationResult result in results)
            {
                string member = result.MemberNames.FirstOrDefault() ?? "?";
                object? value = typeof(TOptions).GetProperty(member)?.GetValue(options);
                failures.Add($"{member} = {Format(value)}: {result.ErrorMessage}");
            }
        }

        failures.AddRange(CrossFieldFailures(options));
        return failures;
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every failure, when there is any.</summary>
    /// <param name="options">The options to check.</param>
    /// <exception cref="OptionsValidationException">At least one option is invalid; the message lists them all.</exception>
    public void ThrowIfInvalid(TOptions options)
    {
        IReadOnlyList<string> failures = Failures(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(TOptions), failures);
        }
    }

    /// <summary>The rules that involve more than one field (DataAnnotations cover single fields).</summary>
    /// <param name="options">The options to check.</param>
    /// <returns>One message per broken rule, naming the options and their values. The default is none.</returns>
    protected virtual IEnumerable<string> CrossFieldFailures(TOptions options) => [];

    /// <summary>A value as an option message shows it: invariant culture, strings quoted, null as "null", sequences as "[a, b]".</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    protected static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? "null",
    };
}

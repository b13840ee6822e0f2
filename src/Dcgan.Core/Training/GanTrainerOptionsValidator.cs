using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Dcgan.Training;

/// <summary>
/// Validates <see cref="GanTrainerOptions"/>: the DataAnnotations ranges plus the cross-field rules, with
/// messages that print the offending values.
/// </summary>
public sealed class GanTrainerOptionsValidator : IValidateOptions<GanTrainerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GanTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            foreach (ValidationResult result in results)
            {
                string member = result.MemberNames.FirstOrDefault() ?? "?";
                object? value = typeof(GanTrainerOptions).GetProperty(member)?.GetValue(options);
                failures.Add($"{member} = {value ?? "null"}: {result.ErrorMessage}");
            }
        }

        if (options.Beta2 <= options.Beta1)
        {
            failures.Add($"Beta2 = {options.Beta2} must be greater than Beta1 = {options.Beta1} (Adam's second moment decays more slowly than its first).");
        }

        if (string.IsNullOrWhiteSpace(options.Device))
        {
            failures.Add("Device is empty: expected \"auto\", \"cpu\", \"cuda\" or \"cuda:N\".");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Validates and throws <see cref="OptionsValidationException"/> listing every failure.</summary>
    /// <param name="options">The options to check.</param>
    public static void ThrowIfInvalid(GanTrainerOptions options)
    {
        ValidateOptionsResult result = new GanTrainerOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(GanTrainerOptions), result.Failures);
        }
    }

    /// <summary>Checks the options against the data set: the batch must fit in it.</summary>
    /// <param name="options">The options.</param>
    /// <param name="dataSetSize">Number of images.</param>
    /// <param name="dataDescription">What the data is, for the message.</param>
    public static void ThrowIfBatchDoesNotFit(GanTrainerOptions options, int dataSetSize, string dataDescription)
    {
        if (dataSetSize < 1)
        {
            throw new ArgumentException($"The data set {dataDescription} is empty: at least one image is needed.");
        }

        if (options.DropLastBatch && options.BatchSize > dataSetSize)
        {
            throw new ArgumentException(
                $"BatchSize = {options.BatchSize} is larger than the data set {dataDescription} ({dataSetSize} images): with DropLastBatch no batch would ever be trained. Use a batch size of at most {dataSetSize}.");
        }
    }
}

using Dcgan.Configuration;
using Microsoft.Extensions.Options;

namespace Dcgan.Training;

/// <summary>
/// Validates <see cref="GanTrainerOptions"/>: the DataAnnotations ranges plus the cross-field rules, with
/// messages that print the offending values.
/// </summary>
public sealed class GanTrainerOptionsValidator : DcganOptionsValidator<GanTrainerOptions>
{
    /// <inheritdoc />
    protected override IEnumerable<string> CrossFieldFailures(GanTrainerOptions options)
    {
        if (options.Beta2 <= options.Beta1)
        {
            yield return $"Beta2 = {options.Beta2} must be greater than Beta1 = {options.Beta1} (Adam's second moment decays more slowly than its first).";
        }

        if (string.IsNullOrWhiteSpace(options.Device))
        {
            yield return "Device is empty: expected \"auto\", \"cpu\", \"cuda\" or \"cuda:N\".";
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

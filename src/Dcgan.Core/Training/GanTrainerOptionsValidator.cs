// GanTrainerOptionsValidator: the trainer options' cross-field rules (the ranges are DataAnnotations on the options).
using System.ComponentModel.DataAnnotations;
using System.Reflection;
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

        if ((options.Augmentation & ~DiffAugmentPolicy.All) != 0)
        {
            yield return $"Augmentation = {(int)options.Augmentation} has flags other than Color, Translation and Cutout.";
        }

        if (options.OnDivergence == DivergencePolicy.RollBack)
        {
            // The lowest rate the roll-backs can reach must still be a valid rate (checkpoints record it).
            double minimum = Convert.ToDouble(typeof(GanTrainerOptions).GetProperty(nameof(GanTrainerOptions.GeneratorLearningRate))!
                .GetCustomAttribute<RangeAttribute>()!.Minimum, System.Globalization.CultureInfo.InvariantCulture);
            double scale = Math.Pow(options.RollBackLearningRateFactor, options.MaxRollBacks);
            double lowest = Math.Min(options.GeneratorLearningRate, options.DiscriminatorLearningRate) * scale;
            if (lowest < minimum)
            {
                yield return $"RollBackLearningRateFactor = {Format(options.RollBackLearningRateFactor)} and MaxRollBacks = {options.MaxRollBacks} would lower the learning rate to {Format(lowest)}, below its minimum {Format(minimum)}: use a larger factor or fewer roll-backs.";
            }
        }
    }

    /// <summary>Checks the options against the data set: the batch must fit in it.</summary>
    /// <param name="options">The options.</param>
    /// <param name="dataSetSize">Number of images.</param>
    /// <param name="dataDescription">What the data is, for the message.</param>
    internal static void ThrowIfBatchDoesNotFit(GanTrainerOptions options, int dataSetSize, string dataDescription)
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

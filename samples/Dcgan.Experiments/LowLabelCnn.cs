// The low-label probe's supervised baseline (evaluation protocol A.5, the paper's "supervised CNN with the same
// architecture"): for each label draw, a DiscriminatorClassifier trained from scratch on exactly the labelled
// probe-train images the linear probes of that draw get, its epoch chosen on probe-val, scored on the 10k test set.
using Dcgan.Data;
using System.Diagnostics;
using Dcgan.Evaluation;
using Dcgan.Features;
using Dcgan.Models;
using Spectre.Console;

namespace Dcgan.Experiments;

/// <summary>Test errors of the supervised CNN over the low-label draws, with what chose them.</summary>
internal sealed record LowLabelCnnResult(double[] Errors, int[] BestEpochs, double[] Seconds, int ValidationImages, long ParameterCount, int ClassCount, SupervisedCnnOptions Options);

internal static class LowLabelCnn
{
    /// <summary>Seeded subset of probe-val used to choose the CNN's epoch (the whole 10k would cost as much as the training).</summary>
    public const int ValidationImages = 2000;

    /// <summary>The probe-train indices of draw <paramref name="draw"/>: the same for the linear probes and the CNN.</summary>
    public static int[] Draw(FashionMnistSplits splits, int perClass, long seed, int draw) =>
        LowLabelSampler.Sample(splits.TrainLabels[..FashionMnistSplits.ProbeTrainCount], perClass, splits.ClassCount, seed + draw);

    public static LowLabelCnnResult Run(FashionMnistSplits splits, DcganModelOptions architecture, int perClass, int draws, long seed, int epochs, CancellationToken cancellation)
    {
        int[] validationRows = ImageSets.RandomSubset(splits.ValidationCount, Math.Min(ValidationImages, splits.ValidationCount), seed)
            .Select(i => FashionMnistSplits.ProbeTrainCount + i).Order().ToArray();
        ImageBatch validation = splits.Train.ReadImages(validationRows);
        int[] validationLabels = validationRows.Select(i => splits.TrainLabels[i]).ToArray();
        ImageBatch test = splits.Test.ReadAll();
        var errors = new double[draws];
        var bestEpochs = new int[draws];
        var seconds = new double[draws];
        long parameters = 0;
        SupervisedCnnOptions options = new() { Epochs = epochs };
        for (int d = 0; d < draws; d++)
        {
            var clock = Stopwatch.StartNew();
            int[] chosen = Draw(splits, perClass, seed, d);
            options.Seed = seed + d;
            SupervisedCnnResult result = SupervisedCnn.Run(architecture, splits.ClassCount,
                splits.Train.ReadImages(chosen), chosen.Select(i => splits.TrainLabels[i]).ToArray(),
                validation, validationLabels, test, splits.TestLabels, options, cancellationToken: cancellation);
            errors[d] = 1 - result.TestAccuracy;
            bestEpochs[d] = result.Training.BestEpoch;
            seconds[d] = clock.Elapsed.TotalSeconds;
            parameters = result.ParameterCount;
            AnsiConsole.MarkupLine($"  supervised CNN, draw {d + 1}/{draws}: test error {errors[d]:P2} (epoch {bestEpochs[d]} of {epochs}, validation accuracy {result.Training.BestValidationAccuracy:F4}, {seconds[d]:F0} s)");
        }

        return new LowLabelCnnResult(errors, bestEpochs, seconds, validation.Count, parameters, splits.ClassCount, options);
    }
}

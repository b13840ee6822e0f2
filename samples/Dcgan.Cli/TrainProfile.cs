// `dcgan train --profile`: which of the library's training profiles (Dcgan.Training.TrainingProfile: quick-start,
// the default, or paper) a new run starts from. Each flag given on the command line (--generator-width,
// --batch-size, --learning-rate, --epochs, ...) overrides its profile value.
using System.CommandLine;
using Dcgan.Training;

namespace Dcgan.Cli;

internal static class TrainProfile
{
    /// <summary>--profile quick-start|paper.</summary>
    public static readonly Option<TrainingProfile> Option = new("--profile")
    {
        Description = $"Defaults of a new run: quick-start (widths {TrainingProfile.QuickStart.Width}, batch {TrainingProfile.QuickStart.BatchSize}, learning rate 5e-4, about {TrainingProfile.QuickStart.ImageBudget:N0} images: good samples in about 1.5 minutes on 2 cores; see docs/time-to-quality.md) or paper (the paper's batch {TrainingProfile.Paper.BatchSize} and learning rate 2e-4, the preset's widths, about {TrainingProfile.Paper.ImageBudget:N0} images). Flags given explicitly override the profile. New runs only.",
        HelpName = "quick-start|paper",
        DefaultValueFactory = _ => TrainingProfile.QuickStart,
        CustomParser = result => One(result),
    };

    private static TrainingProfile One(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(",", result.Tokens.Select(t => t.Value));
        TrainingProfile? profile = TrainingProfile.All.FirstOrDefault(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase));
        if (profile is null)
        {
            result.AddError($"--profile '{text}': expected one of {string.Join(", ", TrainingProfile.All.Select(p => p.Name))}.");
            return TrainingProfile.QuickStart;
        }

        return profile;
    }
}

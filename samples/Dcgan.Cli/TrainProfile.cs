// `dcgan train --profile`: the defaults a new run starts from. `quick-start` (the default) is what the
// time-to-quality benchmark (docs/time-to-quality.md) found reaches good Fashion-MNIST samples soonest in the wall
// time the paper's settings needed for one epoch; `paper` is the paper's training settings. Each flag given on the
// command line (--generator-width, --batch-size, --learning-rate, --epochs, ...) overrides its profile value. The
// library's own defaults (GanTrainerOptions, DcganModelOptions.Paper) stay the paper's whatever the profile.
using System.CommandLine;
using Dcgan.Training;

namespace Dcgan.Cli;

/// <summary>A set of defaults for a new `dcgan train` run.</summary>
/// <param name="Name">The name --profile takes.</param>
/// <param name="Width">Generator and discriminator width (ngf = ndf); null: the preset's own.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">Adam's learning rate for both networks.</param>
/// <param name="ImageBudget">Images the default run trains on (the default --epochs covers at least this many).</param>
internal sealed record TrainProfile(string Name, int? Width, int BatchSize, double LearningRate, int ImageBudget)
{
    private static readonly GanTrainerOptions Paper = new();

    /// <summary>The default: measured fastest to FD &lt;= 200 with all 10 classes (docs/time-to-quality.md).</summary>
    public static readonly TrainProfile QuickStart = new("quick-start", 32, 64, 5e-4, 120_000);

    /// <summary>The paper's training settings: batch 128, Adam 2e-4, the preset's widths, about one epoch of the 60k set.</summary>
    public static readonly TrainProfile PaperSettings = new("paper", null, Paper.BatchSize, Paper.GeneratorLearningRate, 60_000);

    private static readonly TrainProfile[] All = [QuickStart, PaperSettings];

    /// <summary>--profile quick-start|paper.</summary>
    public static readonly Option<TrainProfile> Option = new("--profile")
    {
        Description = "Defaults of a new run: quick-start (widths 32, batch 64, learning rate 5e-4, about 120,000 images: good samples in about 1.5 minutes on 2 cores; see docs/time-to-quality.md) or paper (the paper's batch 128 and learning rate 2e-4, the preset's widths, about 60,000 images). Flags given explicitly override the profile. New runs only.",
        HelpName = "quick-start|paper",
        DefaultValueFactory = _ => QuickStart,
        CustomParser = result => One(result),
    };

    /// <summary>The default --epochs: enough passes over <paramref name="imageCount"/> images for <see cref="ImageBudget"/> images.</summary>
    public int Epochs(int imageCount) => Math.Max(1, (int)Math.Ceiling(ImageBudget / (double)imageCount));

    private static TrainProfile One(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(",", result.Tokens.Select(t => t.Value));
        TrainProfile? profile = All.FirstOrDefault(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase));
        if (profile is null)
        {
            result.AddError($"--profile '{text}': expected one of {string.Join(", ", All.Select(p => p.Name))}.");
            return QuickStart;
        }

        return profile;
    }
}

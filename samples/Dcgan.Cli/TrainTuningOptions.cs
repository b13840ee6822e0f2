// `dcgan train --learning-rate --beta1 --on-divergence`: Adam's settings (pytorch/examples' --lr and --beta1) and the
// divergence policy, validated in the user's words (the limits are GanTrainerOptions' own DataAnnotations).
using System.CommandLine;
using System.CommandLine.Parsing;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Cli;

internal static class TrainTuningOptions
{
    private static readonly GanTrainerOptions Defaults = new();

    public static readonly Option<double?> LearningRate = Checked(new("--learning-rate")
    {
        Description = $"Adam's learning rate for both networks (the paper's {Format(Defaults.GeneratorLearningRate)}). New runs only.",
    }, nameof(GanTrainerOptions.GeneratorLearningRate), upper: null);

    public static readonly Option<double?> Beta1 = Checked(new("--beta1")
    {
        Description = $"Adam's beta1, below beta2 = {Format(Defaults.Beta2)} (the paper's {Format(Defaults.Beta1)}). New runs only.",
    }, nameof(GanTrainerOptions.Beta1), upper: Defaults.Beta2);

    public static readonly Option<DivergencePolicy> OnDivergence = new("--on-divergence")
    {
        Description = "When a loss or weight becomes NaN or infinite: stop with an error, skip the batch (undo its update), or rollback to the last checkpoint with half the learning rate.",
        HelpName = "stop|skip|rollback",
        DefaultValueFactory = _ => DivergencePolicy.Stop,
        CustomParser = Policy,
    };

    public static readonly Option<DiffAugmentPolicy?> Augment = new("--augment")
    {
        Description = "DiffAugment before the discriminator, for small data sets: a comma-separated list of color, translation and cutout, or all, or none (the paper's training). New runs only.",
        HelpName = "color,translation,cutout|all|none",
        CustomParser = AugmentPolicy,
    };

    public static readonly Option<double?> Ema = Checked(new("--ema")
    {
        Description = "Keep an exponential moving average of the generator's weights with this decay (e.g. 0.995); grids, checkpoints, sample and export then use the average. New runs only.",
    }, nameof(GanTrainerOptions.GeneratorEmaDecay), upper: null);

    public static readonly Option<long?> EmaStart = new("--ema-start")
    {
        Description = "Steps before the average starts to lag the weights (default 0). New runs only; needs --ema.",
    };

    /// <summary>Puts the flags into <paramref name="options"/>; a resumed run keeps its checkpoint's learning rate and beta1.</summary>
    public static void Apply(ParseResult parse, GanTrainerOptions options, bool resuming)
    {
        double? rate = parse.GetValue(LearningRate);
        double? beta1 = parse.GetValue(Beta1);
        DiffAugmentPolicy? augment = parse.GetValue(Augment);
        if (resuming && (rate is not null || beta1 is not null))
        {
            throw new ArgumentException(
                $"--learning-rate and --beta1 set up a new run; a resumed run keeps its checkpoint's (learning rate {Format(options.GeneratorLearningRate)}, beta1 {Format(options.Beta1)}). Start a new run in another --output, or resume with --on-divergence rollback.");
        }

        if (resuming && augment is not null && augment != options.Augmentation)
        {
            throw new ArgumentException(
                $"--augment sets up a new run; a resumed run keeps its checkpoint's augmentation ({Describe(options.Augmentation)}). Start a new run in another --output.");
        }

        options.Augmentation = augment ?? options.Augmentation;
        ApplyEma(parse.GetValue(Ema), parse.GetValue(EmaStart), options, resuming);

        if (rate is { } r)
        {
            options.GeneratorLearningRate = r;
            options.DiscriminatorLearningRate = r;
        }

        options.Beta1 = beta1 ?? options.Beta1;
        options.OnDivergence = parse.GetValue(OnDivergence);
    }

    /// <summary>
    /// Runs the training. Under rollback, a new run first saves its starting point, so that even an early divergence
    /// has a checkpoint to return to. A divergence error gets, after the library's message, what to change here.
    /// </summary>
    public static TrainingResult Run(GanTrainer trainer, string output, Func<TrainingResult> train)
    {
        DivergencePolicy policy = trainer.Options.OnDivergence;
        if (policy == DivergencePolicy.RollBack && trainer.LastGoodCheckpoint is null)
        {
            trainer.SaveCheckpoint(Path.Combine(output, CheckpointLocator.FileName(trainer.Position.Epoch, trainer.Position.GlobalStep)));
        }

        try
        {
            return train();
        }
        catch (DivergenceException e)
        {
            string hint = policy == DivergencePolicy.Stop ? "lower --learning-rate, or pass --on-divergence skip or rollback" : "lower --learning-rate";
            throw new DivergenceException($"{e.Message} (dcgan train: {hint}.)");
        }
    }

    // The option's range is the one GanTrainerOptions declares; `upper` is an exclusive bound from another option.
    private static Option<double?> Checked(Option<double?> option, string property, double? upper)
    {
        RangeAttribute range = typeof(GanTrainerOptions).GetProperty(property)!.GetCustomAttribute<RangeAttribute>()!;
        double min = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
        double max = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
        option.Validators.Add(result =>
        {
            double? value = result.GetValueOrDefault<double?>();
            if (value is { } v && (!(v >= min && v <= max) || v >= upper))
            {
                string expected = upper is { } u && u <= max ? $"from {Format(min)} to below {Format(u)}" : $"from {Format(min)} to {Format(max)}";
                result.AddError($"{option.Name} {Format(v)} is out of range: expected a number {expected}.");
            }
        });
        return option;
    }

    private static DivergencePolicy Policy(ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
        switch (text.Trim().ToLowerInvariant())
        {
            case "stop":
                return DivergencePolicy.Stop;
            case "skip":
                return DivergencePolicy.SkipBatch;
            case "rollback":
                return DivergencePolicy.RollBack;
            default:
                result.AddError($"--on-divergence '{text}' is not a policy; expected stop, skip or rollback.");
                return DivergencePolicy.Stop;
        }
    }

    private static void ApplyEma(double? decay, long? start, GanTrainerOptions options, bool resuming)
    {
        if (resuming && (decay is not null || start is not null))
        {
            throw new ArgumentException(
                $"--ema and --ema-start set up a new run; a resumed run keeps its checkpoint's (decay {Format(options.GeneratorEmaDecay)}, start {options.GeneratorEmaStart}). Start a new run in another --output.");
        }

        if (start is { } s && (s < 0 || decay is null))
        {
            throw new ArgumentException(s < 0 ? $"--ema-start {s} is out of range: expected 0 or more steps." : "--ema-start needs --ema (the decay of the average).");
        }

        options.GeneratorEmaDecay = decay ?? options.GeneratorEmaDecay;
        options.GeneratorEmaStart = start ?? options.GeneratorEmaStart;
    }

    private static DiffAugmentPolicy? AugmentPolicy(ArgumentResult result)
    {
        string text = string.Join(",", result.Tokens.Select(t => t.Value));
        var policy = DiffAugmentPolicy.None;
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "color" or "colour":
                    policy |= DiffAugmentPolicy.Color;
                    break;
                case "translation":
                    policy |= DiffAugmentPolicy.Translation;
                    break;
                case "cutout":
                    policy |= DiffAugmentPolicy.Cutout;
                    break;
                case "all":
                    policy |= DiffAugmentPolicy.All;
                    break;
                case "none":
                    break;
                default:
                    result.AddError($"--augment '{part}' is not an augmentation; expected color, translation, cutout, all or none (comma-separated).");
                    return null;
            }
        }

        return policy;
    }

    private static string Describe(DiffAugmentPolicy policy) =>
        policy == DiffAugmentPolicy.None ? "none" : policy == DiffAugmentPolicy.All ? "all" : policy.ToString().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}

// TrainingProfile: the named sets of defaults a new run starts from, defined once for every front end. `quick-start`
// is what the time-to-quality benchmark (docs/time-to-quality.md) found reaches good Fashion-MNIST samples soonest
// in the wall time the paper's settings needed for one epoch; `paper` is the paper's settings (widths 128 with the
// paper's architecture, batch 128, Adam 2e-4). The bare option classes (GanTrainerOptions, DcganModelOptions.Paper)
// keep the paper's values whatever the profile; `dcgan train` and hosted training start from quick-start.
using System.Globalization;
using Dcgan.Models;

namespace Dcgan.Training;

/// <summary>
/// A named set of defaults for a new training run: network widths, batch size, learning rate and how many images a
/// default run trains on. <see cref="QuickStart"/> is the default of <c>dcgan train</c> and of hosted training;
/// <see cref="Paper"/> is the paper's settings. Explicit settings override a profile's values.
/// </summary>
/// <remarks>Immutable; the two instances are shared.</remarks>
public sealed class TrainingProfile
{
    private TrainingProfile(string name, int? width, int batchSize, double learningRate, int imageBudget)
    {
        Name = name;
        Width = width;
        BatchSize = batchSize;
        LearningRate = learningRate;
        ImageBudget = imageBudget;
    }

    /// <summary>
    /// <c>quick-start</c>: widths 32, batch 64, Adam learning rate 5e-4 for both networks, about 120,000 images
    /// (2 epochs of the full Fashion-MNIST training set): measured fastest to good samples of all 10 classes on a
    /// 2-core CPU (docs/time-to-quality.md).
    /// </summary>
    public static TrainingProfile QuickStart { get; } = new("quick-start", 32, 64, 5e-4, 120_000);

    /// <summary>
    /// <c>paper</c>: the architecture preset's own widths (128 for <see cref="DcganModelOptions.Paper"/>, the paper's
    /// Figure 1), the paper's batch 128 and Adam learning rate 2e-4 (the defaults of <see cref="GanTrainerOptions"/>),
    /// about 60,000 images (one epoch of the full Fashion-MNIST training set).
    /// </summary>
    public static TrainingProfile Paper { get; } = new("paper", null, new GanTrainerOptions().BatchSize, new GanTrainerOptions().GeneratorLearningRate, 60_000);

    /// <summary>Every profile: <see cref="QuickStart"/>, <see cref="Paper"/>.</summary>
    public static IReadOnlyList<TrainingProfile> All { get; } = [QuickStart, Paper];

    /// <summary>The profile's name: <c>quick-start</c> or <c>paper</c>.</summary>
    public string Name { get; }

    /// <summary>Generator and discriminator width (ngf = ndf); null keeps the architecture preset's own widths.</summary>
    public int? Width { get; }

    /// <summary>Images per step.</summary>
    public int BatchSize { get; }

    /// <summary>Adam's learning rate for both networks.</summary>
    public double LearningRate { get; }

    /// <summary>Images a default run trains on: <see cref="Epochs"/> covers at least this many.</summary>
    public int ImageBudget { get; }

    /// <summary>The profile named <paramref name="name"/> (any case).</summary>
    /// <param name="name"><c>quick-start</c> or <c>paper</c>.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">No profile has that name; the message quotes it and lists the names.</exception>
    public static TrainingProfile Parse(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown training profile '{name}': expected {string.Join(" or ", All.Select(p => p.Name))}.", nameof(name));

    /// <summary>The default number of epochs: enough passes over <paramref name="imageCount"/> images for <see cref="ImageBudget"/> images, at least 1.</summary>
    /// <param name="imageCount">Images in the data set (at least 1).</param>
    /// <returns>The epochs.</returns>
    public int Epochs(int imageCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imageCount, 1);
        return Math.Max(1, (int)Math.Ceiling(ImageBudget / (double)imageCount));
    }

    /// <summary>A copy of <paramref name="preset"/> with this profile's widths (the preset's own when <see cref="Width"/> is null).</summary>
    /// <param name="preset">The architecture, e.g. <see cref="DcganModelOptions.Paper"/> for the data's size.</param>
    /// <returns>A new options object.</returns>
    public DcganModelOptions Architecture(DcganModelOptions preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        DcganModelOptions architecture = preset.Clone();
        architecture.GeneratorWidth = Width ?? preset.GeneratorWidth;
        architecture.DiscriminatorWidth = Width ?? preset.DiscriminatorWidth;
        return architecture;
    }

    /// <summary>
    /// New trainer options with this profile's batch size and learning rate (both networks) and
    /// <see cref="Epochs"/>(<paramref name="imageCount"/>) epochs; every other option keeps its default.
    /// </summary>
    /// <param name="imageCount">Images in the data set (at least 1).</param>
    /// <returns>A new options object.</returns>
    public GanTrainerOptions TrainerOptions(int imageCount) => ApplyTo(new GanTrainerOptions { Epochs = Epochs(imageCount) });

    /// <summary>Sets this profile's batch size and learning rate (both networks) on <paramref name="options"/>.</summary>
    /// <param name="options">The options to change.</param>
    /// <returns><paramref name="options"/>.</returns>
    public GanTrainerOptions ApplyTo(GanTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BatchSize = BatchSize;
        options.GeneratorLearningRate = LearningRate;
        options.DiscriminatorLearningRate = LearningRate;
        return options;
    }

    /// <summary>The name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name.ToString(CultureInfo.InvariantCulture);
}

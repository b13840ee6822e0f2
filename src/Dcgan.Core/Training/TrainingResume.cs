// TrainingResume: the one meaning of "resume this run folder", shared by the CLI's `train --resume` and hosted
// training. It finds the newest checkpoint that verifies (naming each newer one it skipped) and says which trainer
// settings a resumed run uses: the checkpoint's for everything that decides the numbers, the caller's for how far,
// where and how to react to divergence.
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;

namespace Dcgan.Training;

/// <summary>
/// A run to continue from a checkpoint: the checkpoint file, the newer ones skipped because they do not verify, and
/// the settings the continued run uses.
/// </summary>
/// <remarks>
/// <para>The rule, the same for every caller: a resumed run keeps the checkpoint's trainer settings that decide
/// its numbers (batch size, seed, drop-last, fixed-sample count, learning rates (as lowered by any roll-back),
/// betas, weight decay, DiffAugment policy, the generator average's decay and start), so it continues exactly. The caller decides only how far, where and how: the total
/// <see cref="GanTrainerOptions.Epochs"/>, <see cref="GanTrainerOptions.Device"/>,
/// <see cref="GanTrainerOptions.PrefetchBatches"/> and the divergence settings (which checkpoints do not record).
/// Configured values of kept settings that differ from the checkpoint's are not used; <see cref="IgnoredSettings"/>
/// lists them so the caller says so (hosted training logs each as a warning; the CLI refuses flags that set up a new
/// run).</para>
/// <para>Managed values only; nothing to dispose.</para>
/// </remarks>
public sealed class TrainingResume
{
    private TrainingResume(string checkpoint, IReadOnlyList<SkippedCheckpoint> skipped, CheckpointManifest manifest)
    {
        Checkpoint = checkpoint;
        Skipped = skipped;
        Info = new CheckpointInfo(checkpoint, manifest);
    }

    /// <summary>The checkpoint to resume from: pass it to <see cref="GanTrainer.LoadCheckpoint"/>.</summary>
    public string Checkpoint { get; }

    /// <summary>Newer checkpoints that were skipped because they do not verify, each with its reason (newest first).</summary>
    public IReadOnlyList<SkippedCheckpoint> Skipped { get; }

    /// <summary>The DCGAN architecture the checkpoint records (a copy), or null when it records none (a custom network).</summary>
    public DcganModelOptions? Architecture => Info.DcganOptions;

    /// <summary>What the checkpoint records (position, network, shapes, trainer settings), read-only.</summary>
    public CheckpointInfo Info { get; }

    /// <summary>Epochs completed when the checkpoint was written (0-based epoch of the next batch).</summary>
    public int Epoch => Info.Epoch;

    /// <summary>Optimizer steps trained when the checkpoint was written.</summary>
    public long GlobalStep => Info.GlobalStep;

    /// <summary>What the run was trained on (the data source's description).</summary>
    public string DataDescription => Info.DataDescription;

    /// <summary>How many images the run was trained on.</summary>
    public int DataCount => Info.DataCount;

    /// <summary>The shape of the images the run was trained on.</summary>
    public ImageShape ImageShape => Info.ImageShape;

    /// <summary>
    /// The run to continue in <paramref name="runFolder"/>, or null when it holds no checkpoint yet (a new run; a
    /// missing folder too). The newest checkpoint that verifies is chosen; newer ones that do not are in
    /// <see cref="Skipped"/>.
    /// </summary>
    /// <param name="runFolder">The run folder.</param>
    /// <returns>The resume, or null.</returns>
    /// <exception cref="CheckpointException">The folder holds checkpoints and none of them verifies (the message lists each problem).</exception>
    public static TrainingResume? FindInRunFolder(string runFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runFolder);
        if (!Directory.Exists(runFolder)
            || !Directory.EnumerateFiles(runFolder, "checkpoint-*" + CheckpointArchive.Extension, SearchOption.AllDirectories).Any())
        {
            return null;
        }

        return Open(runFolder);
    }

    /// <summary>The run to continue from a checkpoint file, or from a run folder's newest checkpoint that verifies.</summary>
    /// <param name="path">A checkpoint file or a run folder.</param>
    /// <returns>The resume.</returns>
    /// <exception cref="CheckpointException">There is no checkpoint there, or none verifies (the message says which and why).</exception>
    public static TrainingResume Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CheckpointSearchResult found = CheckpointLocator.FindNewestValid(path);
        return new TrainingResume(found.File, found.Skipped, CheckpointArchive.ReadManifest(found.File));
    }

    /// <summary>
    /// The trainer options of the continued run: the checkpoint's settings, with the total epochs, device, prefetch
    /// depth and divergence settings of <paramref name="current"/> (see the remarks of <see cref="TrainingResume"/>).
    /// </summary>
    /// <param name="current">The caller's options (configured or from flags); null keeps the checkpoint's values for everything (the divergence settings are then their defaults).</param>
    /// <returns>A new options object.</returns>
    public GanTrainerOptions TrainerOptions(GanTrainerOptions? current = null)
    {
        GanTrainerOptions recorded = Info.ToTrainerOptions();
        if (current is null)
        {
            return recorded;
        }

        GanTrainerOptions options = current.Clone();
        foreach (KeptSetting setting in KeptSettings)
        {
            setting.Copy(recorded, options);
        }

        return options;
    }

    /// <summary>
    /// The kept settings whose value in <paramref name="configured"/> differs from the checkpoint's, each as
    /// <c>BatchSize = 64 (the checkpoint's 16 is kept)</c>; empty when they agree.
    /// </summary>
    /// <param name="configured">The options the caller would have used for a new run.</param>
    /// <returns>One line per ignored setting, in option order.</returns>
    public IReadOnlyList<string> IgnoredSettings(GanTrainerOptions configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        GanTrainerOptions recorded = Info.ToTrainerOptions();
        return KeptSettings
            .Where(s => !Equals(s.Value(configured), s.Value(recorded)))
            .Select(s => $"{s.Name} = {Format(s.Value(configured))} (the checkpoint's {Format(s.Value(recorded))} is kept)")
            .ToList();
    }

    /// <summary>Throws when <paramref name="data"/> is not the data the run was trained on (another image count or shape).</summary>
    /// <param name="data">The data the continued run would read.</param>
    /// <exception cref="ArgumentException">The count or shape differs; the message names both data sets.</exception>
    public void ThrowIfOtherData(IImageDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count != DataCount || data.Shape != ImageShape)
        {
            throw new ArgumentException(
                $"The checkpoint {Checkpoint} was trained on {DataDescription} ({DataCount} images of {ImageShape}), but this run would read {data.Description} ({data.Count} images of {data.Shape}); an exact resume needs the same data.",
                nameof(data));
        }
    }

    private static string Format(object? value) => value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString() ?? "null";

    private sealed record KeptSetting(string Name, Func<GanTrainerOptions, object> Value, Action<GanTrainerOptions, GanTrainerOptions> Copy);

    // What decides the numbers of a run: taken from the checkpoint whatever the caller configured.
    private static readonly KeptSetting[] KeptSettings =
    [
        new(nameof(GanTrainerOptions.BatchSize), o => o.BatchSize, (from, to) => to.BatchSize = from.BatchSize),
        new(nameof(GanTrainerOptions.Seed), o => o.Seed, (from, to) => to.Seed = from.Seed),
        new(nameof(GanTrainerOptions.DropLastBatch), o => o.DropLastBatch, (from, to) => to.DropLastBatch = from.DropLastBatch),
        new(nameof(GanTrainerOptions.FixedSampleCount), o => o.FixedSampleCount, (from, to) => to.FixedSampleCount = from.FixedSampleCount),
        new(nameof(GanTrainerOptions.GeneratorLearningRate), o => o.GeneratorLearningRate, (from, to) => to.GeneratorLearningRate = from.GeneratorLearningRate),
        new(nameof(GanTrainerOptions.DiscriminatorLearningRate), o => o.DiscriminatorLearningRate, (from, to) => to.DiscriminatorLearningRate = from.DiscriminatorLearningRate),
        new(nameof(GanTrainerOptions.Beta1), o => o.Beta1, (from, to) => to.Beta1 = from.Beta1),
        new(nameof(GanTrainerOptions.Beta2), o => o.Beta2, (from, to) => to.Beta2 = from.Beta2),
        new(nameof(GanTrainerOptions.WeightDecay), o => o.WeightDecay, (from, to) => to.WeightDecay = from.WeightDecay),
        new(nameof(GanTrainerOptions.Augmentation), o => o.Augmentation, (from, to) => to.Augmentation = from.Augmentation),
        new(nameof(GanTrainerOptions.GeneratorEmaDecay), o => o.GeneratorEmaDecay, (from, to) => to.GeneratorEmaDecay = from.GeneratorEmaDecay),
        new(nameof(GanTrainerOptions.GeneratorEmaStart), o => o.GeneratorEmaStart, (from, to) => to.GeneratorEmaStart = from.GeneratorEmaStart),
    ];
}

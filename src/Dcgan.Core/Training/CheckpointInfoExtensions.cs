// The mapping between the trainer's options and the settings a checkpoint records (Persistence knows no Training type).
using Dcgan.Persistence;

namespace Dcgan.Training;

/// <summary>Reads a checkpoint's recorded trainer settings back as <see cref="GanTrainerOptions"/>.</summary>
public static class CheckpointInfoExtensions
{
    /// <summary>
    /// The options of the run that wrote the checkpoint (epochs, batch size, seed, learning rates, betas, weight
    /// decay, device, ...), for restarting it as it was. The optimizer kind is not an option: pass the matching
    /// <see cref="IOptimizerFactory"/> in <see cref="GanTrainerSetup.OptimizerFactory"/>. The divergence settings
    /// (<see cref="GanTrainerOptions.OnDivergence"/> and its limits) are not recorded and come back as their defaults;
    /// learning rates lowered by a roll-back are recorded as lowered.
    /// </summary>
    /// <param name="checkpoint">A checkpoint's description, from <see cref="Checkpoints.Read"/>.</param>
    /// <returns>A new options object; validate it (or let the trainer do so) before use.</returns>
    public static GanTrainerOptions ToTrainerOptions(this CheckpointInfo checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        CheckpointTrainerSettings s = checkpoint.Trainer;
        return new GanTrainerOptions
        {
            Epochs = s.Epochs,
            BatchSize = s.BatchSize,
            Seed = s.Seed,
            DropLastBatch = s.DropLastBatch,
            FixedSampleCount = s.FixedSampleCount,
            GeneratorLearningRate = s.GeneratorLearningRate,
            DiscriminatorLearningRate = s.DiscriminatorLearningRate,
            Beta1 = s.Beta1,
            Beta2 = s.Beta2,
            WeightDecay = s.WeightDecay,
            PrefetchBatches = s.PrefetchBatches,
            Device = s.Device,
            Augmentation = ParseAugmentation(s.Augmentation),
            GeneratorEmaDecay = s.GeneratorEmaDecay,
            GeneratorEmaStart = s.GeneratorEmaStart,
        };
    }

    // What SaveCheckpoint records: every option except the divergence settings (they change nothing unless a run
    // diverges, and Persistence's records are not Training's to extend), plus the optimizer kind.
    internal static CheckpointTrainerSettings ToCheckpointSettings(this GanTrainerOptions options, string optimizerKind) => new()
    {
        Epochs = options.Epochs,
        BatchSize = options.BatchSize,
        Seed = options.Seed,
        DropLastBatch = options.DropLastBatch,
        FixedSampleCount = options.FixedSampleCount,
        GeneratorLearningRate = options.GeneratorLearningRate,
        DiscriminatorLearningRate = options.DiscriminatorLearningRate,
        Beta1 = options.Beta1,
        Beta2 = options.Beta2,
        WeightDecay = options.WeightDecay,
        PrefetchBatches = options.PrefetchBatches,
        Device = options.Device,
        OptimizerKind = optimizerKind,
        Augmentation = options.Augmentation == DiffAugmentPolicy.None ? "" : options.Augmentation.ToString(),
        GeneratorEmaDecay = options.GeneratorEmaDecay,
        GeneratorEmaStart = options.GeneratorEmaStart,
    };

    // "" (no augmentation, or a checkpoint older than the setting) or an enum name list such as "Color, Cutout".
    private static DiffAugmentPolicy ParseAugmentation(string recorded) =>
        string.IsNullOrEmpty(recorded) ? DiffAugmentPolicy.None
        : Enum.TryParse(recorded, ignoreCase: false, out DiffAugmentPolicy policy) && (policy & ~DiffAugmentPolicy.All) == 0 ? policy
        : throw new CheckpointException($"The checkpoint's trainer settings name the augmentation '{recorded}'; expected a combination of Color, Translation and Cutout.");
}

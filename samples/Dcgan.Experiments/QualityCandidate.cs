// One training configuration the time-to-quality benchmark compares: architecture preset, image size, widths,
// batch size and learning rate. Everything else is the paper's (Adam beta1 0.5, N(0, 0.02) init, ...).
using Dcgan.Models;
using Dcgan.Training;

namespace Dcgan.Experiments;

/// <summary>A configuration of the time-to-quality benchmark.</summary>
/// <param name="Name">Short name, as --configs selects it.</param>
/// <param name="PyTorchPreset">True for pytorch/examples' architecture (4x4 kernels, 1x1 projection, N(0, 1) z), false for the paper's.</param>
/// <param name="ImageSize">Side of the generated images (28 = Fashion-MNIST's own; 32 resizes the data and adds a block).</param>
/// <param name="Width">Generator and discriminator width (ngf = ndf).</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">Adam learning rate of both networks.</param>
internal sealed record QualityCandidate(string Name, bool PyTorchPreset, int ImageSize, int Width, int BatchSize, double LearningRate)
{
    /// <summary>The name of the `dcgan train` default (the quick-start profile): paper preset, widths 32, batch 64, 5e-4.</summary>
    public const string QuickStartName = "paper-w32-b64-lr5e-4";

    /// <summary>DiffAugment before the discriminator; none unless set.</summary>
    public DiffAugmentPolicy Augmentation { get; init; }

    /// <summary>Decay of the generator's weight average (sampled from when above 0); 0 unless set.</summary>
    public double GeneratorEmaDecay { get; init; }

    /// <summary>The configuration `dcgan train` used before the quick-start profile: paper preset, widths 64, batch 128, 2e-4.</summary>
    public const string BaselineName = "paper-w64";

    /// <summary>The candidates, the baseline first; widths are always set explicitly (not taken from a preset).</summary>
    public static readonly QualityCandidate[] All =
    [
        new(BaselineName, false, 28, 64, 128, 2e-4),
        new("paper-w32", false, 28, 32, 128, 2e-4),
        new("paper-w32-b64", false, 28, 32, 64, 2e-4),
        new(QuickStartName, false, 28, 32, 64, 5e-4),
        new("paper-w32-lr1e-3", false, 28, 32, 128, 1e-3),
        new("paper-w16-b64", false, 28, 16, 64, 2e-4),
        new("pytorch32-w32-b64", true, 32, 32, 64, 2e-4),
    ];

    /// <summary>The architecture, single-channel (Fashion-MNIST).</summary>
    public DcganModelOptions Architecture()
    {
        DcganModelOptions options = PyTorchPreset ? DcganModelOptions.PyTorchExample(ImageSize, 1) : DcganModelOptions.Paper(ImageSize, 1);
        options.GeneratorWidth = Width;
        options.DiscriminatorWidth = Width;
        return options;
    }

    /// <summary>Trainer options: the paper's, with this batch size and learning rate, on the CPU.</summary>
    public GanTrainerOptions TrainerOptions(long seed) => new()
    {
        Seed = seed,
        Device = "cpu",
        BatchSize = BatchSize,
        GeneratorLearningRate = LearningRate,
        DiscriminatorLearningRate = LearningRate,
        Augmentation = Augmentation,
        GeneratorEmaDecay = GeneratorEmaDecay,
        Epochs = 1_000_000, // the step budget stops the run
    };

    /// <summary>One line for tables: preset, size, widths, batch, learning rate.</summary>
    public string Describe() => FormattableString.Invariant(
        $"{(PyTorchPreset ? "pytorch" : "paper")} {ImageSize}x{ImageSize}, ngf = ndf = {Width}, batch {BatchSize}, lr {LearningRate:0.####}{(Augmentation == DiffAugmentPolicy.None ? "" : $", DiffAugment {Augmentation}")}{(GeneratorEmaDecay > 0 ? $", EMA {GeneratorEmaDecay}" : "")}");
}

// HostedTrainingOptions: what the hosted training service trains, bindable from configuration ("Dcgan:Training").
using System.ComponentModel.DataAnnotations;
using Dcgan.Training;

namespace Dcgan.Hosting;

/// <summary>
/// Settings of the hosted training service added by <see cref="DcganBuilder.AddHostedTraining"/>: the data, the run
/// folder, the architecture and the trainer's options (the nested <see cref="Trainer"/> section). Validated by
/// <see cref="HostedTrainingOptionsValidator"/> when the host starts.
/// </summary>
public sealed class HostedTrainingOptions
{
    /// <summary>The configuration section, below the Dcgan section, that these options are bound from.</summary>
    public const string SectionName = "Training";

    /// <summary>
    /// The training images: an IDX image file (raw or .gz), a folder holding IDX files, or a folder of PNG/JPEG images.
    /// A relative path is resolved against the application's base directory (where a sample ships its data).
    /// </summary>
    /// <value>The default value is null; it must be set.</value>
    [Required]
    public string? Data { get; set; }

    /// <summary>
    /// The run folder: checkpoints, sample grids. When it already holds a checkpoint and <see cref="Resume"/> is on,
    /// training continues from the newest one. A relative path is resolved against the current directory.
    /// </summary>
    /// <value>The default value is null; it must be set.</value>
    [Required]
    public string? Output { get; set; }

    /// <summary>
    /// Whether a run folder's newest checkpoint is resumed (exactly, as an uninterrupted run would continue), with the
    /// library's one meaning of resuming (<see cref="TrainingResume"/>): the checkpoint's trainer settings are kept
    /// (batch size, seed, learning rates, betas, ...); <see cref="Trainer"/> gives only the total epochs, the device,
    /// the prefetch depth and the divergence settings. Each configured trainer setting that differs from the
    /// checkpoint's is logged as a warning naming its key and both values.
    /// </summary>
    /// <value>The default value is true.</value>
    public bool Resume { get; set; } = true;

    /// <summary>Side of the square training images; null means the data's own size (28 for Fashion-MNIST), 64 for image folders.</summary>
    /// <value>The default value is null.</value>
    [Range(8, 4096)]
    public int? ImageSize { get; set; }

    /// <summary>
    /// The training profile of new runs (<see cref="TrainingProfile"/>, by name): <c>quick-start</c> (widths 32, batch
    /// 64, learning rate 5e-4: the default of <c>dcgan train</c> too) or <c>paper</c> (the preset's own widths, 128
    /// with <see cref="ArchitecturePreset.Paper"/>; batch 128; learning rate 2e-4). The profile gives the defaults of
    /// the widths and of <c>Trainer:BatchSize</c>, <c>Trainer:GeneratorLearningRate</c> and
    /// <c>Trainer:DiscriminatorLearningRate</c>; every key that is configured overrides it. It is read from the
    /// <c>Profile</c> configuration key before the other keys are bound; code that sets it in a <c>configure</c>
    /// callback also calls <see cref="TrainingProfile.ApplyTo"/> on <see cref="Trainer"/>.
    /// </summary>
    /// <value>The default value is "quick-start".</value>
    [Required]
    public string Profile { get; set; } = TrainingProfile.QuickStart.Name;

    /// <summary>
    /// The architecture preset of new runs (a resumed run keeps the architecture stored in its checkpoint): the
    /// projection, kernels and prior, and the widths when the profile keeps the preset's own (<c>paper</c>).
    /// </summary>
    /// <value>The default value is <see cref="ArchitecturePreset.Paper"/>.</value>
    public ArchitecturePreset Preset { get; set; } = ArchitecturePreset.Paper;

    /// <summary>Generator width (ngf) of new runs, whatever the <see cref="Preset"/>; null: the <see cref="Profile"/>'s.</summary>
    /// <value>The default value is null: 32 with quick-start; with paper the preset's own (128 for the paper preset, 64 for PyTorchExample).</value>
    [Range(1, 4096)]
    public int? GeneratorWidth { get; set; }

    /// <summary>Discriminator width (ndf) of new runs, whatever the <see cref="Preset"/>; null: the <see cref="Profile"/>'s.</summary>
    /// <value>The default value is null: 32 with quick-start; with paper the preset's own (128 for the paper preset, 64 for PyTorchExample).</value>
    [Range(1, 4096)]
    public int? DiscriminatorWidth { get; set; }

    /// <summary>
    /// The kind of networks of new runs: the <c>Kind</c> of a network builder registered with
    /// <see cref="DcganBuilder.AddNetworkBuilder(Dcgan.Models.INetworkBuilder)"/> ("dcgan" is always registered). A
    /// resumed run keeps the kind and description stored in its checkpoint.
    /// </summary>
    /// <value>The default value is "dcgan".</value>
    [Required]
    public string NetworkKind { get; set; } = Dcgan.Models.DcganNetworkBuilder.KindName;

    /// <summary>
    /// The builder's description of the networks of new runs, a JSON object (for "dcgan", the <c>DcganModelOptions</c>).
    /// Required for other kinds; for "dcgan", null means <see cref="Preset"/> and the widths at the data's image size.
    /// </summary>
    /// <value>The default value is null.</value>
    public string? NetworkDescription { get; set; }

    /// <summary>A checkpoint is written every this many epochs, and always when training stops early (host shutdown).</summary>
    /// <value>The default value is 1.</value>
    [Range(1, 1_000_000)]
    public int CheckpointEveryEpochs { get; set; } = 1;

    /// <summary>How many checkpoints the run folder keeps (older ones are deleted).</summary>
    /// <value>The default value is 3.</value>
    [Range(1, 1000)]
    public int KeepCheckpoints { get; set; } = 3;

    /// <summary>Whether a sample grid from the fixed noise is written at the end of every epoch.</summary>
    /// <value>The default value is true.</value>
    public bool SampleGrids { get; set; } = true;

    /// <summary>A progress line is logged every this many steps.</summary>
    /// <value>The default value is 50.</value>
    [Range(1, 1_000_000)]
    public int LogEverySteps { get; set; } = 50;

    /// <summary>Whether the host is stopped when training completes (a worker whose only job is training).</summary>
    /// <value>The default value is true.</value>
    public bool StopHostWhenDone { get; set; } = true;

    /// <summary>
    /// The trainer's settings (section <c>Dcgan:Training:Trainer</c>): epochs, batch size, learning rates, seed, device.
    /// A resumed run uses only some of them (see <see cref="Resume"/>).
    /// </summary>
    /// <value>The default value is a new <see cref="GanTrainerOptions"/> with the <see cref="Profile"/>'s batch size and learning rates (applied from configuration).</value>
    public GanTrainerOptions Trainer { get; set; } = new();
}

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

    /// <summary>Whether a run folder's newest checkpoint is resumed (exactly, as an uninterrupted run would continue).</summary>
    /// <value>The default value is true.</value>
    public bool Resume { get; set; } = true;

    /// <summary>Side of the square training images; null means the data's own size (28 for Fashion-MNIST), 64 for image folders.</summary>
    /// <value>The default value is null.</value>
    [Range(8, 4096)]
    public int? ImageSize { get; set; }

    /// <summary>
    /// The architecture preset of new runs (a resumed run keeps the architecture stored in its checkpoint). The preset
    /// sets the projection, kernels and prior; the widths always come from <see cref="GeneratorWidth"/> and
    /// <see cref="DiscriminatorWidth"/>, not from the preset.
    /// </summary>
    /// <value>The default value is <see cref="ArchitecturePreset.Paper"/>.</value>
    public ArchitecturePreset Preset { get; set; } = ArchitecturePreset.Paper;

    /// <summary>
    /// Generator width (ngf) of new runs, whatever the <see cref="Preset"/>. Set 128 for the paper's Figure 1 widths
    /// (the library's <c>DcganModelOptions.Paper</c> preset), which cost about four times the computation.
    /// </summary>
    /// <value>The default value is 64 (pytorch/examples' ngf and <c>dcgan train</c>'s default; cheaper on a CPU host).</value>
    [Range(1, 4096)]
    public int GeneratorWidth { get; set; } = 64;

    /// <summary>
    /// Discriminator width (ndf) of new runs, whatever the <see cref="Preset"/>. Set 128 for the paper's widths.
    /// </summary>
    /// <value>The default value is 64 (pytorch/examples' ndf and <c>dcgan train</c>'s default).</value>
    [Range(1, 4096)]
    public int DiscriminatorWidth { get; set; } = 64;

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

    /// <summary>The trainer's settings (section <c>Dcgan:Training:Trainer</c>): epochs, batch size, learning rates, seed, device.</summary>
    /// <value>The default value is a new <see cref="GanTrainerOptions"/> (the paper's settings).</value>
    public GanTrainerOptions Trainer { get; set; } = new();
}

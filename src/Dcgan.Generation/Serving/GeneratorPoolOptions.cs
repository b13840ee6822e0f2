// GeneratorPoolOptions: the settings of a generator pool, bindable from configuration (section "Dcgan:Generator", or
// "Dcgan:Generators:<name>" for a named pool).
using System.ComponentModel.DataAnnotations;
using Dcgan.Configuration;

namespace Dcgan.Serving;

/// <summary>
/// Settings of <see cref="GeneratorPool"/>: which model to serve, how requests are batched and how much memory
/// they may hold. Bound from the configuration section <c>Dcgan:Generator</c> (a named pool: <c>Dcgan:Generators:&lt;name&gt;</c>)
/// by <see cref="GeneratorPoolServiceCollectionExtensions"/> (or Dcgan.Hosting's <c>DcganBuilder.AddGeneratorPool</c>) and
/// validated by <see cref="GeneratorPoolOptionsValidator"/> at start.
/// </summary>
public sealed class GeneratorPoolOptions
{
    /// <summary>The configuration section, below the Dcgan section, that the default pool's options are bound from.</summary>
    public const string SectionName = "Generator";

    /// <summary>The configuration section, below the Dcgan section, that holds one subsection per named pool.</summary>
    public const string NamedSectionName = "Generators";

    /// <summary>
    /// The model to serve, a file or a folder: with the TorchSharp loader a checkpoint file or a run folder (its newest
    /// checkpoint); with another loader, the model file or folder that loader reads (an ONNX file, say). Configuration
    /// key: <c>ModelPath</c> (before 1.0 it was <c>Checkpoint</c>; an old key is refused as unknown, naming it). Null or
    /// empty: the pool starts without a model and every request fails with <see cref="GeneratorUnavailableException"/>
    /// until one is loaded.
    /// </summary>
    /// <value>The default value is null (no model).</value>
    public string? ModelPath { get; set; }

    /// <summary>
    /// Whether the pool watches <see cref="ModelPath"/> (the file, or the run folder) and swaps in a new checkpoint
    /// when one is written. Requests in flight finish on the model they started with; a checkpoint that fails to load
    /// is logged and the current model is kept. A watched run folder that holds no checkpoint yet is not an error: the
    /// pool serves nothing until the first checkpoint appears.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool WatchForChanges { get; set; }

    /// <summary>How long the file must be quiet after a change before it is reloaded, in milliseconds.</summary>
    /// <value>The default value is 500 (a trainer writes a checkpoint as one rename, but folders see several events).</value>
    [Range(0, 60_000)]
    public int ReloadDelayMilliseconds { get; set; } = 500;

    /// <summary>Latent vectors per forward pass: the largest batch the network ever sees, which bounds its memory.</summary>
    /// <value>The default value is 32.</value>
    [Range(1, 4096)]
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>
    /// Whether every forward pass runs with exactly <see cref="MaxBatchSize"/> rows (padded with zero vectors). On CPU,
    /// libtorch picks different kernels for different batch sizes, so without padding an image's last bits can depend on
    /// how many other requests shared its forward pass; with padding the same latent vector always gives the same bits.
    /// </summary>
    /// <value>The default value is true (reproducible images at any load).</value>
    public bool PadPartialBatches { get; set; } = true;

    /// <summary>
    /// Whether queued requests are coalesced into one forward pass (up to <see cref="MaxBatchSize"/> rows). Off, every
    /// request gets its own forward pass(es).
    /// </summary>
    /// <value>The default value is true.</value>
    public bool Coalesce { get; set; } = true;

    /// <summary>The most images one request may ask for.</summary>
    /// <value>The default value is 256.</value>
    [Range(1, 65_536)]
    public int MaxImagesPerRequest { get; set; } = 256;

    /// <summary>
    /// The most requests waiting for the worker; further callers wait (asynchronously) for a free place. Together with
    /// <see cref="MaxImagesPerRequest"/> this bounds the memory that waiting requests hold.
    /// </summary>
    /// <value>The default value is 256.</value>
    [Range(1, 1_000_000)]
    public int MaxQueuedRequests { get; set; } = 256;

    /// <summary>Device to generate on: "auto", "cpu", "cuda" or "cuda:N" (passed to the pool's loader).</summary>
    /// <value>The default value is "cpu" (a serving process usually shares its GPU with nothing it knows about).</value>
    [Required]
    [DeviceName]
    public string Device { get; set; } = "cpu";

    /// <summary>A copy of these options.</summary>
    public GeneratorPoolOptions Clone() => (GeneratorPoolOptions)MemberwiseClone();
}

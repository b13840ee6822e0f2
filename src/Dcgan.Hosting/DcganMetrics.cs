// DcganMetrics: the names of the System.Diagnostics.Metrics instruments that Dcgan.Hosting publishes, with the
// generator pool's (GeneratorPoolMetrics, in Dcgan.Generation).
using Dcgan.Serving;

namespace Dcgan.Hosting;

/// <summary>
/// Names of the "Dcgan" meter and its instruments, for <c>dotnet-counters monitor --counters Dcgan</c>, OpenTelemetry's
/// <c>AddMeter("Dcgan")</c> or a <c>MeterListener</c>.
/// </summary>
public static class DcganMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = GeneratorPoolMetrics.MeterName;

    /// <summary>Counter: images returned by the generator pool.</summary>
    public const string GeneratedImages = GeneratorPoolMetrics.GeneratedImages;

    /// <summary>Histogram: latent rows per forward pass of the generator pool (without padding).</summary>
    public const string ForwardPassRows = GeneratorPoolMetrics.ForwardPassRows;

    /// <summary>Counter: training steps (one discriminator and one generator update each) of hosted training.</summary>
    public const string TrainingSteps = "dcgan.training.steps";

    /// <summary>Counter: real images trained on by hosted training.</summary>
    public const string TrainingImages = "dcgan.training.images";

    /// <summary>Gauge: real images per second of the current training run, averaged since it started.</summary>
    public const string TrainingImagesPerSecond = "dcgan.training.images_per_second";

    /// <summary>Histogram: the loss of every step, tagged <c>network</c> = <c>discriminator</c> or <c>generator</c>.</summary>
    public const string TrainingLoss = "dcgan.training.loss";
}

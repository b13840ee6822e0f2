// GeneratorPoolMetrics: the names of the System.Diagnostics.Metrics instruments the generator pool publishes.
namespace Dcgan.Serving;

/// <summary>
/// Names of the "Dcgan" meter and the generator pool's instruments, for <c>dotnet-counters monitor --counters Dcgan</c>,
/// OpenTelemetry's <c>AddMeter("Dcgan")</c> or a <c>MeterListener</c>. (Dcgan.Hosting's <c>DcganMetrics</c> repeats
/// them next to the training instruments.)
/// </summary>
public static class GeneratorPoolMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Dcgan";

    /// <summary>Counter: images returned by the generator pool.</summary>
    public const string GeneratedImages = "dcgan.generator.images";

    /// <summary>Histogram: latent rows per forward pass of the generator pool (without padding).</summary>
    public const string ForwardPassRows = "dcgan.generator.forward_pass.rows";
}

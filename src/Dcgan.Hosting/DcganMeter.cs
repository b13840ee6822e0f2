// DcganMeter: the "Dcgan" meter of hosted training, a singleton the container owns. It comes from the host's
// IMeterFactory when there is one (the factory owns and disposes its meters); otherwise it is created here and
// disposed with the container, so no Meter outlives the host.
using System.Diagnostics.Metrics;

namespace Dcgan.Hosting;

internal sealed class DcganMeter(IMeterFactory? factory) : IDisposable
{
    private readonly bool _owned = factory is null;

    /// <summary>The meter named <see cref="DcganMetrics.MeterName"/>.</summary>
    public Meter Meter { get; } = factory?.Create(DcganMetrics.MeterName) ?? new Meter(DcganMetrics.MeterName);

    /// <summary>Disposes the meter when it was created here (a factory's meters are the factory's to dispose).</summary>
    public void Dispose()
    {
        if (_owned)
        {
            Meter.Dispose();
        }
    }
}

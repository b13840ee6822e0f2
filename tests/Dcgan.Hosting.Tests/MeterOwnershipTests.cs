// The "Dcgan" meter hosted training reports through belongs to the container: one it had to create itself (no
// IMeterFactory registered) is disposed with the container; one from the host's IMeterFactory is the factory's.
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dcgan.Hosting.Tests;

public class MeterOwnershipTests
{
    [Fact]
    public void A_meter_made_without_a_factory_is_disposed_with_the_container()
    {
        var services = new ServiceCollection();
        services.AddDcgan(new ConfigurationBuilder().Build()).AddHostedTraining();
        ServiceProvider provider = services.BuildServiceProvider();
        Meter meter = provider.GetRequiredService<DcganMeter>().Meter;
        meter.Name.Should().Be(DcganMetrics.MeterName);

        Published(meter, "before").Should().BeTrue("a live meter publishes its instruments");
        provider.Dispose();
        Published(meter, "after").Should().BeFalse("a disposed meter publishes nothing");
    }

    [Fact]
    public void A_meter_from_the_hosts_factory_is_left_to_the_factory()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddDcgan(new ConfigurationBuilder().Build()).AddHostedTraining();
        using ServiceProvider provider = services.BuildServiceProvider();
        var owner = provider.GetRequiredService<DcganMeter>();

        owner.Dispose();

        Published(owner.Meter, "still").Should().BeTrue("the factory, not the owner, disposes its meters");
    }

    private static bool Published(Meter meter, string name)
    {
        bool published = false;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) => published |= ReferenceEquals(instrument.Meter, meter) && instrument.Name == name,
        };
        listener.Start();
        meter.CreateCounter<long>(name);
        return published;
    }
}

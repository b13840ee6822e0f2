// Issue 19: hosted training in a Generic Host under continuous garbage collection completes without error and writes
// a checkpoint whose weights equal bitwise those of the same run without the pressure.
using Dcgan.Core.Tests.GarbageCollection;
using Dcgan.Models;
using Dcgan.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dcgan.Hosting.Tests.GarbageCollection;

[Collection(GcPressureCollection.Name)]
public class HostedTrainingUnderGcPressureTests
{
    /// <summary>30 epochs of 4 steps (64 images in batches of 16).</summary>
    private const int Epochs = 30;

    [Fact]
    public async Task Hosted_training_under_gc_pressure_completes_and_checkpoints_the_weights_of_the_unpressured_run()
    {
        var (quiet, pressured, collections) = await GcPressure.QuietThenPressuredAsync(TrainInHost);

        collections.Should().BeGreaterThanOrEqualTo(GcPressure.MeaningfulCollections, "the pressure thread collected throughout the pressured run");
        pressured.Log.Should().Contain(m => m.Contains($"Training stopped (Completed) after {Epochs * 4} step(s)", StringComparison.Ordinal));
        pressured.Log.Should().NotContain(m => m.Contains("fail", StringComparison.OrdinalIgnoreCase) || m.Contains("exception", StringComparison.OrdinalIgnoreCase));
        pressured.Weights.Should().Equal(quiet.Weights, "a collection must not change any update");
    }

    // Trains in a host until the service completes and stops it; the weights of the last checkpoint and the log.
    private static async Task<(uint[] Weights, string[] Log)> TrainInHost()
    {
        string output = TestCheckpoints.NewFolder("hosted-gc");
        Dictionary<string, string?> settings = HostedTrainingTests.Settings(output, Epochs);
        settings["Dcgan:Training:GeneratorWidth"] = "8";
        settings["Dcgan:Training:DiscriminatorWidth"] = "8";
        settings["Dcgan:Training:LogEverySteps"] = "20";
        settings["Dcgan:Training:CheckpointEveryEpochs"] = "10";
        settings["Dcgan:Training:SampleGrids"] = "false";
        var logs = new ListLogger();
        using (IHost host = HostedTrainingTests.Build(settings, logs))
        {
            await host.StartAsync();
            (await HostedTrainingTests.WaitFor(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping, TimeSpan.FromMinutes(5)))
                .Should().BeTrue("the service stops the host when training completes");
            await host.StopAsync();
        }

        string checkpoint = CheckpointLocator.Resolve(output);
        (DcganGenerator generator, _) = CheckpointModels.LoadGenerator<DcganGenerator>(checkpoint);
        (DcganDiscriminator discriminator, _) = CheckpointModels.LoadDiscriminator<DcganDiscriminator>(checkpoint);
        using (generator)
        using (discriminator)
        {
            return ([.. Bits(generator), .. Bits(discriminator)], [.. logs.Messages]);
        }
    }

    // Every parameter and buffer, by name, as the bit patterns of floats.
    private static IEnumerable<uint> Bits(TorchSharp.torch.nn.Module module) =>
        module.state_dict().OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.to_type(TorchSharp.torch.ScalarType.Float32).data<float>().ToArray())
            .Select(BitConverter.SingleToUInt32Bits);
}

// Hosted training from configuration: trains on its own thread, reports through ILogger and the "Dcgan" meter,
// checkpoints when the host stops, resumes on the next start, and refuses bad settings at start naming their keys.
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dcgan.Hosting.Tests;

public class HostedTrainingTests
{
    private static readonly Lazy<string> SmallIdx = new(WriteSmallIdx);

    internal static Dictionary<string, string?> Settings(string output, int epochs) => new()
    {
        ["Dcgan:Training:Data"] = SmallIdx.Value,
        ["Dcgan:Training:Output"] = output,
        ["Dcgan:Training:GeneratorWidth"] = "4",
        ["Dcgan:Training:DiscriminatorWidth"] = "4",
        ["Dcgan:Training:LogEverySteps"] = "1",
        ["Dcgan:Training:Trainer:Epochs"] = epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dcgan:Training:Trainer:BatchSize"] = "16",
        ["Dcgan:Training:Trainer:Seed"] = "3",
        ["Dcgan:Training:Trainer:Device"] = "cpu",
        ["Dcgan:Training:Trainer:FixedSampleCount"] = "4",
    };

    internal static IHost Build(Dictionary<string, string?> settings, ListLogger logs)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddDcgan(builder.Configuration.GetSection("Dcgan")).AddHostedTraining();
        return builder.Build();
    }

    [Fact]
    public async Task It_trains_reports_checkpoints_on_stop_and_resumes_on_the_next_start()
    {
        string output = TestCheckpoints.NewFolder("hosted");
        var logs = new ListLogger();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Network)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DcganMetrics.MeterName && instrument.Name.StartsWith("dcgan.training", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, null)));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, tags.ToArray().FirstOrDefault(t => t.Key == "network").Value as string)));
        listener.Start();

        long firstStop;
        string firstCheckpoint;
        using (IHost host = Build(Settings(output, epochs: 1000), logs))
        {
            await host.StartAsync();
            await WaitUntil(() => measurements.Count(m => m.Instrument == DcganMetrics.TrainingSteps) >= 3, "3 training steps");
            await host.StopAsync(); // cancels: the trainer stops after its step and the checkpoint callback saves
            firstCheckpoint = CheckpointLocator.Resolve(output);
            firstStop = Checkpoints.Read(firstCheckpoint).GlobalStep;
            firstStop.Should().BeGreaterThanOrEqualTo(3);
        }

        logs.Messages.Should().Contain(m => m.StartsWith("Step 2 (epoch 1): loss D", StringComparison.Ordinal));
        logs.Messages.Should().Contain(m => m.Contains("Training stopped (Cancelled)", StringComparison.Ordinal) && m.EndsWith(firstCheckpoint, StringComparison.Ordinal));
        measurements.Should().Contain(m => m.Instrument == DcganMetrics.TrainingImages && m.Value == 16);
        measurements.Should().Contain(m => m.Instrument == DcganMetrics.TrainingLoss && m.Network == "discriminator" && m.Value > 0);
        measurements.Should().Contain(m => m.Instrument == DcganMetrics.TrainingLoss && m.Network == "generator" && m.Value > 0);

        using (IHost host = Build(Settings(output, epochs: 1000), logs))
        {
            await host.StartAsync();
            await WaitUntil(() => logs.Messages.Any(m => m.StartsWith($"Step {firstStop + 1} ", StringComparison.Ordinal)), $"step {firstStop + 1} after the resume");
            await host.StopAsync();
        }

        logs.Messages.Should().Contain(m => m.StartsWith("Resuming from", StringComparison.Ordinal) && m.Contains($"step {firstStop}", StringComparison.Ordinal));
        Checkpoints.Read(CheckpointLocator.Resolve(output)).GlobalStep.Should().BeGreaterThan(firstStop);
    }

    [Fact]
    public async Task A_completed_run_writes_its_checkpoint_and_grid_then_stops_the_host()
    {
        string output = TestCheckpoints.NewFolder("hosted-done");
        var logs = new ListLogger();
        using IHost host = Build(Settings(output, epochs: 1), logs);

        await host.StartAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        (await WaitFor(lifetime.ApplicationStopping, TimeSpan.FromSeconds(60))).Should().BeTrue("the service stops the host when training completes");
        await host.StopAsync();

        File.Exists(Path.Combine(output, CheckpointLocator.FileName(1, 4))).Should().BeTrue("64 images in batches of 16 are 4 steps");
        File.Exists(Path.Combine(output, "samples-e0001.png")).Should().BeTrue();
        logs.Messages.Should().Contain(m => m.Contains("Training stopped (Completed) after 4 step(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_paper_run_takes_its_widths_from_the_hosting_options_not_from_the_preset()
    {
        string output = TestCheckpoints.NewFolder("hosted-widths");
        Dictionary<string, string?> settings = Settings(output, epochs: 1);
        settings.Remove("Dcgan:Training:GeneratorWidth");
        settings.Remove("Dcgan:Training:DiscriminatorWidth");
        using IHost host = Build(settings, new ListLogger());

        await host.StartAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        (await WaitFor(lifetime.ApplicationStopping, TimeSpan.FromSeconds(120))).Should().BeTrue("the service stops the host when training completes");
        await host.StopAsync();

        // DcganModelOptions.Paper's own widths are 128 (Figure 1); hosting's defaults (64) replace them.
        DcganModelOptions architecture = Checkpoints.Read(CheckpointLocator.Resolve(output)).DcganOptions!;
        (architecture.GeneratorWidth, architecture.DiscriminatorWidth).Should().Be((64, 64));
        (architecture.KernelSize, architecture.Projection).Should().Be((5, LatentProjection.Dense), "the rest is the paper preset");
    }

    [Fact]
    public async Task Resume_skips_a_corrupt_newest_checkpoint_and_continues_from_the_newest_valid_one()
    {
        string output = TestCheckpoints.NewFolder("hosted-fallback");
        var logs = new ListLogger();
        using (IHost first = Build(Settings(output, epochs: 1), logs))
        {
            await first.StartAsync();
            (await WaitFor(first.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping, TimeSpan.FromSeconds(60))).Should().BeTrue();
            await first.StopAsync();
        }

        string corrupt = Path.Combine(output, CheckpointLocator.FileName(2, 8));
        File.WriteAllBytes(corrupt, [0x50, 0x4B, 3, 4, 1, 2, 3]);

        using (IHost second = Build(Settings(output, epochs: 2), logs))
        {
            await second.StartAsync();
            (await WaitFor(second.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping, TimeSpan.FromSeconds(60))).Should().BeTrue();
            await second.StopAsync();
        }

        logs.Messages.Should().Contain(m => m.StartsWith($"Skipped checkpoint {corrupt}: ", StringComparison.Ordinal));
        logs.Messages.Should().Contain(m => m.StartsWith("Resuming from", StringComparison.Ordinal) && m.Contains("step 4", StringComparison.Ordinal));
        logs.Messages.Should().Contain(m => m.Contains("Training stopped (Completed) after 4 step(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_settings_fail_the_start_listing_every_failure_by_key()
    {
        Dictionary<string, string?> settings = Settings(TestCheckpoints.NewFolder("hosted-bad"), epochs: 1);
        settings.Remove("Dcgan:Training:Data");
        settings["Dcgan:Training:Trainer:BatchSize"] = "0";
        settings["Dcgan:Training:Trainer:Beta1"] = "0.9995";
        settings["Dcgan:Training:KeepCheckpoints"] = "0";
        using IHost host = Build(settings, new ListLogger());

        OptionsValidationException error = (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>()).Which;

        error.Failures.Should().HaveCount(4);
        error.Message.Should().Contain("Dcgan:Training:Data = null")
            .And.Contain("Dcgan:Training:KeepCheckpoints = 0")
            .And.Contain("Dcgan:Training:Trainer:BatchSize = 0")
            .And.Contain("Dcgan:Training:Trainer:Beta2 = 0.999 must be greater than Beta1 = 0.9995");
    }

    [Fact]
    public async Task A_missing_data_path_fails_the_start_naming_the_key_and_path()
    {
        Dictionary<string, string?> settings = Settings(TestCheckpoints.NewFolder("hosted-nodata"), epochs: 1);
        settings["Dcgan:Training:Data"] = "/nowhere/train-images-idx3-ubyte";
        using IHost host = Build(settings, new ListLogger());

        await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<InvalidOperationException>()
            .WithMessage("Dcgan:Training:Data = \"/nowhere/train-images-idx3-ubyte\": there is no file or folder at '/nowhere/train-images-idx3-ubyte'*");
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, $"waiting for {what}");
            await Task.Delay(20);
        }
    }

    internal static async Task<bool> WaitFor(CancellationToken token, TimeSpan timeout)
    {
        try
        {
            await Task.Delay(timeout, token);
            return false;
        }
        catch (TaskCanceledException)
        {
            return true;
        }
    }

    /// <summary>The first 64 shipped Fashion-MNIST test images as a raw IDX file (4 steps of 16 per epoch).</summary>
    private static string WriteSmallIdx()
    {
        string path = Path.Combine(TestCheckpoints.NewFolder("idx"), "train-images-idx3-ubyte");
        IdxImageDataSource fashion = IdxImageDataSource.Open(Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist", "t10k-images-idx3-ubyte.gz"));
        using var file = new BinaryWriter(File.Create(path));
        foreach (int header in new[] { 0x00000803, 64, 28, 28 })
        {
            file.Write(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(header)); // IDX is big-endian
        }

        var pixels = new float[28 * 28];
        for (int i = 0; i < 64; i++)
        {
            fashion.CopyImage(i, pixels);
            file.Write(pixels.Select(p => (byte)Math.Clamp(MathF.Round((p + 1) * 127.5f), 0, 255)).ToArray());
        }

        return path;
    }
}

// Hosted training from configuration: trains on its own thread, reports through ILogger and the "Dcgan" meter,
// checkpoints when the host stops, resumes on the next start, and refuses bad settings at start naming their keys.
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;
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
    public async Task A_new_run_with_nothing_configured_uses_the_quick_start_profile_like_dcgan_train()
    {
        string output = TestCheckpoints.NewFolder("hosted-quick-start");
        Dictionary<string, string?> settings = Settings(output, epochs: 1);
        settings.Remove("Dcgan:Training:GeneratorWidth");
        settings.Remove("Dcgan:Training:DiscriminatorWidth");
        settings.Remove("Dcgan:Training:Trainer:BatchSize");
        await TrainUntilDone(settings, new ListLogger());

        TrainingResume run = TrainingResume.Open(output);
        (run.Architecture!.GeneratorWidth, run.Architecture.DiscriminatorWidth).Should().Be((32, 32));
        (run.Architecture.KernelSize, run.Architecture.Projection).Should().Be((5, LatentProjection.Dense), "the rest is the paper preset");
        GanTrainerOptions trainer = run.TrainerOptions();
        (trainer.BatchSize, trainer.GeneratorLearningRate, trainer.DiscriminatorLearningRate).Should().Be((64, 5e-4, 5e-4));
        (trainer.BatchSize, trainer.GeneratorLearningRate).Should().Be((TrainingProfile.QuickStart.BatchSize, TrainingProfile.QuickStart.LearningRate));
    }

    [Fact]
    public async Task The_paper_profile_has_the_papers_widths_and_rates_and_configured_keys_override_it()
    {
        string output = TestCheckpoints.NewFolder("hosted-paper");
        Dictionary<string, string?> settings = Settings(output, epochs: 1); // Trainer:BatchSize 16 stays configured
        settings["Dcgan:Training:Profile"] = "paper";
        settings.Remove("Dcgan:Training:GeneratorWidth");
        settings["Dcgan:Training:DiscriminatorWidth"] = "16";
        await TrainUntilDone(settings, new ListLogger());

        TrainingResume run = TrainingResume.Open(output);
        (run.Architecture!.GeneratorWidth, run.Architecture.DiscriminatorWidth).Should().Be((128, 16), "Figure 1's width, and the configured one");
        GanTrainerOptions trainer = run.TrainerOptions();
        (trainer.BatchSize, trainer.GeneratorLearningRate).Should().Be((16, 2e-4), "the configured batch, the paper's rate");
    }

    [Fact]
    public async Task An_unknown_profile_fails_the_start_naming_the_key_and_the_names()
    {
        Dictionary<string, string?> settings = Settings(TestCheckpoints.NewFolder("hosted-profile"), epochs: 1);
        settings["Dcgan:Training:Profile"] = "fast";
        using IHost host = Build(settings, new ListLogger());

        OptionsValidationException error = (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>()).Which;

        error.Failures.Should().ContainSingle().Which.Should().Be("Dcgan:Training:Profile = \"fast\": expected \"quick-start\" or \"paper\".");
    }

    // One hosted run: start, wait until training completes and stops the host, stop.
    private static async Task TrainUntilDone(Dictionary<string, string?> settings, ListLogger logs)
    {
        using IHost host = Build(settings, logs);
        await host.StartAsync();
        (await WaitFor(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping, TimeSpan.FromSeconds(60))).Should().BeTrue();
        await host.StopAsync();
    }

    [Fact]
    public async Task Resume_skips_a_corrupt_newest_checkpoint_and_continues_from_the_newest_valid_one()
    {
        string output = TestCheckpoints.NewFolder("hosted-fallback");
        var logs = new ListLogger();
        await TrainUntilDone(Settings(output, epochs: 1), logs);

        string corrupt = Path.Combine(output, CheckpointLocator.FileName(2, 8));
        File.WriteAllBytes(corrupt, [0x50, 0x4B, 3, 4, 1, 2, 3]);

        await TrainUntilDone(Settings(output, epochs: 2), logs);

        logs.Messages.Should().Contain(m => m.StartsWith($"Skipped checkpoint {corrupt}: ", StringComparison.Ordinal));
        logs.Messages.Should().Contain(m => m.StartsWith("Resuming from", StringComparison.Ordinal) && m.Contains("step 4", StringComparison.Ordinal));
        logs.Messages.Should().Contain(m => m.Contains("Training stopped (Completed) after 4 step(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resume_keeps_the_checkpoints_trainer_settings_and_warns_about_each_configured_one_it_ignores()
    {
        string output = TestCheckpoints.NewFolder("hosted-kept");
        var logs = new ListLogger();
        await TrainUntilDone(Settings(output, epochs: 1), logs);

        Dictionary<string, string?> changed = Settings(output, epochs: 2);
        changed["Dcgan:Training:Trainer:BatchSize"] = "8";                 // a new run would use these
        changed["Dcgan:Training:Trainer:GeneratorLearningRate"] = "0.001";
        await TrainUntilDone(changed, logs);

        logs.Messages.Should().Contain("Resuming keeps the checkpoint's trainer settings: Dcgan:Training:Trainer:BatchSize = 8 (the checkpoint's 16 is kept)")
            .And.Contain("Resuming keeps the checkpoint's trainer settings: Dcgan:Training:Trainer:GeneratorLearningRate = 0.001 (the checkpoint's 0.0005 is kept)");
        logs.Messages.Should().Contain(m => m.Contains("Training stopped (Completed) after 4 step(s) of this run, at step 8", StringComparison.Ordinal),
            "the second epoch ran with the checkpoint's batch of 16 (4 steps of 64 images), not 8");
        GanTrainerOptions kept = TrainingResume.Open(output).TrainerOptions();
        (kept.BatchSize, kept.GeneratorLearningRate, kept.Epochs).Should().Be((16, 5e-4, 2), "the newest checkpoint records the kept settings and the configured total");
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

    [Theory]
    [InlineData("gpu", "Unknown device 'gpu'")]
    [InlineData("cuda:7", "Device 'cuda:7' was requested but CUDA is not available")]
    public async Task A_device_that_is_not_there_fails_the_start_naming_the_key_and_value(string device, string reason)
    {
        string output = TestCheckpoints.NewFolder("hosted-device");
        Dictionary<string, string?> settings = Settings(output, epochs: 1);
        settings["Dcgan:Training:Trainer:Device"] = device;
        using IHost host = Build(settings, new ListLogger());

        OptionsValidationException error = (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>()).Which;

        error.Failures.Should().ContainSingle().Which.Should().StartWith($"Dcgan:Training:Trainer:Device = \"{device}\": {reason}");
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Should().BeEmpty("nothing starts training");
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

// HostedTrainingService: trains a GAN (DCGAN by default, or any registered network kind) inside a .NET host from configuration. Training runs on one dedicated thread
// (dispose scopes are thread-static); host shutdown (Ctrl+C, SIGTERM, StopAsync) stops it after the current step and
// writes a checkpoint, and the next start resumes from the run folder's newest checkpoint.
using System.Diagnostics.Metrics;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;
using Dcgan.Training.Callbacks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dcgan.Hosting;

/// <summary>
/// The <see cref="BackgroundService"/> added by <see cref="DcganBuilder.AddHostedTraining"/>. At start it checks the
/// data and run folder (a bad path fails the start, naming its configuration key); then it trains on its own thread.
/// On stop it asks the trainer to stop after the current step and waits for the checkpoint to be written: give the
/// host a <c>ShutdownTimeout</c> longer than one step plus a checkpoint.
/// </summary>
internal sealed partial class HostedTrainingService(
    HostedTrainingOptions options,
    string sectionPath,
    GanTrainerFactory trainers,
    NetworkBuilderRegistry builders,
    IHostApplicationLifetime lifetime,
    ILogger<HostedTrainingService> logger,
    Meter meter) : BackgroundService
{
    /// <summary>The outcome of the latest run, or null while training (for tests and health checks).</summary>
    public TrainingResult? LastResult { get; private set; }

    private TrainingPlan? _plan;

    private IImageDataSource? _openData; // opened by Prepare, ours: disposed when training ends or with the service

    /// <summary>Checks the data, the run folder and any checkpoint to resume, then starts training in the background.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _plan = Prepare(); // here, not in ExecuteAsync (which .NET 10 runs in the background): a bad path fails the start
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TrainingPlan plan = _plan ?? throw new InvalidOperationException("StartAsync prepares the run before ExecuteAsync.");
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Train(plan, stoppingToken);
                completion.SetResult();
            }
            catch (Exception e)
            {
                LogFailed(e);
                completion.SetException(e);
            }
        })
        { Name = "Dcgan hosted training", IsBackground = true };
        thread.Start();
        return completion.Task;
    }

    private TrainingPlan Prepare()
    {
        string data = Path.IsPathRooted(options.Data!) ? options.Data! : Path.Combine(AppContext.BaseDirectory, options.Data!);
        if (!File.Exists(data) && !Directory.Exists(data))
        {
            throw new InvalidOperationException(
                $"{sectionPath}:{nameof(options.Data)} = \"{options.Data}\": there is no file or folder at '{Path.GetFullPath(data)}' (expected an IDX image file, a folder with IDX files, or a folder of PNG/JPEG images).");
        }

        string output = Path.GetFullPath(options.Output!);
        TrainingResume? resume = options.Resume ? FindResume(output) : null;
        CheckpointInfo? resumed = resume?.Info;
        if (resumed is not null && resumed.Network is null)
        {
            throw new CheckpointException($"Checkpoint '{resumed.File}' records no network description; hosted training can only resume runs it can rebuild.");
        }

        NetworkDescription? configured = resumed is null ? ConfiguredNetwork() : null;
        string kind = resumed?.Network!.Kind ?? configured?.Kind ?? options.NetworkKind;
        if (!builders.Contains(kind))
        {
            throw new InvalidOperationException(
                $"{sectionPath}:{nameof(options.NetworkKind)} = \"{kind}\"{(resumed is null ? "" : $" (recorded in '{resumed.File}')")}: no network builder of that kind is registered (registered: {string.Join(", ", builders.Kinds)}); register it with DcganBuilder.AddNetworkBuilder.");
        }

        IImageDataSource source = ImageDataSources.Open(Path.GetFullPath(data), new ImageDataSourceOptions
        {
            ImageSize = options.ImageSize ?? resumed?.ImageShape.Height,
            ImageWidth = resumed is { ImageShape: var shape } && shape.Width != shape.Height ? shape.Width : null,
        });
        _openData = source;
        NetworkDescription network = resumed?.Network ?? configured ?? NewArchitecture(source.Shape);
        return new TrainingPlan(source, output, resume?.Checkpoint, network, resume?.TrainerOptions(options.Trainer) ?? options.Trainer.Clone());
    }

    /// <summary>Disposes the data source the service opened, if training has not already done so.</summary>
    public override void Dispose()
    {
        base.Dispose();
        CloseData();
    }

    private void CloseData() => Interlocked.Exchange(ref _openData, null)?.Dispose();

    // The configured description; null for "dcgan" without one (the preset at the data's size, known once it is open).
    private NetworkDescription? ConfiguredNetwork() =>
        options.NetworkDescription is null ? null : new NetworkDescription(options.NetworkKind, options.NetworkDescription);

    private void Train(TrainingPlan plan, CancellationToken stoppingToken)
    {
        try
        {
            TrainOpened(plan, stoppingToken);
        }
        finally
        {
            CloseData(); // the data source holds files (LMDB): released as soon as training ends
        }
    }

    private void TrainOpened(TrainingPlan plan, CancellationToken stoppingToken)
    {
        var telemetry = new TrainingTelemetry(meter, logger, options.LogEverySteps, plan.Options.BatchSize);
        var checkpoints = new CheckpointCallback(plan.Output, options.CheckpointEveryEpochs, options.KeepCheckpoints);
        List<GanCallback> callbacks = [telemetry];
        if (options.SampleGrids)
        {
            callbacks.Add(new SampleGridCallback(plan.Output));
        }

        callbacks.Add(checkpoints); // last: it saves after the other end-of-epoch callbacks, and on an early stop
        using (GanNetworks networks = builders.Build(plan.Network, plan.Options.Seed))
        using (GanTrainer trainer = trainers.Create(networks, plan.Data, plan.Options, callbacks))
        {
            if (plan.Resume is not null)
            {
                trainer.LoadCheckpoint(plan.Resume);
                LogResuming(plan.Resume, trainer.Position.Epoch + 1, trainer.Position.GlobalStep);
            }

            LogStarting(plan.Data.Description, plan.Data.Count, plan.Data.Shape.ToString(), plan.Output, plan.Options.Epochs, trainer.BatchesPerEpoch, trainer.Device.ToString());
            TrainingResult result = trainer.Fit(stoppingToken);
            LastResult = result;
            LogStopped(result.Outcome.ToString(), result.StepsTrained, result.Position.GlobalStep, checkpoints.LastWritten ?? "none");
            if (result.Outcome == TrainingOutcome.Completed && options.StopHostWhenDone)
            {
                lifetime.StopApplication();
            }
        }
    }

    // The preset gives projection, kernels and prior; the widths come from the options, else from the profile
    // (quick-start: 32; paper: the preset's own, Figure 1's 128 for the paper preset). Non-square data gives a
    // non-square architecture.
    private NetworkDescription NewArchitecture(ImageShape shape)
    {
        DcganModelOptions architecture = TrainingProfile.Parse(options.Profile).Architecture(options.Preset == ArchitecturePreset.Paper
            ? DcganModelOptions.Paper(shape.Height, shape.Channels)
            : DcganModelOptions.PyTorchExample(shape.Height, shape.Channels));
        architecture.ImageWidth = shape.Width == shape.Height ? null : shape.Width;
        architecture.GeneratorWidth = options.GeneratorWidth ?? architecture.GeneratorWidth;
        architecture.DiscriminatorWidth = options.DiscriminatorWidth ?? architecture.DiscriminatorWidth;
        return new DcganNetworkBuilder().Describe(architecture);
    }

    // The run to continue in the run folder (TrainingResume: the newest checkpoint that verifies, the checkpoint's
    // trainer settings kept), each newer checkpoint skipped and each configured trainer setting that is not used
    // logged as a warning; null when the folder holds no checkpoint yet (a new run).
    private TrainingResume? FindResume(string output)
    {
        TrainingResume? resume = TrainingResume.FindInRunFolder(output);
        foreach (SkippedCheckpoint skipped in resume?.Skipped ?? [])
        {
            LogSkippedCheckpoint(skipped.File, skipped.Reason);
        }

        foreach (string ignored in resume?.IgnoredSettings(options.Trainer) ?? [])
        {
            LogIgnoredSetting($"{sectionPath}:{nameof(options.Trainer)}:{ignored}");
        }

        return resume;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped checkpoint {Checkpoint}: {Reason}")]
    private partial void LogSkippedCheckpoint(string checkpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming keeps the checkpoint's trainer settings: {Setting}")]
    private partial void LogIgnoredSetting(string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming from {Checkpoint} at epoch {Epoch}, step {Step}")]
    private partial void LogResuming(string checkpoint, int epoch, long step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training on {Data} ({Count} images of {Shape}) into {Output}: {Epochs} epoch(s) of {Batches} batches on {Device}")]
    private partial void LogStarting(string data, int count, string shape, string output, int epochs, int batches, string device);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training stopped ({Outcome}) after {Steps} step(s) of this run, at step {GlobalStep}; last checkpoint: {Checkpoint}")]
    private partial void LogStopped(string outcome, long steps, long globalStep, string checkpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hosted training failed")]
    private partial void LogFailed(Exception error);

    private sealed record TrainingPlan(IImageDataSource Data, string Output, string? Resume, NetworkDescription Network, GanTrainerOptions Options);
}

// TrainingTelemetry: the hosted trainer's metrics ("Dcgan" meter) and progress log lines, fed by a callback.
using System.Diagnostics.Metrics;
using Dcgan.Training;
using Microsoft.Extensions.Logging;

namespace Dcgan.Hosting;

/// <summary>
/// A callback that records every step in the "Dcgan" meter (<see cref="DcganMetrics"/>) and logs a progress line every
/// <c>logEvery</c> steps. Runs on the training thread; it only reads the managed step arguments.
/// </summary>
internal sealed partial class TrainingTelemetry : GanCallback
{
    private static readonly KeyValuePair<string, object?> Discriminator = new("network", "discriminator");
    private static readonly KeyValuePair<string, object?> Generator = new("network", "generator");
    private readonly ILogger _logger;
    private readonly int _logEvery;
    private readonly int _batchSize;
    private readonly Counter<long> _steps;
    private readonly Counter<long> _images;
    private readonly Histogram<double> _loss;
    private double _imagesPerSecond;

    public TrainingTelemetry(Meter meter, ILogger logger, int logEvery, int batchSize)
    {
        _logger = logger;
        _logEvery = logEvery;
        _batchSize = batchSize;
        _steps = meter.CreateCounter<long>(DcganMetrics.TrainingSteps, "{step}", "Training steps of hosted training.");
        _images = meter.CreateCounter<long>(DcganMetrics.TrainingImages, "{image}", "Real images trained on by hosted training.");
        _loss = meter.CreateHistogram<double>(DcganMetrics.TrainingLoss, null, "Loss of each training step, by network.");
        meter.CreateObservableGauge(DcganMetrics.TrainingImagesPerSecond, () => Volatile.Read(ref _imagesPerSecond), "{image}/s",
            "Real images per second of the current training run.");
    }

    public override void OnBatchEnd(GanStepArguments arguments)
    {
        _steps.Add(1);
        _images.Add(_batchSize);
        _loss.Record(arguments.Losses.DiscriminatorLoss, Discriminator);
        _loss.Record(arguments.Losses.GeneratorLoss, Generator);
        Volatile.Write(ref _imagesPerSecond, arguments.ImagesPerSecond);
        if (arguments.Position.GlobalStep % _logEvery == 0)
        {
            LogStep(arguments.Position.GlobalStep, arguments.Position.Epoch + 1, arguments.Losses.DiscriminatorLoss,
                arguments.Losses.GeneratorLoss, arguments.Losses.RealScore, arguments.Losses.FakeScore, arguments.ImagesPerSecond);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Step {Step} (epoch {Epoch}): loss D {LossD:F4}, loss G {LossG:F4}, D(x) {RealScore:F3}, D(G(z)) {FakeScore:F3}, {ImagesPerSecond:F0} images/s")]
    private partial void LogStep(long step, int epoch, double lossD, double lossG, double realScore, double fakeScore, double imagesPerSecond);
}

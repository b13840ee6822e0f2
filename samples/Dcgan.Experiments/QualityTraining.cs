// Trains one quality candidate with one seed for a step budget and scores its samples with the frozen evaluation
// classifier: shared by `time-to-quality` (equal time) and `equal-steps` (equal steps).
using System.Diagnostics;
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Training;
using TorchSharp;

namespace Dcgan.Experiments;

internal static class QualityTraining
{
    /// <summary>Trains <paramref name="candidate"/> with <paramref name="seed"/> for <paramref name="steps"/> steps and scores <paramref name="samples"/> samples (running batch-norm statistics).</summary>
    public static QualityRun TrainAndScore(QualityCandidate candidate, long seed, int steps, int samples, IImageDataSource train, EvaluationClassifier classifier, SampleQuality quality, CancellationToken cancellation)
    {
        var losses = new List<StepLosses>();
        (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(candidate.Architecture(), seed);
        using (generator)
        using (discriminator)
        using (var trainer = new GanTrainer(generator, discriminator, train, new GanTrainerSetup { Options = candidate.TrainerOptions(seed), Callbacks = [new StepRecorder(losses, steps)] }))
        {
            var clock = Stopwatch.StartNew();
            trainer.Fit(cancellationToken: cancellation);
            cancellation.ThrowIfCancellationRequested(); // a cancelled Fit returns; the variant is not scored
            double seconds = clock.Elapsed.TotalSeconds;
            using var rng = new torch.Generator(unchecked((ulong)seed), torch.CPU);          // one stream, as `evaluate` draws it
            float[][] z = LatentNoise.SampleRows(samples, generator.LatentDimension, generator.LatentDistribution, rng);
            using IDisposable? average = trainer.HasGeneratorAverage ? trainer.UseGeneratorAverage() : null; // sample the average when kept
            ImageBatch images = classifier.FitInput(generator.Render(z, BatchNormMode.RunningStatistics)); // 32x32 -> 28x28
            return new QualityRun(candidate, seed, losses.Count, seconds, losses.Count * candidate.BatchSize / seconds, quality.Evaluate(images, cancellation));
        }
    }
}

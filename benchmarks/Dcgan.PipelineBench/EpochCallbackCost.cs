// What `dcgan train` adds at the end of every epoch, timed apart: its checkpoint (CheckpointCallback) and its sample
// grid (SampleGridCallback) for the 64x64x3 preset. With 400 images at batch 128 an epoch is 3 steps, so these run every
// 3 steps; this measures them against the step time of the same run.
using System.Diagnostics;
using Dcgan.Benchmarks;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Training;
using Dcgan.Training.Callbacks;

namespace Dcgan.PipelineBench;

/// <summary>Trains <c>epochs</c> short epochs with the CLI's two per-epoch callbacks and prints the time of each call.</summary>
internal static class EpochCallbackCost
{
    public static void Measure(IImageDataSource data, int batch, int epochs)
    {
        string folder = Directory.CreateTempSubdirectory("dcgan-pipeline-bench-run-").FullName;
        try
        {
            (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(DcganModelOptions.PyTorchExample(64, 3), seed: 1);
            var checkpoint = new Timed(new CheckpointCallback(folder));
            var grid = new Timed(new SampleGridCallback(folder));
            var steps = new Timed(null);
            var options = new GanTrainerOptions { Epochs = epochs, BatchSize = batch, Seed = 1, Device = "cpu" };
            using (generator)
            using (discriminator)
            using (var trainer = new GanTrainer(generator, discriminator, data, new GanTrainerSetup { Options = options, Callbacks = [steps, grid, checkpoint] }))
            {
                TrainingResult result = trainer.Fit();
                Console.WriteLine($"per-epoch callbacks of `dcgan train` ({data.Count} images, {trainer.BatchesPerEpoch} steps per epoch, {epochs} epochs, load {MachineInfo.LoadAverage()}): " +
                    $"step {steps.StepSeconds.Average():F2} s on average; sample grid {string.Join(", ", grid.EpochEndSeconds.Select(s => s.ToString("F2")))} s; " +
                    $"checkpoint {string.Join(", ", checkpoint.EpochEndSeconds.Select(s => s.ToString("F2")))} s per epoch end " +
                    $"({result.StepsTrained} steps in {result.Elapsed.TotalSeconds:F1} s)");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Times an inner callback's OnEpochEnd; with no inner callback, times the steps (batch start to batch end).
    private sealed class Timed(GanCallback? inner) : GanCallback
    {
        private long _batchStart;

        public List<double> EpochEndSeconds { get; } = [];

        public List<double> StepSeconds { get; } = [];

        public override void OnBatchStart(GanCallbackArguments arguments) => _batchStart = Stopwatch.GetTimestamp();

        public override void OnBatchEnd(GanStepArguments arguments) => StepSeconds.Add(Stopwatch.GetElapsedTime(_batchStart).TotalSeconds);

        public override void OnEpochEnd(GanEpochArguments arguments)
        {
            if (inner is null)
            {
                return;
            }

            long start = Stopwatch.GetTimestamp();
            inner.OnEpochEnd(arguments);
            EpochEndSeconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }
}

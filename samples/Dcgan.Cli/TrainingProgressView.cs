// Runs GanTrainer.Fit on the calling thread with a live progress bar (losses, images/s) when the terminal is
// interactive, or a line every few seconds when it is not; Ctrl+C, SIGTERM or the caller's cancellation token asks the
// trainer to stop at the next step.
using System.Runtime.InteropServices;
using Dcgan.Training;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class TrainingProgressView
{
    public static TrainingResult Run(GanTrainer trainer, int epochs, CancellationToken cancellation = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // keep the process alive: the trainer stops at the next step and a checkpoint is saved
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        // SIGTERM (a service manager, `timeout`, `kill`) gets the same treatment as Ctrl+C.
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            long totalSteps = (long)epochs * trainer.BatchesPerEpoch;
            if (!AnsiConsole.Profile.Capabilities.Interactive)
            {
                var lastPrint = DateTime.UtcNow;
                return trainer.Fit(stop.Token, new InlineProgress(p =>
                {
                    if ((DateTime.UtcNow - lastPrint).TotalSeconds >= 10 || p.Position.GlobalStep == totalSteps)
                    {
                        lastPrint = DateTime.UtcNow;
                        Console.WriteLine(Describe(p, totalSteps));
                    }
                }));
            }

            TrainingResult? result = null;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    ProgressTask task = context.AddTask("training", maxValue: totalSteps);
                    task.Value = trainer.Position.GlobalStep;
                    result = trainer.Fit(stop.Token, new InlineProgress(p =>
                    {
                        task.Value = p.Position.GlobalStep;
                        task.Description = Markup.Escape(Describe(p, totalSteps));
                    }));
                });
            return result!;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static string Describe(TrainingProgress p, long totalSteps) =>
        $"epoch {p.Position.Epoch + 1}/{p.TotalEpochs} step {p.Position.GlobalStep}/{totalSteps}  loss D {p.Losses.DiscriminatorLoss:F3} G {p.Losses.GeneratorLoss:F3}  D(x) {p.Losses.RealScore:F2} D(G(z)) {p.Losses.FakeScore:F2}  {p.ImagesPerSecond:F0} img/s";

    /// <summary>Reports synchronously on the training thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class InlineProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}

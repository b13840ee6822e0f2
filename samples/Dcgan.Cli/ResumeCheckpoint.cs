// `train --resume`: the newest checkpoint of a run folder that verifies completely; each newer one that does not is
// named with the reason it was skipped (a crash or a full disk mid-write, a corrupt copy), instead of failing the run.
using Dcgan.Persistence;
using Dcgan.Training;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class ResumeCheckpoint
{
    /// <summary>The run to resume (the library's one meaning, TrainingResume); prints every newer checkpoint it skipped and why.</summary>
    /// <param name="path">A run folder or a checkpoint file (checked alone).</param>
    /// <exception cref="CheckpointException">No valid checkpoint is there (the message lists each problem).</exception>
    public static TrainingResume Find(string path)
    {
        TrainingResume found = TrainingResume.Open(path);
        foreach (SkippedCheckpoint skipped in found.Skipped)
        {
            AnsiConsole.MarkupLine($"[yellow]skipped[/] {Markup.Escape(skipped.File)}: {Markup.Escape(skipped.Reason)}");
        }

        return found;
    }
}

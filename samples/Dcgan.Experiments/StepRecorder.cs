// A trainer callback for experiments: keeps every step's losses and stops the trainer after a step budget.
using Dcgan.Training;

namespace Dcgan.Experiments;

/// <summary>Keeps every step's losses and stops the trainer once <paramref name="steps"/> steps have run.</summary>
internal sealed class StepRecorder(List<StepLosses> losses, int steps) : GanCallback
{
    public override void OnBatchEnd(GanStepArguments arguments)
    {
        losses.Add(arguments.Losses);
        if (losses.Count >= steps)
        {
            arguments.Trainer.RequestStop();
        }
    }
}

// A callback that asks the trainer to stop once a step budget is spent (how the library run does K steps).
using Dcgan.Training;

namespace Dcgan.Benchmarks;

/// <summary>Calls <see cref="GanTrainer.RequestStop"/> after <see cref="Budget"/> batches of the current Fit call.</summary>
internal sealed class StopAfterSteps : GanCallback
{
    private int _done;

    /// <summary>Steps the next Fit call may run.</summary>
    public int Budget { get; private set; }

    /// <summary>Steps the last Fit call ran.</summary>
    public int Done => _done;

    /// <summary>Arms the callback for a Fit call of <paramref name="steps"/> steps.</summary>
    public void Arm(int steps)
    {
        Budget = steps;
        _done = 0;
    }

    public override void OnBatchEnd(GanStepArguments arguments)
    {
        if (++_done >= Budget)
        {
            arguments.Trainer.RequestStop();
        }
    }
}

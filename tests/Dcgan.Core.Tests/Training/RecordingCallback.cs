using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

internal sealed class RecordingCallback : GanCallback
{
    public List<string> Events { get; } = [];

    public List<StepLosses> Losses { get; } = [];

    public override void OnTrainStart(GanCallbackArguments arguments) => Events.Add("TrainStart");

    public override void OnEpochStart(GanCallbackArguments arguments) => Events.Add("EpochStart");

    public override void OnBatchStart(GanCallbackArguments arguments) => Events.Add("BatchStart");

    public override void OnDiscriminatorStepEnd(GanStepArguments arguments) => Events.Add("DStep");

    public override void OnGeneratorStepEnd(GanStepArguments arguments) => Events.Add("GStep");

    public override void OnBatchEnd(GanStepArguments arguments)
    {
        Events.Add("BatchEnd");
        Losses.Add(arguments.Losses);
    }

    public override void OnEpochEnd(GanEpochArguments arguments) => Events.Add("EpochEnd");

    public override void OnTrainEnd(GanTrainEndArguments arguments) => Events.Add("TrainEnd");
}

internal sealed class LambdaCallback(Action<GanStepArguments>? onBatchEnd = null, Action<GanStepArguments>? onDiscriminatorStepEnd = null) : GanCallback
{
    public override void OnDiscriminatorStepEnd(GanStepArguments arguments) => onDiscriminatorStepEnd?.Invoke(arguments);

    public override void OnBatchEnd(GanStepArguments arguments) => onBatchEnd?.Invoke(arguments);
}

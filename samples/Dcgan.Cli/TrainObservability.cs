// `dcgan train`'s observability: the loss plot every run gets, the TensorBoard options, and the callbacks they add.
using System.CommandLine;
using Dcgan.CommandLine;
using Dcgan.Training;
using Dcgan.Training.Callbacks;

namespace Dcgan.Cli;

internal static class TrainObservability
{
    public static readonly Option<string?> TensorBoard = new("--tensorboard")
    {
        Description = "Also write TensorBoard event files to this folder: losses, D(x), D(G(z)) and images/s (every --tensorboard-every steps) and the fixed-noise grid every epoch. Default: off.",
    };

    public static readonly Option<int> TensorBoardEvery = CreateTensorBoardEvery();

    /// <summary>The options to add to the train command.</summary>
    public static Option[] Options => [TensorBoard, TensorBoardEvery];

    /// <summary>
    /// The loss plot (losses.png, redrawn every epoch) and the callbacks the options ask for; register them after the
    /// loss log and before the checkpoint callback.
    /// </summary>
    public static IEnumerable<GanCallback> Callbacks(ParseResult parse, string output)
    {
        yield return new LossPlotCallback(output);
        if (parse.GetValue(TensorBoard) is { } folder)
        {
            yield return new TensorBoardCallback(folder, parse.GetValue(TensorBoardEvery));
        }
    }

    private static Option<int> CreateTensorBoardEvery()
    {
        var option = new Option<int>("--tensorboard-every")
        {
            Description = "Write the TensorBoard scalars at every Nth step (1 = every step).",
            DefaultValueFactory = _ => 1,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"--tensorboard-every must be 1 or more (a number of steps); got {result.GetValueOrDefault<int>()}.");
            }
        });
        return option;
    }
}

// LossPlotCallback: redraws the run's losses.png (LossCurvePlot) at the end of every epoch.
using Dcgan.Training;

namespace Dcgan.CommandLine;

/// <summary>
/// Redraws <c>losses.png</c> from <c>losses.csv</c> in <paramref name="runFolder"/> at the end of every epoch; register
/// it after the <c>LossLogCallback</c> that writes the CSV.
/// </summary>
/// <param name="runFolder">The run folder.</param>
public sealed class LossPlotCallback(string runFolder) : GanCallback
{
    /// <summary>The PNG written last, or null.</summary>
    public string? LastWritten { get; private set; }

    /// <inheritdoc />
    public override void OnEpochEnd(GanEpochArguments arguments) => LastWritten = LossCurvePlot.Save(runFolder);
}

// `dcgan plot`: draws the loss curves of an existing run folder (losses.csv -> losses.png).
using System.CommandLine;
using Dcgan.CommandLine;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class PlotCommand
{
    private static readonly Option<string> Run = new("--run") { Description = "The run folder (holds losses.csv).", Required = true };

    private static readonly Option<string?> Output = new("--output") { Description = "The PNG to write. Default: losses.png in the run folder." };

    public static Command Create()
    {
        var command = new Command("plot", "Draw a run's loss curves (D and G losses, D(x), D(G(z))) from its losses.csv into a PNG.") { Run, Output };
        command.SetAction(parse =>
        {
            string written = LossCurvePlot.Save(parse.GetValue(Run)!, parse.GetValue(Output));
            AnsiConsole.MarkupLine($"Loss plot: [blue]{Markup.Escape(written)}[/]");
            return 0;
        });
        return command;
    }
}

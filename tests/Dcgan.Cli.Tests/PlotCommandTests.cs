// The loss plot (losses.png): its text is really drawn (fonts found through fontconfig), it follows the data, bad
// CSVs and outputs are refused, and `dcgan plot --run` draws an existing run.
using Dcgan.CommandLine;
using SkiaSharp;

namespace Dcgan.Cli.Tests;

public sealed class PlotCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dcgan-cli-plot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_title_is_drawn_text_so_changing_it_changes_the_top_band_only()
    {
        var data = LossCurvePlot.Read(WriteCsv(_folder, steps: 20, seed: 1));

        using SKBitmap a = SKBitmap.Decode(LossCurvePlot.Render(data, "Training losses: run-a"));
        using SKBitmap b = SKBitmap.Decode(LossCurvePlot.Render(data, "Training losses: a much longer title WWWWWWWW"));
        using SKBitmap again = SKBitmap.Decode(LossCurvePlot.Render(data, "Training losses: run-a"));

        (a.Width, a.Height).Should().Be((900, 500));
        again.Pixels.Should().Equal(a.Pixels, "rendering is deterministic");
        int differingTop = CountDiffering(a, b, 0, 40);
        differingTop.Should().BeGreaterThan(100, "the title's glyphs differ, so text is drawn (it silently vanishes without fontconfig)");
        CountDiffering(a, b, 60, a.Height).Should().Be(0, "the rest of the chart does not depend on the title");
    }

    [Fact]
    public void The_curves_follow_the_data()
    {
        using SKBitmap a = SKBitmap.Decode(LossCurvePlot.Render(LossCurvePlot.Read(WriteCsv(Path.Combine(_folder, "a"), steps: 20, seed: 1)), "t"));
        using SKBitmap b = SKBitmap.Decode(LossCurvePlot.Render(LossCurvePlot.Read(WriteCsv(Path.Combine(_folder, "b"), steps: 20, seed: 2)), "t"));

        CountDiffering(a, b, 60, a.Height).Should().BeGreaterThan(100);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_refused_naming_the_line()
    {
        string csv = WriteCsv(_folder, steps: 3, seed: 1);
        File.AppendAllText(csv, "0,3,4,oops,1,0.5,0.5,10\n");

        var act = () => LossCurvePlot.Read(csv);

        act.Should().Throw<InvalidDataException>().WithMessage("*line 5: column 4 is 'oops'; expected a number.");
    }

    [Fact]
    public void Plot_command_draws_a_run_and_refuses_a_folder_without_a_log_or_a_non_png_output()
    {
        WriteCsv(_folder, steps: 10, seed: 3);

        ToolRunner.Dcgan("plot", "--run", _folder).ExitCode.Should().Be(0);
        using (SKBitmap png = SKBitmap.Decode(Path.Combine(_folder, "losses.png")))
        {
            (png.Width, png.Height).Should().Be((900, 500));
        }

        (int exit, string errors) = ToolRunner.Dcgan("plot", "--run", Path.Combine(_folder, "nothing-here"));
        exit.Should().Be(2);
        errors.Should().Contain("has no losses.csv");
        (exit, errors) = ToolRunner.Dcgan("plot", "--run", _folder, "--output", Path.Combine(_folder, "x.jpg"));
        exit.Should().Be(2);
        errors.Should().Contain("must be a .png file");
    }

    // A losses.csv like LossLogCallback writes, with random values.
    internal static string WriteCsv(string folder, int steps, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var lines = new List<string> { "epoch,batch,step,loss_d,loss_g,d_real,d_fake,images_per_second" };
        for (int s = 1; s <= steps; s++)
        {
            lines.Add(FormattableString.Invariant($"0,{s - 1},{s},{1 + random.NextDouble():F4},{2 * random.NextDouble():F4},{random.NextDouble():F4},{random.NextDouble():F4},50.0"));
        }

        string path = Path.Combine(folder, "losses.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static int CountDiffering(SKBitmap a, SKBitmap b, int fromRow, int toRow)
    {
        int count = 0;
        for (int y = fromRow; y < toRow; y++)
        {
            for (int x = 0; x < a.Width; x++)
            {
                count += a.GetPixel(x, y) != b.GetPixel(x, y) ? 1 : 0;
            }
        }

        return count;
    }
}

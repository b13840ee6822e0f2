// LossCurvePlot: a run's losses.csv drawn as a line chart (losses.png) with ScottPlot: D and G losses, D(x), D(G(z)).
using System.Globalization;
using Dcgan.Imaging;
using ScottPlot;
using SkiaSharp;

namespace Dcgan.CommandLine;

/// <summary>Draws the loss curves of a run folder's <c>losses.csv</c> (written by <c>LossLogCallback</c>) into a PNG.</summary>
public static class LossCurvePlot
{
    /// <summary>The PNG's file name in a run folder.</summary>
    public const string FileName = "losses.png";

    /// <summary>The CSV's file name in a run folder.</summary>
    public const string CsvFileName = "losses.csv";

    /// <summary>The font family of every text on the chart (Debian: fonts-dejavu-core).</summary>
    public const string FontFamily = "DejaVu Sans";

    private static readonly (string Column, string Legend)[] Series =
    [
        ("loss_d", "D loss"), ("loss_g", "G loss"), ("d_real", "D(x)"), ("d_fake", "D(G(z))"),
    ];

    /// <summary>Reads <c>losses.csv</c> in <paramref name="runFolder"/> and writes <c>losses.png</c> next to it (atomically).</summary>
    /// <param name="runFolder">The run folder.</param>
    /// <param name="output">The PNG to write; the default (null) is <c>losses.png</c> in the run folder.</param>
    /// <returns>The PNG's full path.</returns>
    /// <exception cref="ArgumentException">The output does not end in .png.</exception>
    /// <exception cref="FileNotFoundException">The run folder has no <c>losses.csv</c>.</exception>
    /// <exception cref="InvalidDataException">The CSV lacks a column or has a value that is not a number (the message names the line).</exception>
    /// <exception cref="FontUnavailableException">The chart's font is not installed, so its text would vanish.</exception>
    public static string Save(string runFolder, string? output = null)
    {
        string csv = Path.GetFullPath(Path.Combine(runFolder, CsvFileName));
        if (!File.Exists(csv))
        {
            throw new FileNotFoundException($"Run folder '{Path.GetFullPath(runFolder)}' has no {CsvFileName}; expected the folder of a `dcgan train` run.", csv);
        }

        string png = Path.GetFullPath(output ?? Path.Combine(runFolder, FileName));
        if (!png.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Plot output '{png}' must be a .png file.", nameof(output));
        }

        byte[] bytes = Render(Read(csv), $"Training losses: {Path.GetFileName(Path.GetFullPath(runFolder).TrimEnd(Path.DirectorySeparatorChar))}");
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        File.WriteAllBytes(png + ".tmp", bytes);
        File.Move(png + ".tmp", png, overwrite: true);
        return png;
    }

    /// <summary>The step column and the four series (D loss, G loss, D(x), D(G(z))) of a losses.csv, found by column name.</summary>
    /// <param name="csv">The CSV file.</param>
    /// <returns>One step per data row and, per series, one value per row.</returns>
    /// <exception cref="InvalidDataException">A column is missing or a value is not a number (the message names the line).</exception>
    public static (double[] Steps, double[][] Values) Read(string csv)
    {
        string[] lines = File.ReadAllLines(csv);
        string[] header = lines.Length > 0 ? lines[0].Split(',') : [];
        int step = Column(header, "step", csv);
        int[] columns = Series.Select(s => Column(header, s.Column, csv)).ToArray();
        var steps = new List<double>();
        var values = Series.Select(_ => new List<double>()).ToArray();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            string[] fields = lines[i].Split(',');
            steps.Add(Number(fields, step, csv, i));
            for (int s = 0; s < columns.Length; s++)
            {
                values[s].Add(Number(fields, columns[s], csv, i));
            }
        }

        return (steps.ToArray(), values.Select(v => v.ToArray()).ToArray());
    }

    /// <summary>The chart of <paramref name="data"/> (from <see cref="Read"/>) as PNG bytes.</summary>
    /// <param name="data">Steps and the four series.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="width">Width in pixels; the default is 900.</param>
    /// <param name="height">Height in pixels; the default is 500.</param>
    /// <returns>The PNG file's bytes.</returns>
    /// <exception cref="FontUnavailableException">The chart's font is not installed.</exception>
    public static byte[] Render((double[] Steps, double[][] Values) data, string title, int width = 900, int height = 500)
    {
        ThrowIfFontMissing();
        var plot = new Plot();
        plot.Font.Set(FontFamily);
        for (int s = 0; s < Series.Length; s++)
        {
            var line = plot.Add.ScatterLine(data.Steps, data.Values[s]);
            line.LegendText = Series[s].Legend;
            line.LineWidth = 1.5f;
        }

        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel("loss / probability");
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    // Text must never vanish silently (SkiaSharp's NoDependencies natives, or no fonts): refuse instead.
    private static void ThrowIfFontMissing()
    {
        using SKTypeface? typeface = SKTypeface.FromFamilyName(FontFamily);
        if (typeface is null || typeface.GlyphCount == 0 || !string.Equals(typeface.FamilyName, FontFamily, StringComparison.OrdinalIgnoreCase))
        {
            throw new FontUnavailableException(
                $"Font family '{FontFamily}' is not available (the font manager returned '{typeface?.FamilyName}'), so the loss plot's text would vanish. " +
                "Install it (Debian: apt-get install fonts-dejavu-core) and use SkiaSharp.NativeAssets.Linux (with fontconfig).");
        }
    }

    private static int Column(string[] header, string name, string csv)
    {
        int index = Array.IndexOf(header, name);
        return index >= 0
            ? index
            : throw new InvalidDataException($"'{csv}' has no '{name}' column in its header line; expected {string.Join(",", header.Length == 0 ? ["(empty file)"] : header)} to include it.");
    }

    private static double Number(string[] fields, int column, string csv, int line) =>
        column < fields.Length && double.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new InvalidDataException($"'{csv}' line {line + 1}: column {column + 1} is '{(column < fields.Length ? fields[column] : "missing")}'; expected a number.");
}

// `dcgan arithmetic`: vector arithmetic on averaged exemplars (paper section 6.3.2). Exemplars are tile indices of
// the indexed grid made by `dcgan sample --indexed --seed S --count N --output grid.png`; --add/--subtract may
// repeat and are applied in command-line order, e.g. --add 3,17,42 --subtract 5,8,9 --add 11,12,13.
using Dcgan.Data;
using System.CommandLine;
using System.CommandLine.Parsing;
using Dcgan.CommandLine;
using Dcgan.Imaging;
using Dcgan.Latent;
using Dcgan.Models;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class ArithmeticCommand
{
    private static readonly Option<string> Checkpoint = CheckpointSupport.Option();

    private static readonly Option<string> Output = LatentCommandSupport.OutputOption("arithmetic");

    private static readonly Option<long> GridSeed = new("--grid-seed") { Description = "--seed of the `dcgan sample --indexed` grid the indices refer to.", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> GridCount = new("--grid-count") { Description = "--count of the `dcgan sample --indexed` grid the indices refer to.", DefaultValueFactory = _ => 64 };

    private static readonly Option<string[]> Add = new("--add") { Description = "Comma-separated tile indices of a concept to add (the paper averages 3). Repeatable; order matters." };

    private static readonly Option<string[]> Subtract = new("--subtract") { Description = "Comma-separated tile indices of a concept to subtract. Repeatable; order matters." };

    private static readonly Option<int> Neighbours = new("--neighbours") { Description = "Neighbours of the result to show (result + uniform noise in [-r, r]).", DefaultValueFactory = _ => 8 };

    private static readonly Option<float> Radius = new("--radius") { Description = "Jitter radius r of the neighbours.", DefaultValueFactory = _ => LatentNeighbours.DefaultRadius };

    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the neighbours' noise.", DefaultValueFactory = _ => 1 };

    private static readonly Option<int?> Scale = LatentCommandSupport.ScaleOption();

    public static Command Create()
    {
        var command = new Command("arithmetic", "Latent vector arithmetic on averaged exemplars picked from an indexed grid.")
        {
            Checkpoint, Output, GridSeed, GridCount, Add, Subtract, Neighbours, Radius, Seed, Scale,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        List<(int Sign, int[] Indices)> terms = Terms(parse);
        int neighbours = parse.GetValue(Neighbours);
        if (neighbours is < 0 or > 256)
        {
            throw new ArgumentException($"--neighbours {neighbours} is out of range: expected 0 to 256.");
        }

        int gridCount = parse.GetValue(GridCount);
        if (gridCount is < 1 or > 4096)
        {
            throw new ArgumentException($"--grid-count {gridCount} is out of range: expected 1 to 4096.");
        }

        string folder = LatentCommandSupport.OutputFolder(parse, Output);
        (DcganGenerator generator, _, _) = CheckpointSupport.LoadGenerator(parse, Checkpoint);
        using (generator)
        {
            var grid = IndexedLatentGrid.For(generator, parse.GetValue(GridSeed), gridCount);
            LatentExpression expression = LatentExpression.Empty;
            var rows = new List<ImageBatch>();
            var labels = new List<int>();
            foreach ((int sign, int[] indices) in terms)
            {
                LatentConcept concept = grid.Concept(indices, "[" + string.Join(",", indices) + "]");
                expression = sign > 0 ? expression.Add(concept) : expression.Subtract(concept);
                rows.Add(generator.Render([.. concept.Exemplars, concept.Mean])); // exemplars, then their average
            }

            float[] result = expression.Evaluate();
            float[][] resultRow = neighbours == 0
                ? [result]
                : [result, .. LatentNeighbours.Jitter(result, neighbours, parse.GetValue(Seed), parse.GetValue(Radius))];
            ImageBatch resultImages = generator.Render(resultRow);
            rows.Add(resultImages);

            string overview = Path.Combine(folder, "arithmetic.png");
            ImageRows.SaveStrip(rows, overview);
            LatentCommandSupport.Wrote(
                $"{terms.Count} concept rows (exemplars, then their average) and a result row (result, then {neighbours} neighbours)", overview);
            string resultPath = Path.Combine(folder, "result.png");
            IndexedGridImage.SavePng(resultImages, resultPath, columns: resultImages.Count,
                scale: LatentCommandSupport.Scale(parse, Scale, resultImages.Shape));
            LatentCommandSupport.Wrote("the result (tile 0) and its neighbours (1...)", resultPath);
            AnsiConsole.MarkupLine($"Expression: {Markup.Escape(expression.ToString())} (indices of the grid with seed {grid.Seed}, count {grid.Count})");
        }

        return 0;
    }

    // --add/--subtract in command-line order: System.CommandLine keeps each option's values separately, so the
    // interleaving is read from the token stream (each option token is followed by its one argument token).
    private static List<(int Sign, int[] Indices)> Terms(ParseResult parse)
    {
        var terms = new List<(int, int[])>();
        IReadOnlyList<Token> tokens = parse.Tokens;
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.Option && tokens[i].Value is "--add" or "--subtract")
            {
                terms.Add((tokens[i].Value == "--add" ? +1 : -1, Indices(tokens[i].Value, tokens[i + 1].Value)));
            }
        }

        int expected = (parse.GetValue(Add)?.Length ?? 0) + (parse.GetValue(Subtract)?.Length ?? 0);
        if (terms.Count != expected)
        {
            throw new ArgumentException($"Could not read the order of --add/--subtract ({terms.Count} found in order, {expected} parsed); write each as --add 1,2,3.");
        }

        if (terms.Count == 0)
        {
            throw new ArgumentException("Give at least one --add or --subtract, e.g. --add 3,17,42 --subtract 5,8,9 --add 11,12,13.");
        }

        return terms;
    }

    private static int[] Indices(string option, string text) => CommaSeparatedValues.Integers(option, text, "tile index", "3,17,42");
}

// The command printed after `dcgan train` stops early: the same command line with --resume pointing at the run
// folder, and --data and --output spelled out when they were defaults, so pasting it continues the same run
// (same data, same folder) instead of starting another one in the default runs/train. Options that only set up a new
// run (--profile, --learning-rate, --beta1) are left out: the checkpoint holds them.
using System.CommandLine;
using System.CommandLine.Parsing;

namespace Dcgan.Cli;

internal static class ResumeHint
{
    /// <summary>Options that only set up a new run (a resumed run takes them from its checkpoint and refuses them).</summary>
    private static readonly string[] NewRunOnly = ["--profile", "--learning-rate", "--beta1"];

    /// <summary>"dcgan train ARGS --data DATA --output OUTPUT --resume OUTPUT" for the run of <paramref name="parse"/>.</summary>
    public static string For(ParseResult parse, string dataPath, string output)
    {
        var args = new List<string> { "dcgan", "train" };
        IReadOnlyList<Token> tokens = parse.Tokens;
        bool Given(string option) => tokens.Any(t => t.Type == TokenType.Option && t.Value == option);
        for (int i = 0; i < tokens.Count; i++)
        {
            Token token = tokens[i];
            if (token.Type == TokenType.Command)
            {
                continue;
            }

            if (token.Type == TokenType.Option && NewRunOnly.Contains(token.Value))
            {
                // Settings of a new run: the checkpoint holds them, and `train --resume` refuses them.
                while (i + 1 < tokens.Count && tokens[i + 1].Type == TokenType.Argument)
                {
                    i++;
                }

                continue;
            }

            if (token.Type == TokenType.Option && token.Value == "--resume")
            {
                // Its value (if any) follows as an argument token; the hint names the run folder instead.
                if (i + 1 < tokens.Count && tokens[i + 1].Type == TokenType.Argument)
                {
                    i++;
                }

                continue;
            }

            args.Add(token.Value);
        }

        if (!Given("--data"))
        {
            args.AddRange(["--data", dataPath]);
        }

        if (!Given("--output"))
        {
            args.AddRange(["--output", output]);
        }

        args.AddRange(["--resume", output]);
        return string.Join(' ', args.Select(Quote));
    }

    private static string Quote(string arg) => arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`' or '\\')
        ? arg
        : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

// What every refused command line must look like: exit code 2 and exactly one line on stderr, "error: ...", in the
// user's words (flags and values): no stack trace, no .NET type or property names, no "(Parameter ...)" lines.
namespace Dcgan.Cli.Tests;

internal static class UserErrorAssertions
{
    // Words of the code's language that must never reach the user.
    private static readonly string[] CodeWords =
    [
        "   at ", "Exception", "System.", "Nullable", "`1", "Dcgan.Cli.", "+Preset", "(Parameter", "Actual value was",
        "ConfidenceThreshold", "ExemplarCounts", "TopK", "PooledGridSize", "PoolSize", "BatchSize", "DropLastBatch",
        "The field", "End of Central Directory", "Description:", "Usage:",
    ];

    /// <summary>Asserts a refused run and returns its one message (without "error: ").</summary>
    public static string ShouldBeOneLineUserError(this ToolResult result, string expected)
    {
        result.ExitCode.Should().Be(2, $"the run is refused; stderr: {result.Errors}");
        string[] lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle($"one line on stderr, got: {result.Errors}");
        lines[0].Should().StartWith("error: ").And.Contain(expected);
        foreach (string word in CodeWords)
        {
            lines[0].Should().NotContain(word, "the message speaks in flags and values");
        }

        return lines[0]["error: ".Length..].TrimEnd();
    }
}

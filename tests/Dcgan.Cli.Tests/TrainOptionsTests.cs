// `dcgan train --preset` takes exactly one known name (any case); System.CommandLine's own enum parsing would have
// read "paper,pytorch" or "7" as some preset without a word.
using System.CommandLine;

namespace Dcgan.Cli.Tests;

public sealed class TrainOptionsTests
{
    [Theory]
    [InlineData("pytorch")]
    [InlineData("Paper")]
    public void A_preset_name_in_any_case_is_accepted(string preset)
    {
        Train("--preset", preset).Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("paper,pytorch", "--preset takes one of Paper, PyTorch, not 2.")]
    [InlineData("7", "--preset: '7' is not one of Paper, PyTorch.")]
    public void Anything_else_is_refused_with_the_names(string preset, string message)
    {
        Train("--preset", preset).Errors.Select(e => e.Message).Should().Contain(message);
    }

    private static ParseResult Train(params string[] args) => DcganCommands.Create().Parse(["train", .. args]);
}

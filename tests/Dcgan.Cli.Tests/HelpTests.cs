// `--help` works for every command of both tools: exit code 0, the usage on stdout, nothing on stderr.
using System.CommandLine;
using Dcgan.Experiments;

namespace Dcgan.Cli.Tests;

public sealed class HelpTests
{
    public static TheoryData<string> DcganCommandNames => new(DcganCommands.Create().Subcommands.Select(c => c.Name));

    public static TheoryData<string> ExperimentCommandNames => new(ExperimentCommands.Create().Subcommands.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(DcganCommandNames))]
    public void Every_dcgan_command_has_help(string command)
    {
        ToolResult result = ToolRunner.Dcgan(command, "--help");

        ShouldBeHelp(result, $"dcgan {command}", DcganCommands.Create().Subcommands.Single(c => c.Name == command));
    }

    [Theory]
    [MemberData(nameof(ExperimentCommandNames))]
    public void Every_experiment_command_has_help(string command)
    {
        ToolResult result = ToolRunner.Experiments(command, "--help");

        ShouldBeHelp(result, $"dcgan-experiments {command}", ExperimentCommands.Create().Subcommands.Single(c => c.Name == command));
    }

    [Fact]
    public void The_tools_list_their_commands()
    {
        ToolRunner.Dcgan("--help").Output.Should().Contain("train").And.Contain("sample").And.Contain("interpolate").And.Contain("arithmetic").And.Contain("forget").And.Contain("dedup");
        ToolRunner.Experiments("--help").Output.Should().Contain("train-classifier").And.Contain("evaluate").And.Contain("ablate");
    }

    [Fact]
    public void Train_classifier_help_documents_the_accuracy_gate_and_its_exit_code()
    {
        ToolRunner.Experiments("train-classifier", "--help").Output.Should().Contain("0.91").And.Contain("3 when it does not");
    }

    private static void ShouldBeHelp(ToolResult result, string usage, Command command)
    {
        result.ExitCode.Should().Be(0, result.Errors);
        result.Errors.Should().BeEmpty();
        result.Output.Should().Contain("Usage:").And.Contain(usage.Split(' ')[^1]);
        foreach (Option option in command.Options.Where(o => !o.Hidden))
        {
            result.Output.Should().Contain(option.Name, "every option is listed");
        }
    }
}

// The tests' child-process runner gives up at its limit: the child and the children it started are killed, and the
// test fails with a TimeoutException holding what the child printed (a hung child never hangs the run).
using System.Diagnostics;

namespace Dcgan.BuildTasks.Tests;

public sealed class ChildProcessTests
{
    [Fact]
    public void A_child_still_running_at_the_limit_is_killed_with_its_children_and_fails_with_its_output()
    {
        string marker = Path.Combine(Path.GetTempPath(), $"dcgan-child-{Guid.NewGuid():N}");
        // The grandchild writes the marker only if it survives the kill.
        var start = new ProcessStartInfo("bash", ["-c", $"echo started; echo oops >&2; (sleep 3; touch {marker}) & sleep 600"]);

        Action run = () => ChildProcess.Run(start, TimeSpan.FromSeconds(1));

        run.Should().Throw<TimeoutException>().WithMessage("*still running after 1 s*stdout:*started*stderr:*oops*");
        Thread.Sleep(TimeSpan.FromSeconds(4));
        File.Exists(marker).Should().BeFalse("the whole process tree is killed");
    }

    [Fact]
    public void A_child_that_finishes_returns_its_exit_code_and_both_streams()
    {
        ChildResult result = ChildProcess.Run(new ProcessStartInfo("bash", ["-c", "echo out; echo err >&2; exit 3"]), TimeSpan.FromMinutes(1));

        result.Should().Be(new ChildResult(3, "out\n", "err\n"));
    }
}

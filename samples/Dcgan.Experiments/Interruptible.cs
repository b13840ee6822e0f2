// Interruptible: how every dcgan-experiments command runs. Ctrl+C (SIGINT) or SIGTERM cancels the token the command's
// work receives (and so does the invocation's own token, which tests pass); the running experiment stops at its next
// step or batch boundary, and the tool prints one line saying so and exits with 130 (128 + SIGINT), writing no report.
// A second Ctrl+C ends the process at once.
using System.CommandLine;
using System.Runtime.InteropServices;

namespace Dcgan.Experiments;

internal static class Interruptible
{
    /// <summary>Exit code of an experiment stopped by Ctrl+C or SIGTERM (the shell convention 128 + SIGINT).</summary>
    public const int CancelledExitCode = 130;

    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="run"/>, cancellable by Ctrl+C and SIGTERM.</summary>
    public static void SetAction(Command command, Func<ParseResult, CancellationToken, int> run) =>
        command.SetAction((parse, invocation) => Task.FromResult(Run(command.Name, parse, invocation, run)));

    private static int Run(string name, ParseResult parse, CancellationToken invocation, Func<ParseResult, CancellationToken, int> run)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(invocation);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl+C keeps the process alive until the experiment has stopped at a step boundary; a second one
            // ends it at once.
            e.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return run(parse, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine(
                $"cancelled: dcgan-experiments {name} was interrupted (Ctrl+C or SIGTERM) and stopped at its next step; its report was not written.");
            return CancelledExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}

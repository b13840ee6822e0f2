// TaskRunner: runs DcganMarkVersionNeedWeak in-process with a recording build engine and a time cap.
using System.Collections;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dcgan.BuildTasks.Tests;

internal sealed record TaskRun(bool Result, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors, IReadOnlyList<string> Messages, Exception Thrown);

internal static class TaskRunner
{
    public static TaskRun Run(string file, string version = MinimalElf.TestVersion, string[] systemLibraries = null)
    {
        var engine = new RecordingEngine();
        var task = new DcganMarkVersionNeedWeak
        {
            BuildEngine = engine,
            Files = [new TaskItem(file)],
            VersionName = version,
            SystemLibraries = systemLibraries ?? [],
        };
        bool result = false;
        Exception thrown = null;
        var worker = new Thread(() =>
        {
            try
            {
                result = task.Execute();
            }
            catch (Exception e)
            {
                thrown = e;
            }
        }) { IsBackground = true };
        worker.Start();
        if (!worker.Join(TimeSpan.FromSeconds(20)))
        {
            thrown = new TimeoutException($"the task was still running after 20 s on '{file}'");
        }

        return new TaskRun(result, engine.Warnings, engine.Errors, engine.Messages, thrown);
    }

    private sealed class RecordingEngine : IBuildEngine
    {
        public List<string> Warnings { get; } = [];

        public List<string> Errors { get; } = [];

        public List<string> Messages { get; } = [];

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.proj";

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Message);

        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e.Message);

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message);

        public void LogCustomEvent(CustomBuildEventArgs e) => Messages.Add(e.Message);

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
    }
}

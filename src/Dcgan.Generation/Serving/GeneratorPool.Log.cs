// GeneratorPool, log messages (source-generated).
using Microsoft.Extensions.Logging;

namespace Dcgan.Serving;

public sealed partial class GeneratorPool
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Checkpoint} (step {GlobalStep}, images {ImageShape}) as model version {Version}")]
    private partial void LogLoaded(string checkpoint, long? globalStep, string imageShape, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Now serving {Checkpoint} (model version {Version}); the previous model was disposed")]
    private partial void LogSwapped(string checkpoint, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No model is configured ({Section}:Checkpoint): generation requests fail until one is loaded")]
    private partial void LogNoCheckpoint(string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The folder {Folder} holds no model yet; watching it and serving nothing until one is written")]
    private partial void LogWaitingForCheckpoint(string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reload {Checkpoint}: {Reason}; still serving the previous model")]
    private partial void LogReloadFailed(string checkpoint, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A forward pass for {Requests} request(s) failed: {Reason}")]
    private partial void LogForwardFailed(int requests, string reason);
}

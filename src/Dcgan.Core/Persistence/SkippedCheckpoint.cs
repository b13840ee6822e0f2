// A checkpoint that CheckpointLocator.FindNewestValid passed over, and why.
namespace Dcgan.Persistence;

/// <summary>A checkpoint that did not verify.</summary>
/// <param name="File">Its full path.</param>
/// <param name="Reason">The <see cref="CheckpointException"/> message: the file, the entry and the problem.</param>
public sealed record SkippedCheckpoint(string File, string Reason);

// ShellResult: the exit code and the interleaved output of one runnable shell block.
namespace Dcgan.Docs.Tests;

/// <summary>What a shell block did.</summary>
/// <param name="ExitCode">bash's exit code (0: every command succeeded; the script runs with set -euo pipefail).</param>
/// <param name="Output">Standard output and standard error.</param>
public sealed record ShellResult(int ExitCode, string Output);

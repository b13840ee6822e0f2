// ShellBlockRunner: runs a shell block of the docs in bash, in a scratch folder where data/ and docs/ point into the
// repository, `dcgan` and `dotnet run --project samples/Dcgan.Cli -- ...` run the dcgan tool built next to the tests,
// and the block's <!-- run: SETUP --> code runs first. SETUP can use $TINY_RUN (a trained tiny run folder), $TINY_DATA
// (64 random 28x28 images) and `tiny_train` (from then on, `dcgan train` replaces --data, --epochs, --batch-size and
// the widths with the tiny data, 1 epoch, batch 32 and widths 8, so a documented training command runs in seconds).
using System.Diagnostics;
using System.Text;

namespace Dcgan.Docs.Tests;

/// <summary>Runs shell blocks of the documentation.</summary>
public static class ShellBlockRunner
{
    private const string Preamble = """
        set -euo pipefail
        DOCS_TINY_TRAIN=0
        tiny_train() { DOCS_TINY_TRAIN=1; }
        dcgan() {
          if [ "$DOCS_TINY_TRAIN" = 1 ] && [ "${1:-}" = train ]; then
            local args=(train); shift
            while [ $# -gt 0 ]; do
              case "$1" in
                --data|--epochs|--batch-size|--generator-width|--discriminator-width) shift 2 ;;
                *) args+=("$1"); shift ;;
              esac
            done
            set -- "${args[@]}" --data "$TINY_DATA" --epochs 1 --batch-size 32 --generator-width 8 --discriminator-width 8
          fi
          command dotnet "$DCGAN_DLL" "$@"
        }
        dotnet() {
          if [ "${1:-}" != run ]; then command dotnet "$@"; return; fi
          shift
          local project=""
          while [ $# -gt 0 ] && [ "$1" != -- ]; do
            case "$1" in
              --project) project="$2"; shift 2 ;;
              -c|--configuration) shift 2 ;;
              *) echo "docs runner: unsupported dotnet run option $1" >&2; return 97 ;;
            esac
          done
          [ "${1:-}" = -- ] && shift
          case "$project" in
            samples/Dcgan.Cli|*/samples/Dcgan.Cli) dcgan "$@" ;;
            *) echo "docs runner: only samples/Dcgan.Cli runs in the docs tests, not '$project'" >&2; return 97 ;;
          esac
        }
        """;

    /// <summary>Runs <paramref name="block"/> (its setup first) in a new folder under <paramref name="tiny"/>'s folder.</summary>
    public static ShellResult Run(MarkdownBlock block, TinyModel tiny)
    {
        string folder = Directory.CreateDirectory(Path.Combine(tiny.Folder, $"{block.File.Replace('/', '-')}-{block.Line}")).FullName;
        foreach (string shared in new[] { "data", "docs" })
        {
            string link = Path.Combine(folder, shared);
            if (!Path.Exists(link))
            {
                File.CreateSymbolicLink(link, Path.Combine(Repository.Root, shared));
            }
        }

        return Execute(folder, tiny, $"{block.Run}\n{block.Code}");
    }

    /// <summary>Runs <paramref name="script"/> after the preamble in <paramref name="folder"/>.</summary>
    public static ShellResult Execute(string folder, TinyModel tiny, string script)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DCGAN_DLL"] = Path.Combine(AppContext.BaseDirectory, "dcgan.dll");
        start.Environment["TINY_RUN"] = tiny.RunFolder;
        start.Environment["TINY_DATA"] = tiny.Data;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Write(Preamble + "\n" + script + "\n");
        process.StandardInput.Close();
        process.WaitForExit();
        lock (output)
        {
            return new ShellResult(process.ExitCode, output.ToString());
        }
    }
}

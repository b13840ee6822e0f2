// ShellPreamble: the bash functions a docs shell block runs under. They make the documented commands run against the
// builds next to the tests, on tiny data, within a time limit, and say on the output what they changed:
//
//   documented command                         what runs
//   dcgan ARGS                                 dotnet dcgan.dll ARGS (the CLI built for the tests)
//   dcgan-experiments ARGS                     dotnet dcgan-experiments.dll ARGS
//   dotnet run [-c C] --project samples/X [-- ARGS]
//                                              the same for Dcgan.Cli and Dcgan.Experiments; dotnet X.dll ARGS for
//                                              Dcgan.Minimal and Dcgan.Worker; Dcgan.Web: see docs_web below
//   dotnet test                                not run (the docs tests are part of that suite): a line says so
//   anything else                              itself (dotnet build, dotnet pack, ... are in blocks marked not-run)
//
// Setup functions a <!-- run: SETUP --> directive can call (each is an explicit substitution table):
//   tiny_train        `dcgan train`: --data, --epochs, --batch-size and the widths become the tiny data ($TINY_DATA,
//                     64 random 28x28 images), 1 epoch, batch 32, widths 8.
//   tiny_experiments  `dcgan-experiments CMD`: --data becomes $TINY_FASHION (a labelled Fashion-MNIST-shaped folder
//                     of random images: 256 train, 128 test) and the size flags of TINY_EXPERIMENT_SIZES below
//                     replace the documented ones.
//   tiny_samples      the samples' sizes, through environment variables they read: the Minimal sample trains 1 epoch
//                     (DCGAN_MINIMAL_EPOCHS) on $TINY_FASHION's 256 train images (DCGAN_MINIMAL_DATA); the Worker's
//                     Generic Host settings (Dcgan__Training__...) become the tiny data, widths 8, 1 epoch of batch 32.
// Like `dotnet run`, the Worker and Web samples (Microsoft.NET.Sdk.Worker/Web set RunWorkingDirectory to the project)
// run in their project folder, here a scratch copy of it (symbolic links to its files) so outputs stay out of the
// repository; the CLI, Experiments and Minimal samples run in the block's folder.
// The web sample (dotnet run --project samples/Dcgan.Web -- ARGS) is started on http://127.0.0.1:0 (a free port the
// server picks and prints), then docs_web requests /, /api/model and /api/grid over HTTP (bash's /dev/tcp), checks
// the answers (200, the page's HTML, the model JSON, a PNG) and stops the server with SIGTERM.
namespace Dcgan.Docs.Tests;

/// <summary>The bash code that runs before every docs shell block (see the file's header for the table).</summary>
public static class ShellPreamble
{
    /// <summary>The preamble.</summary>
    public const string Code = """
        set -euo pipefail
        DOCS_HOME=$PWD
        DOCS_TINY_TRAIN=0
        DOCS_TINY_EXPERIMENTS=0
        tiny_train() { DOCS_TINY_TRAIN=1; }
        tiny_experiments() { DOCS_TINY_EXPERIMENTS=1; }
        tiny_samples() {
          export DCGAN_MINIMAL_DATA="$TINY_FASHION/train-images-idx3-ubyte.gz" DCGAN_MINIMAL_EPOCHS=1
          export Dcgan__Training__Data="$TINY_DATA" Dcgan__Training__GeneratorWidth=8 Dcgan__Training__DiscriminatorWidth=8 \
                 Dcgan__Training__Trainer__Epochs=1 Dcgan__Training__Trainer__BatchSize=32
          echo "docs runner (tiny_samples): $(env | grep -E '^(DCGAN_MINIMAL|Dcgan__)' | sort | tr '\n' ' ')" >&2
        }
        # Per experiments command: the flags (with values) that replace the documented ones under tiny_experiments.
        declare -A TINY_EXPERIMENT_SIZES=(
          [train-classifier]="--epochs 1"
          [reference-stats]=""
          [evaluate]="--count 100"
          [probe]="--max-iterations 2 --c-grid 1 --features Trained"
          [latent-metrics]="--pairs 4 --steps 2 --trials 2 --exemplars 1 --pool 200 --confidence 0.1"
          [ablate]="--steps 10 --samples 100"
        )
        # Drops the flags named in $1 (and their values) and --data from the remaining arguments; prints the rest.
        docs_without_flags() {
          local replaced=" $1 --data " out=()
          shift
          while [ $# -gt 0 ]; do
            if [[ "$1" == --* ]] && [[ "$replaced" == *" $1 "* ]]; then shift 2; else out+=("$1"); shift; fi
          done
          if [ ${#out[@]} -gt 0 ]; then printf '%s\0' "${out[@]}"; fi
        }
        dcgan() {
          if [ "$DOCS_TINY_TRAIN" = 1 ] && [ "${1:-}" = train ]; then
            local args=(train); shift
            mapfile -d '' -t rest < <(docs_without_flags "--epochs --batch-size --generator-width --discriminator-width" "$@")
            set -- "${args[@]}" "${rest[@]}" --data "$TINY_DATA" --epochs 1 --batch-size 32 --generator-width 8 --discriminator-width 8
            echo "docs runner (tiny_train): dcgan $*" >&2
          fi
          command dotnet "$DOCS_BIN/dcgan.dll" "$@"
        }
        dcgan-experiments() {
          if [ "$DOCS_TINY_EXPERIMENTS" = 1 ] && [ -n "${TINY_EXPERIMENT_SIZES[${1:-}]+set}" ]; then
            local sizes="${TINY_EXPERIMENT_SIZES[$1]}" cmd="$1"; shift
            mapfile -d '' -t rest < <(docs_without_flags "$sizes" "$@")
            # shellcheck disable=SC2086
            set -- "$cmd" "${rest[@]}" --data "$TINY_FASHION" $sizes
            echo "docs runner (tiny_experiments): dcgan-experiments $*" >&2
          fi
          command dotnet "$DOCS_SAMPLES/Dcgan.Experiments/bin/$DOCS_CONFIGURATION/net10.0/dcgan-experiments.dll" "$@"
        }
        docs_sample() { command dotnet "$DOCS_SAMPLES/$1/bin/$DOCS_CONFIGURATION/net10.0/$1.dll" "${@:2}"; }
        # A scratch copy of samples/$1 (links to its files, no bin/obj): the folder `dotnet run` would run it in.
        docs_project_folder() {
          local folder="$DOCS_HOME/projects/$1"
          if [ ! -d "$folder" ]; then
            mkdir -p "$folder"
            for f in "$DOCS_SAMPLES/$1"/*; do case "${f##*/}" in bin|obj) ;; *) ln -s "$f" "$folder/" ;; esac; done
          fi
          echo "$folder"
        }
        # Runs sample $1 with arguments $2... in its project folder (exec: the subshell's pid becomes the sample's).
        docs_project_sample() {
          local folder; folder=$(docs_project_folder "$1")
          (cd "$folder" && exec dotnet "$DOCS_SAMPLES/$1/bin/$DOCS_CONFIGURATION/net10.0/$1.dll" "${@:2}")
        }
        http_get() {  # http_get PORT PATH FILE: writes the body to FILE, prints the status line
          exec 3<>"/dev/tcp/127.0.0.1/$1"
          printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
          cat <&3 > "$3.raw"
          exec 3<&-
          head -n 1 "$3.raw" | tr -d '\r'
          sed '1,/^\r$/d' "$3.raw" > "$3"
        }
        docs_web() {
          local log folder; log=$(mktemp -p "$DOCS_HOME" web-XXXX.log); folder=$(docs_project_folder Dcgan.Web)
          # tiny_samples' Dcgan__Training__ settings are the Worker's: the web sample would train in-process with them.
          (cd "$folder" && exec env $(env | grep -o '^Dcgan__Training__[^=]*' | sed 's/^/-u /') Urls=http://127.0.0.1:0 \
            dotnet "$DOCS_SAMPLES/Dcgan.Web/bin/$DOCS_CONFIGURATION/net10.0/Dcgan.Web.dll" "$@") > "$log" 2>&1 &
          local pid=$! port=""
          for _ in $(seq 1 600); do
            port=$(grep -o 'Latent explorer: http://127.0.0.1:[0-9]*' "$log" | head -n 1 | sed 's/.*://') || true
            [ -n "$port" ] && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
          done
          cat "$log"
          if [ -z "$port" ]; then kill "$pid" 2>/dev/null || true; echo "docs runner: the web sample printed no address" >&2; return 98; fi
          local failed=0 status
          status=$(http_get "$port" / page.html); echo "docs runner: GET http://127.0.0.1:$port/ -> $status"
          [[ "$status" == *" 200 "* ]] && grep -q '<html' page.html || { echo "docs runner: / is not the explorer page" >&2; failed=1; }
          status=$(http_get "$port" /api/model model.json); echo "docs runner: GET /api/model -> $status: $(cat model.json)"
          [[ "$status" == *" 200 "* ]] && grep -q '"latentDimension"' model.json || { echo "docs runner: /api/model gave no model" >&2; failed=1; }
          status=$(http_get "$port" '/api/grid?seed=1&count=4' grid.png); echo "docs runner: GET /api/grid?seed=1&count=4 -> $status"
          [[ "$status" == *" 200 "* ]] && [ "$(head -c 4 grid.png | od -An -tx1 | tr -d ' ')" = 89504e47 ] \
            || { echo "docs runner: /api/grid gave no PNG" >&2; failed=1; }
          kill -TERM "$pid"
          local code=0; wait "$pid" || code=$?
          echo "docs runner: the web sample stopped with exit code $code after SIGTERM"
          [ "$failed" = 0 ] && [ "$code" = 0 ]
        }
        dotnet() {
          if [ "${1:-}" = test ]; then echo "docs runner: not running 'dotnet $*' (the docs tests are part of that suite)"; return 0; fi
          if [ "${1:-}" != run ]; then command dotnet "$@"; return; fi
          shift
          local project=""
          while [ $# -gt 0 ] && [ "$1" != -- ]; do
            case "$1" in
              --project) project="${2%/}"; shift 2 ;;
              -c|--configuration) shift 2 ;;
              *) echo "docs runner: unsupported dotnet run option $1" >&2; return 97 ;;
            esac
          done
          [ "${1:-}" = -- ] && shift
          case "$project" in
            samples/Dcgan.Cli|*/samples/Dcgan.Cli) dcgan "$@" ;;
            samples/Dcgan.Experiments|*/samples/Dcgan.Experiments) dcgan-experiments "$@" ;;
            samples/Dcgan.Minimal|*/samples/Dcgan.Minimal) docs_sample Dcgan.Minimal "$@" ;;
            samples/Dcgan.Worker|*/samples/Dcgan.Worker) docs_project_sample Dcgan.Worker "$@" ;;
            samples/Dcgan.Web|*/samples/Dcgan.Web) docs_web "$@" ;;
            *) echo "docs runner: no rule to run '$project' (see ShellPreamble.cs); mark the block not-run with a reason" >&2; return 97 ;;
          esac
        }
        """;
}

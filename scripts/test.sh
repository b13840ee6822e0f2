#!/usr/bin/env bash
# The whole test suite, from a fresh clone on Debian 12 with the .NET 10 SDK (the README's test command; .ci/run runs
# exactly this):
#   1. the Debian packages the tests need: installed when the script runs as root with apt-get; otherwise it names
#      what is missing and the command that installs it, and stops;
#   2. every test project (`dotnet test Dcgan.sln`), each test with a hang timeout;
#   3. the AVX2 pass: the test classes that compare floats bit for bit run again with libtorch, oneDNN and MKL held to
#      AVX2 kernels, the kernels of machines without AVX-512 (AMD Zen 1-3, older Intel), so an AVX-512 machine catches
#      here what would fail there (on an AVX2-only machine the caps change nothing and the pass repeats the classes);
#   4. the package consumer checks: a host app that references only the packed Dcgan.Core and Dcgan.Data, and one that
#      references only the packed Dcgan.Onnx and Dcgan.Data (no TorchSharp) and renders a CLI-trained model's seed grid
#      as TorchSharp does, within 1e-5, then publishes the web explorer with -p:DcganBackend=onnx (no TorchSharp in it)
#      and requires its grid to be dcgan sample's PNG byte for byte;
#   4b. the API docs site (DocFX, warnings as errors; docs/api-reference.md);
#   5. skips: every skipped test is listed with its reason, and one that is not in tests/allowed-skips.txt fails the run.
# It ends with 'N passed, N failed, N skipped' over all passes (each consumer check counts as one test).
# Usage: bash scripts/test.sh         (any folder; about 6-10 minutes on 2 cores)
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

# A test that has not finished after this long is a hang: its test host is stopped and the test fails (the slowest
# test takes well under a minute on a loaded 2-core machine).
hang_timeout=10m
# The caps of the AVX2 pass (each checked: ONEDNN_VERBOSE and MKL_VERBOSE name the AVX2 code paths under them).
avx2_caps=(ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2 MKL_ENABLE_INSTRUCTIONS=AVX2)
# What the AVX2 pass runs: project|filter (empty filter: the whole project). These hold the suite's bitwise claims:
# training determinism, resume and checkpoints, latents and batch-size independence, generator pools, CLI samples.
# The GC-pressure tests are left to the main pass: they compare a run with the same run under pressure in one process,
# which the CPU's instruction set does not change, and they are the slowest tests (about 100 s of the Core pass).
avx2_runs=(
  "tests/Dcgan.Core.Tests|FullyQualifiedName!~GarbageCollection"
  "tests/Dcgan.Evaluation.Tests|FullyQualifiedName!~GarbageCollection"
  "tests/Dcgan.Interop.Tests|"
  "tests/Dcgan.Onnx.Tests|FullyQualifiedName~BackendEquivalence|FullyQualifiedName~OnnxPool"
  "tests/Dcgan.Hosting.Tests|FullyQualifiedName~GeneratorPool"
  "tests/Dcgan.CustomNetwork.Tests|"
  "tests/Dcgan.Cli.Tests|FullyQualifiedName~SampleFormatTests|FullyQualifiedName~SampleBatchSizeTests|FullyQualifiedName~LatentCommandTests"
)

# ---- 1. Prerequisites: Debian package, then how to check that it is there.
prerequisites=(
  "dataset-fashion-mnist|test -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"  # the full set (data tests, CLI defaults)
  "liblmdb0|PATH=\$PATH:/sbin ldconfig -p | grep -q 'liblmdb\\.so\\.0'"                          # the LMDB (LSUN) reader on Debian 12
  "chromium|test -x /usr/bin/chromium"                                                         # the latent explorer's browser test
  "chromium-driver|test -x /usr/bin/chromedriver"
)
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: dotnet is not on PATH; install the .NET 10 SDK (https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2
  exit 2
fi
missing=()
for entry in "${prerequisites[@]}"; do
  bash -c "${entry#*|}" >/dev/null 2>&1 || missing+=("${entry%%|*}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing the Debian packages the tests need: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  still=()
  for entry in "${prerequisites[@]}"; do
    bash -c "${entry#*|}" >/dev/null 2>&1 || still+=("${entry%%|*}")
  done
  if [ "${#still[@]}" -gt 0 ]; then
    echo "error: the tests need these Debian packages, which are not installed: ${still[*]}" >&2
    echo "install them (as root), then run this script again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${still[*]}" >&2
    exit 2
  fi
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
started=$SECONDS

# ---- 2. The main pass.
dotnet --info | sed -n '1,3p'
echo "== all test projects (dotnet test Dcgan.sln)"
dotnet test Dcgan.sln --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none \
  --logger trx --results-directory "$results/main" 2>&1 | tee -a "$results/console.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
echo "== main pass: $((SECONDS - started)) s"

# ---- 3. The AVX2 pass (built by the main pass).
avx2_started=$SECONDS
for entry in "${avx2_runs[@]}"; do
  project=${entry%%|*}
  filter=${entry#*|}
  echo "== AVX2 pass: $project ${filter:+($filter)}"
  env "${avx2_caps[@]}" dotnet test "$project" --no-build ${filter:+--filter "$filter"} \
    --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none \
    --logger trx --results-directory "$results/avx2" 2>&1 | tee -a "$results/console.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done
echo "== AVX2 pass: $((SECONDS - avx2_started)) s"

# ---- 4. The package consumer checks.
consumer_failed=0
consumer_count=0
for consumer in PackageConsumer OnnxConsumer; do
  consumer_started=$SECONDS
  consumer_count=$((consumer_count + 1))
  echo "== package consumer: $consumer"
  if ! bash "tests/$consumer/run.sh" >"$results/$consumer.log" 2>&1; then
    consumer_failed=$((consumer_failed + 1))
    status=1
    cat "$results/$consumer.log"
  fi
  tail -n 2 "$results/$consumer.log"
  echo "== package consumer $consumer: $((SECONDS - consumer_started)) s"
done

# ---- 4b. The API docs site (docs/api-reference.md), after the package consumer check: DocFX 2.81.0 from the tool
# manifest, from scratch (the metadata step restores, a no-op after the main pass, and compiles src/**/*.csproj in
# memory), with warnings as errors: a broken link, a cref that names nothing or invalid Markdown fails the run. Then
# the output must hold the API pages of two types with their XML summaries, a guide and the landing page. Counted as
# one test.
site_started=$SECONDS
echo "== docs site (DocFX)"
site_checks=(  # page|text the page must contain
  "api/Dcgan.Training.GanTrainer.html|data-uid=\"Dcgan.Training.GanTrainer\""
  "api/Dcgan.Training.GanTrainer.html|<div class=\"markdown summary\"><p>"
  "api/Dcgan.Generation.IImageGenerator.html|data-uid=\"Dcgan.Generation.IImageGenerator\""
  "api/Dcgan.Generation.IImageGenerator.html|<div class=\"markdown summary\"><p>"
  "docs/architecture.html|>$(sed -n '1s/^# //p' docs/architecture.md)</h1>"
  "index.html|>$(sed -n '1s/^# //p' README.md)</h1>"
)
site_failed=0
rm -rf artifacts/docfx
if { dotnet tool restore && dotnet docfx docfx/docfx.json --warningsAsErrors; } >"$results/docfx.log" 2>&1; then
  for entry in "${site_checks[@]}"; do
    if ! grep -qF -- "${entry#*|}" "artifacts/docfx/site/${entry%%|*}" 2>/dev/null; then
      echo "error: the docs site's ${entry%%|*} is missing or does not contain: ${entry#*|}" >&2
      site_failed=1
    fi
  done
else
  cat "$results/docfx.log"
  echo "error: the docs site did not build without warnings (see above; docs/api-reference.md)" >&2
  site_failed=1
fi
grep -E '^ +[0-9]+ (warning|error)\(s\)' "$results/docfx.log"
# The result as a test assembly's summary line, which the counts below add up.
site_outcome=$([ "$site_failed" -eq 0 ] && echo Passed || echo Failed)
printf '%s!  - Failed: %d, Passed: %d, Skipped: 0, Total: 1 (docs site)\n' "$site_outcome" "$site_failed" \
  "$((1 - site_failed))" >>"$results/console.log"
[ "$site_failed" -eq 0 ] || status=1
echo "== docs site: $((SECONDS - site_started)) s"

# ---- 5. Counts from each test assembly's summary line; skipped tests' names and reasons from the .trx results.
total() { grep -E '^(Passed|Failed|Skipped)! +- ' "$results/console.log" | grep -Eo "$1: +[0-9]+" | awk '{s += $2} END {print s + 0}'; }
passed=$(($(total Passed) + consumer_count - consumer_failed))
failed=$(($(total Failed) + consumer_failed))
skipped=$(total Skipped)
counts=$(find "$results" -name '*.trx' -print0 | xargs -0 -r awk -f "$repo/scripts/trx-summary.awk")
recorded=$(grep -c '^SKIP' <<<"$counts")
if [ "$recorded" -lt "$skipped" ]; then
  echo "error: $skipped tests were skipped but only $recorded have a result record with a reason" >&2
  status=1
fi

allowed=$(grep -v '^\s*#' tests/allowed-skips.txt | grep -v '^\s*$' | sed 's/ *|.*//')
unexpected=0
if [ "$skipped" -gt 0 ]; then
  echo "== skipped tests (name: reason)"
  while IFS=$'\t' read -r _ name reason; do
    if grep -qxF "${name%%(*}" <<<"$allowed"; then
      echo "  skipped (allowed): $name: $reason"
    else
      echo "  skipped, NOT in tests/allowed-skips.txt: $name: $reason"
      unexpected=$((unexpected + 1))
    fi
  done < <(grep '^SKIP' <<<"$counts" | sort -u)
fi
if [ "$unexpected" -gt 0 ]; then
  echo "error: $unexpected skipped test(s) not on the allow-list: install what the reason names, or fix the test" >&2
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && [ "$unexpected" -eq 0 ]; then
  echo "error: a test run did not finish (a crash or a hang: see its output above)" >&2
  failed=$((failed + 1))
fi
if [ "$passed" -le 1 ]; then
  echo "error: no test ran" >&2
  status=1
fi
echo "== whole run: $((SECONDS - started)) s"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"

#!/usr/bin/env bash
# Peak RSS (GNU time's %M, KiB) and wall time of `dcgan sample` for --count 4096 and 20000, before and after bounded
# batches. usage: run-rss.sh BEFORE_DCGAN_DLL AFTER_DCGAN_DLL CHECKPOINT OUTPUT_FOLDER
# BEFORE: the dcgan tool of an older commit (it caps --count at 4096 and generates every image in one pass);
# AFTER: this commit's. Both Release builds; the checkpoint comes from `dcgan-sampling-bench --checkpoint`.
set -uo pipefail
before=$1 after=$2 checkpoint=$3 out=$4
mkdir -p "$out"
measure() { # label, dll, sample arguments...
  local label=$1 dll=$2
  shift 2
  rm -rf "$out/o" "$out/o.npz" "$out/o.npy" "$out/o.png"
  /usr/bin/time -f "%M %e %x" -o "$out/time.txt" dotnet "$dll" sample --checkpoint "$checkpoint" "$@" >/dev/null 2>"$out/err.txt"
  read -r rss wall code < <(tail -n 1 "$out/time.txt") # GNU time puts "Command exited with non-zero status N" first
  if [ "$code" = 0 ]; then
    printf '%-8s %-55s peak RSS %5d MB  %6.1f s\n' "$label" "$*" $((rss / 1024)) "$wall"
  else
    printf '%-8s %-55s exit %s: %s\n' "$label" "$*" "$code" "$(tail -1 "$out/err.txt")"
  fi
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (shared machine)"
for count in 4096 20000; do
  measure before "$before" --count "$count" --output "$out/o.png"
  measure before "$before" --count "$count" --output "$out/o"
  measure after "$after" --count "$count" --output "$out/o.png"
  measure after "$after" --count "$count" --output "$out/o"
  measure after "$after" --count "$count" --output "$out/o.npz"
  measure after "$after" --count "$count" --output "$out/o.npy"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Peak RSS (GNU time's %M) and wall time of `dcgan sample` for --count 512, 4096 and 8192 in every output form, for
# two builds of the dcgan tool, alternating; then whether both builds wrote the same bytes for --count 4096.
# usage: run-rss.sh BEFORE_DCGAN_DLL AFTER_DCGAN_DLL CHECKPOINT OUTPUT_FOLDER
# BEFORE: an older commit's tool (e.g. main); AFTER: this commit's. Release builds; the checkpoint comes from
# `dcgan-sampling-bench --checkpoint` (the width-64 28x28 model).
set -uo pipefail
before=$1 after=$2 checkpoint=$3 out=$4
mkdir -p "$out"
measure() { # label, dll, output name, count
  local label=$1 dll=$2 name=$3 count=$4
  local target="$out/$label/$name"
  mkdir -p "$out/$label"
  rm -rf "$target"
  /usr/bin/time -f "%M %e %x" -o "$out/time.txt" dotnet "$dll" sample --checkpoint "$checkpoint" --count "$count" --output "$target" >/dev/null 2>"$out/err.txt"
  read -r rss wall code < <(tail -n 1 "$out/time.txt") # GNU time puts "Command exited with non-zero status N" first
  if [ "$code" = 0 ]; then
    printf '%-7s --count %5d --output %-7s peak RSS %5d MB  %6.2f s  %7.0f img/s\n' "$label" "$count" "$name" $((rss / 1024)) "$wall" "$(echo "$count / $wall" | bc -l)"
  else
    printf '%-7s --count %5d --output %-7s exit %s: %s\n' "$label" "$count" "$name" "$code" "$(tail -1 "$out/err.txt")"
  fi
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (shared machine)"
for count in 512 4096 8192; do
  for name in o o.npz o.npy o.png; do
    [ "$name" = o.png ] && [ "$count" -gt 4096 ] && continue # a grid holds at most 4096 images
    measure before "$before" "$name" "$count"
    measure after "$after" "$name" "$count"
  done
  if [ "$count" = 4096 ]; then
    for name in o o.npz o.npy o.png; do
      if [ "$name" = o.npz ]; then # the zip entries carry their write time: compare the arrays inside
        same=$(python3 -c 'import sys, zipfile; a, b = (zipfile.ZipFile(p) for p in sys.argv[1:]); print(all(a.read(n) == b.read(n) for n in a.namelist()) and a.namelist() == b.namelist())' "$out/before/$name" "$out/after/$name")
      else
        same=$(diff -r -q "$out/before/$name" "$out/after/$name" >/dev/null && echo True || echo False)
      fi
      if [ "$same" = True ]; then
        echo "--count 4096 --output $name: before and after wrote the same bytes"
      else
        echo "--count 4096 --output $name: before and after DIFFER"
      fi
    done
  fi
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

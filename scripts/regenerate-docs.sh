#!/usr/bin/env bash
# regenerate-docs.sh: redraws the pictures and printed numbers of README.md and docs/*.md from the exact commands
# those pages show, and records for each image the commit, command, time and SHA-256 in docs/images/PROVENANCE.md.
#
#   bash scripts/regenerate-docs.sh [--reuse] [readme] [forget] [latent]     (no section: all three)
#
#   --reuse keeps the run folders of an earlier invocation in $DCGAN_DOCS_WORK instead of training again (only valid
#   when no code changed in between: the commit recorded is the current one).
#
#   readme  the default `dcgan train` (quick-start profile: 2 epochs of the installed Fashion-MNIST, else 12 of the shipped split):
#           docs/images/fashion-mnist-default-train.png                                 (~2-5 min on 2 cores)
#   forget  a 1-epoch run on the shipped split, then `dcgan forget` with the committed boxes file:
#           docs/images/forget-fashion-mnist-1epoch.png and the printed probe lines in docs/forgetting.md (~1 min)
#   latent  the indexed grid, arithmetic, walks and pair strips of docs/latent-space.md from the readme section's
#           run (trained here when missing). The exemplar tiles are LATENT_A, LATENT_B, LATENT_C below: chosen by
#           looking at grid-indexed-seed5.png, so after a change of the model, look again and update them and the
#           page's text.
#
# The commands run exactly as the pages show them, with `dcgan` standing for
# `dotnet run --no-build --project samples/Dcgan.Cli --` (built once, Debug, as `dotnet run` does), each in its own
# scratch folder under $DCGAN_DOCS_WORK (default /tmp/dcgan-docs) so nothing is written into the repository but
# the pictures. Commit the result: PROVENANCE.md names the commit whose code drew each image.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${DCGAN_DOCS_WORK:-/tmp/dcgan-docs}"
images="$repo/docs/images"
provenance="$images/PROVENANCE.md"
commit="$(git -C "$repo" rev-parse --short=12 HEAD)"
if [ -n "$(git -C "$repo" status --porcelain -- src samples data)" ]; then
  commit="$commit (plus uncommitted changes in src/, samples/ or data/)"
fi

reuse=0
if [ "${1:-}" = --reuse ]; then reuse=1; shift; fi
sections=("$@")
# The arithmetic exemplars of docs/latent-space.md (tiles of the seed-5 indexed grid; the 1-exemplar run uses the first).
LATENT_A=3,8,19 LATENT_B=33,42,26 LATENT_C=0,35,10
[ ${#sections[@]} -eq 0 ] && sections=(readme forget latent)

dcgan() { COLUMNS=200 dotnet run --no-build --project "$repo/samples/Dcgan.Cli" -- "$@"; }
# train_once FOLDER ARGS...: `dcgan train ARGS...` unless --reuse found a checkpoint in FOLDER.
train_once() {
  local folder="$1"; shift
  if [ "$reuse" = 1 ] && compgen -G "$folder/checkpoint-*.dcgan" >/dev/null; then
    echo "reusing $folder"
    reused=" (after training reused from an earlier invocation)"
  else
    dcgan train "$@"
  fi
}

# record IMAGE SECTION COMMANDS...: replaces IMAGE's entry in PROVENANCE.md.
record() {
  local image="$1" seconds="$2"; shift 2
  local rel="${image#"$images"/}"
  local sha; sha="$(sha256sum "$image" | cut -d' ' -f1)"
  local entry; entry="$(mktemp)"
  {
    echo "## $rel"
    echo
    echo "- commit: $commit"
    echo "- drawn: $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); the commands took ${seconds} s${reused}"
    echo "- sha256: $sha"
    echo "- commands (\`dcgan\` = \`dotnet run --project samples/Dcgan.Cli --\`):"
    echo
    echo '<!-- not-run: the record of how this picture was drawn from a fully trained model; latent-space.md and forgetting.md run these commands on a tiny model -->'
    echo '```bash'
    printf '%s\n' "$@"
    echo '```'
    echo
  } >"$entry"
  [ -f "$provenance" ] || printf '# Where the pictures come from\n\nWritten by `scripts/regenerate-docs.sh`; do not edit by hand. A test checks every SHA-256 below against the committed file.\n\n' >"$provenance"
  REL="$rel" perl -0 -i -pe 's{^## \Q$ENV{REL}\E\n.*?(?=^## |\z)}{}ms' "$provenance"
  cat "$entry" >>"$provenance"
  rm -f "$entry"
}

# splice FILE NAME TEXTFILE: replaces the lines between <!-- generated:NAME --> and <!-- /generated:NAME --> in FILE.
splice() {
  local file="$1" name="$2" text="$3"
  NAME="$name" TEXT="$(cat "$text")" perl -0 -i -pe \
    's/(<!-- generated:\Q$ENV{NAME}\E -->\n).*?(<!-- \/generated:\Q$ENV{NAME}\E -->)/$1```text\n$ENV{TEXT}\n```\n$2/s' "$file"
  grep -q "generated:$name" "$file" || { echo "no generated:$name marker in $file" >&2; exit 1; }
}

dotnet build "$repo/samples/Dcgan.Cli" -v quiet -nologo | tail -n 2

for section in "${sections[@]}"; do
  scratch="$work/$section"
  [ "$reuse" = 1 ] || rm -rf "$scratch"
  mkdir -p "$scratch" && cd "$scratch"
  start=$SECONDS
  reused=""
  case "$section" in
    readme)
      train_once runs/train
      cp runs/train/samples-latest.png "$images/fashion-mnist-default-train.png"
      record "$images/fashion-mnist-default-train.png" $((SECONDS - start)) 'dcgan train'
      ;;
    forget)
      boxes="$images/forget-fashion-mnist-boxes.json"
      train_once forget-run --data "$repo/data/fashion-mnist" --epochs 1 --batch-size 64 --profile paper --generator-width 64 --discriminator-width 64 --output forget-run
      dcgan sample --checkpoint forget-run --seed 5 --count 16 --indexed --output boxed-samples.png
      # The console wraps redirected output at 80 columns (a trailing space or a full line marks a wrap): unwrap it.
      dcgan forget --checkpoint forget-run --boxes "$boxes" --output forget.png \
        | perl -0 -pe 's/^(.{80})\n/$1/mg; s/ \n/ /g' | sed "s|$scratch/||g" | tee forget.txt
      cp forget.png "$images/forget-fashion-mnist-1epoch.png"
      cp boxed-samples.png "$images/forget-fashion-mnist-boxed-samples.png"
      splice "$repo/docs/forgetting.md" forget-output forget.txt
      commands=('dcgan train --data data/fashion-mnist --epochs 1 --batch-size 64 --profile paper --generator-width 64 --discriminator-width 64 --output forget-run'
        'dcgan sample --checkpoint forget-run --seed 5 --count 16 --indexed --output boxed-samples.png'
        'dcgan forget --checkpoint forget-run --boxes docs/images/forget-fashion-mnist-boxes.json --output forget.png')
      record "$images/forget-fashion-mnist-boxed-samples.png" $((SECONDS - start)) "${commands[@]}"
      record "$images/forget-fashion-mnist-1epoch.png" $((SECONDS - start)) "${commands[@]}"
      ;;
    latent)
      # The model of docs/latent-space.md: what `dcgan train` did by default before the quick-start profile (the
      # paper's batch 128 and learning rate, widths 64, one epoch of the installed 60k set); the exemplars below
      # were chosen on its grid.
      train_once runs/train --profile paper --generator-width 64 --discriminator-width 64
      CK=runs/train
      dcgan sample --checkpoint $CK --output out/grid-indexed-seed5.png --indexed --seed 5 --count 64
      dcgan arithmetic --checkpoint $CK --output out/arith \
        --grid-seed 5 --grid-count 64 --add $LATENT_A --subtract $LATENT_B --add $LATENT_C --neighbours 8
      dcgan arithmetic --checkpoint $CK --output out/arith1 \
        --grid-seed 5 --grid-count 64 --add ${LATENT_A%%,*} --subtract ${LATENT_B%%,*} --add ${LATENT_C%%,*} --neighbours 8
      dcgan interpolate --checkpoint $CK --output out/walk --walk 9 --rows 4 --steps 6 --mode slerp --seed 5
      dcgan interpolate --checkpoint $CK --output out/lerp --from 2 --to 7 --steps 10 --mode lerp
      dcgan interpolate --checkpoint $CK --output out/slerp --from 2 --to 7 --steps 10 --mode slerp --frames
      seconds=$((SECONDS - start))
      cp out/grid-indexed-seed5.png "$images/latent/grid-indexed-seed5.png"
      cp out/arith/arithmetic.png "$images/latent/arithmetic-3-exemplars.png"
      cp out/arith1/arithmetic.png "$images/latent/arithmetic-1-exemplar.png"
      cp out/walk/interpolation.png "$images/latent/walk-slerp-9-points.png"
      cp out/lerp/interpolation.png "$images/latent/pair-lerp-seed2-seed7.png"
      cp out/slerp/interpolation.png "$images/latent/pair-slerp-seed2-seed7.png"
      train='dcgan train --profile paper --generator-width 64 --discriminator-width 64   # writes runs/train'
      record "$images/latent/grid-indexed-seed5.png" $seconds "$train" \
        'dcgan sample --checkpoint runs/train --output out/grid-indexed-seed5.png --indexed --seed 5 --count 64'
      record "$images/latent/arithmetic-3-exemplars.png" $seconds "$train" \
        "dcgan arithmetic --checkpoint runs/train --output out/arith --grid-seed 5 --grid-count 64 --add $LATENT_A --subtract $LATENT_B --add $LATENT_C --neighbours 8"
      record "$images/latent/arithmetic-1-exemplar.png" $seconds "$train" \
        "dcgan arithmetic --checkpoint runs/train --output out/arith1 --grid-seed 5 --grid-count 64 --add ${LATENT_A%%,*} --subtract ${LATENT_B%%,*} --add ${LATENT_C%%,*} --neighbours 8"
      record "$images/latent/walk-slerp-9-points.png" $seconds "$train" \
        'dcgan interpolate --checkpoint runs/train --output out/walk --walk 9 --rows 4 --steps 6 --mode slerp --seed 5'
      record "$images/latent/pair-lerp-seed2-seed7.png" $seconds "$train" \
        'dcgan interpolate --checkpoint runs/train --output out/lerp --from 2 --to 7 --steps 10 --mode lerp'
      record "$images/latent/pair-slerp-seed2-seed7.png" $seconds "$train" \
        'dcgan interpolate --checkpoint runs/train --output out/slerp --from 2 --to 7 --steps 10 --mode slerp --frames'
      ;;
    *)
      echo "unknown section '$section': expected readme, forget or latent" >&2
      exit 2
      ;;
  esac
  echo "$section: done in $((SECONDS - start)) s"
done

#!/usr/bin/env bash
# Train with TorchSharp, serve with ONNX Runtime only: trains a tiny model with the repository's CLI (256 Fashion-MNIST
# images, one epoch of 4 batches, widths 8), exports it with `dcgan export`, writes TorchSharp's rendering of a seed
# grid (`dcgan sample --format npy`), packs Dcgan.Data, Dcgan.Generation and Dcgan.Onnx, builds OnnxConsumer against
# the packages outside the repository, checks that TorchSharp is nowhere in its dependency graph, and runs it: it
# renders the same seed grid with OnnxImageGenerator.RenderSeed, requires max |difference| <= 1e-5 and writes a PNG.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.0.0-onnx-consumer.$(date +%s)"
seed=7
count=16

# 1. The TorchSharp side, with the repository's CLI (built by the main test pass; this build is then a no-op).
dotnet build "$repo/samples/Dcgan.Cli" --nologo -v q
dcgan() { dotnet "$repo/samples/Dcgan.Cli/bin/Debug/net10.0/dcgan.dll" "$@"; }
data="$work/tiny-images-idx3-ubyte"
{
  printf '\x00\x00\x08\x03\x00\x00\x01\x00\x00\x00\x00\x1c\x00\x00\x00\x1c'       # IDX header: 256 images of 28x28
  (set +o pipefail; gzip -dc "$repo/data/fashion-mnist/t10k-images-idx3-ubyte.gz" | tail -c +17 | head -c $((256 * 28 * 28)))
} > "$data"
test "$(stat -c %s "$data")" -eq $((16 + 256 * 28 * 28)) || { echo "FAIL: could not cut 256 images out of the shipped Fashion-MNIST" >&2; exit 1; }
dcgan train --data "$data" --epochs 1 --batch-size 64 --generator-width 8 --discriminator-width 8 --output "$work/run" >"$work/train.log"
dcgan export --checkpoint "$work/run" --output "$work/g.onnx"
dcgan sample --checkpoint "$work/run" --seed "$seed" --count "$count" --format npy --output "$work/torch.npy"

# 2. The ONNX-only app, against the packed libraries.
. "$repo/tests/consumer-app.sh"
build_consumer_app "$repo/tests/OnnxConsumer" "$work" "$version" Dcgan.Data Dcgan.Generation Dcgan.Onnx
grep -q "Microsoft.ML.OnnxRuntime" "$work/packages.txt" || { echo "FAIL: ONNX Runtime is not in the consumer's graph" >&2; exit 1; }
if grep -qi "TorchSharp\|libtorch\|Dcgan.Core" "$work/packages.txt"; then
  echo "FAIL: TorchSharp (or Dcgan.Core) is in the ONNX consumer's dependency graph" >&2
  exit 1
fi
if find bin/Release/net10.0 -iname '*torch*' | grep -q .; then
  echo "FAIL: a TorchSharp or libtorch file is in the consumer's output" >&2
  exit 1
fi
dotnet bin/Release/net10.0/OnnxConsumer.dll "$work/g.onnx" "$seed" "$count" "$work/torch.npy" "$work/out/grid.png"
test -s "$work/out/grid.png"
echo "onnx consumer: OK (no TorchSharp; portable build output with every RID's natives: $(du -sh bin/Release/net10.0 | cut -f1))"

# 3. The web explorer built with -p:DcganBackend=onnx: no TorchSharp in its published output, and it serves the
# exported model's seed grid as the same PNG that `dcgan sample` draws with TorchSharp. Built under $work (its own obj
# and bin folders), so the repository's build of the default flavour is left alone.
dcgan sample --checkpoint "$work/run" --seed "$seed" --count "$count" --output "$work/torch-grid.png"
dotnet publish "$repo/samples/Dcgan.Web" -c Release -r linux-x64 --self-contained false -p:DcganBackend=onnx \
  --artifacts-path "$work/web-artifacts" -o "$work/web" --nologo -v q
if find "$work/web" -iname '*torch*' | grep -q .; then
  echo "FAIL: a TorchSharp or libtorch file is in the ONNX web explorer's published output" >&2
  exit 1
fi
(cd "$work/web" && exec dotnet Dcgan.Web.dll --checkpoint "$work/g.onnx" --urls http://127.0.0.1:0) >"$work/web.log" 2>&1 &
web=$!
trap 'kill "$web" 2>/dev/null; rm -rf "$work"' EXIT
url=""
for _ in $(seq 1 120); do
  url=$(grep -o 'Now listening on: http://[0-9.:]*' "$work/web.log" | head -n 1 | sed 's/Now listening on: //') || true
  [ -n "$url" ] && break
  kill -0 "$web" 2>/dev/null || { cat "$work/web.log" >&2; echo "FAIL: the ONNX web explorer exited" >&2; exit 1; }
  sleep 0.5
done
[ -n "$url" ] || { cat "$work/web.log" >&2; echo "FAIL: the ONNX web explorer did not start listening" >&2; exit 1; }
curl -sf -o "$work/web-grid.png" "$url/api/grid?seed=$seed&count=$count"
kill "$web"
cmp "$work/web-grid.png" "$work/torch-grid.png" \
  || { echo "FAIL: the ONNX web explorer's grid differs from dcgan sample's (TorchSharp)" >&2; exit 1; }
echo "onnx web explorer: OK (published -r linux-x64 with no TorchSharp: $(du -sh "$work/web" | cut -f1); its grid is dcgan sample's PNG byte for byte)"

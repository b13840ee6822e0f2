#!/usr/bin/env bash
# Exports the three PyTorch-made fixtures (tests/Dcgan.Interop.Tests/Fixtures: pytorch64 1x64x64, pytorch32 3x32x32,
# paper32 1x32x32, made by make_fixtures.py with PyTorch 1.13) through `dcgan convert` and `dcgan export`, then checks
# every ONNX file with onnx.checker.check_model(full_check=True) from Debian's python3-onnx (1.12). Run once by hand;
# the tests never need Python. Usage: bash scripts/verify-onnx-export.sh [OUTPUT.txt]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-/dev/stdout}"
python=/usr/bin/python3 # Debian's interpreter, where python3-onnx lives
"$python" -c "import onnx" 2>/dev/null || { echo "needs Debian's python3-onnx: apt-get install python3-onnx" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/samples/Dcgan.Cli/Dcgan.Cli.csproj" -c Release -v quiet -nologo >/dev/null
dcgan="dotnet $root/samples/Dcgan.Cli/bin/Release/net10.0/dcgan.dll"
fixtures="$root/tests/Dcgan.Interop.Tests/Fixtures"
{
  echo "# onnx.checker on dcgan export output, $(date -u +%F), $(lscpu | sed -n 's/^Model name: *//p'), onnx $("$python" -c 'import onnx; print(onnx.__version__)')"
  for spec in "pytorch64 pytorch 64 1" "pytorch32 pytorch 32 3" "paper32 paper 32 1"; do
    set -- $spec
    $dcgan convert --generator "$fixtures/$1/netG.pth" --discriminator "$fixtures/$1/netD.pth" --preset "$2" --image-size "$3" \
      --channels "$4" --latent-dim 16 --generator-width 8 --discriminator-width 8 --output "$work/$1.dcgan" >/dev/null
    $dcgan export --checkpoint "$work/$1.dcgan" --output "$work/$1-g.onnx" --discriminator "$work/$1-d.onnx" >/dev/null
    for f in "$work/$1-g.onnx" "$work/$1-d.onnx"; do
      "$python" - "$f" <<'PY'
import sys, onnx
m = onnx.load(sys.argv[1])
onnx.checker.check_model(m, full_check=True)
io = lambda vs: ", ".join(f"{v.name} [{', '.join(d.dim_param or str(d.dim_value) for d in v.type.tensor_type.shape.dim)}]" for vs_ in [vs] for v in vs_)
print(f"{sys.argv[1].rsplit('/', 1)[-1]}: check_model(full_check=True) passed; opset {m.opset_import[0].version}, "
      f"{len(m.graph.node)} nodes, inputs {io(m.graph.input)}, outputs {io(m.graph.output)}")
PY
    done
  done
} >"$out"

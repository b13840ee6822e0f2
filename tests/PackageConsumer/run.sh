#!/usr/bin/env bash
# Packs Dcgan.Core and Dcgan.Data, builds PackageConsumer against the packages (outside the repository, so the
# repository's props do not apply), runs it on the shipped Fashion-MNIST split, and shows that the research package
# is nowhere in its dependency graph.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.0.0-consumer.$(date +%s)"
. "$repo/tests/consumer-app.sh"
build_consumer_app "$repo/tests/PackageConsumer" "$work" "$version" Dcgan.Core Dcgan.Generation Dcgan.Data
if grep -q "Dcgan.Evaluation" "$work/packages.txt"; then
  echo "FAIL: the research package is in the consumer's dependency graph" >&2
  exit 1
fi
dotnet bin/Release/net10.0/PackageConsumer.dll "$repo/data/fashion-mnist/t10k-images-idx3-ubyte.gz" "$work/out"
test -s "$work/out/samples.png"
echo "package consumer: OK"

#!/usr/bin/env bash
# Packs Dcgan.Core and Dcgan.Data, builds PackageConsumer against the packages (outside the repository, so the
# repository's props do not apply), runs it on the shipped Fashion-MNIST split, and shows that the research package
# is nowhere in its dependency graph.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.0.0-consumer.$(date +%s)"
dotnet pack "$repo/src/Dcgan.Core" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
dotnet pack "$repo/src/Dcgan.Generation" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
dotnet pack "$repo/src/Dcgan.Data" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
mkdir -p "$work/app"
cp "$repo/tests/PackageConsumer/PackageConsumer.csproj" "$repo/tests/PackageConsumer/Program.cs" "$work/app/"
cat > "$work/app/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG
echo "<Project><PropertyGroup><DcganVersion>$version</DcganVersion></PropertyGroup></Project>" > "$work/app/Directory.Build.props"
cd "$work/app"
dotnet build -c Release --nologo -v q
dotnet list package --include-transitive | tee "$work/packages.txt"
if grep -q "Dcgan.Evaluation" "$work/packages.txt"; then
  echo "FAIL: the research package is in the consumer's dependency graph" >&2
  exit 1
fi
dotnet bin/Release/net10.0/PackageConsumer.dll "$repo/data/fashion-mnist/t10k-images-idx3-ubyte.gz" "$work/out"
test -s "$work/out/samples.png"
echo "package consumer: OK"

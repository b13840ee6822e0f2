#!/bin/sh
# Issue 19, deliverable 3: samples/Dcgan.Web serves the load test on 127.0.0.1 while hosted training runs in the same
# process (Dcgan:Training:Data set, so Program.cs adds HostedTrainingService): the paper preset at 28x28, widths 16,
# batches of 32 on the shipped Fashion-MNIST test split, 7 epochs = 7 x 312 = 2,184 steps. The server's training log
# (every 500 steps, and the final "Training stopped (...) after N step(s)") is echoed with a "server:" prefix; the
# checkpoints left in the output folder name the last step. Works from any folder.
#   benchmarks/Dcgan.LoadTest/train-while-serving.sh [SECONDS_PER_CELL]   (default 40: 6 cells, about 4.5 minutes)
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-40}
output=$(mktemp -d "${TMPDIR:-/tmp}/dcgan-train-while-serving.XXXXXX")
echo "cpu: $(lscpu | grep 'Model name' | sed 's/Model name: *//')"
echo "training output: $output"
dotnet build -c Release -v q "$repo/benchmarks/Dcgan.LoadTest/Dcgan.LoadTest.csproj" > /dev/null
status=0
dotnet run -c Release --no-build --project "$repo/benchmarks/Dcgan.LoadTest" -- \
  --checkpoint "$repo/tests/Dcgan.Core.Tests/Fixtures/main-a5eb578-tiny.dcgan" \
  --seconds "$seconds" --clients 1,4,16 \
  --server-setting "Dcgan:Training:Data=$repo/data/fashion-mnist/t10k-images-idx3-ubyte.gz" \
  --server-setting "Dcgan:Training:Output=$output" \
  --server-setting "Dcgan:Training:Resume=false" \
  --server-setting "Dcgan:Training:GeneratorWidth=16" \
  --server-setting "Dcgan:Training:DiscriminatorWidth=16" \
  --server-setting "Dcgan:Training:SampleGrids=false" \
  --server-setting "Dcgan:Training:LogEverySteps=500" \
  --server-setting "Dcgan:Training:StopHostWhenDone=false" \
  --server-setting "Dcgan:Training:Trainer:Epochs=7" \
  --server-setting "Dcgan:Training:Trainer:BatchSize=32" \
  --server-setting "Dcgan:Training:Trainer:Device=cpu" \
  --server-setting "Logging:LogLevel:Dcgan.Hosting.HostedTrainingService=Information" || status=$?
echo "checkpoints written by the hosted training (newest last):"
ls "$output"
rm -rf "$output"
exit $status

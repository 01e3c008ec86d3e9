#!/usr/bin/env bash
# Regenerates the example figures of README from the shipped architectures with the tool itself:
#   plots/resnet20-freeze/{sweep.csv,sweep.svg,breakdown.svg}: ResNet-20 freeze-x on the four HyperX architectures (84 points)
#   plots/resnet20-freeze/inputs.sha256: digests of the inputs, checked by ExampleFiguresTests (stale figures fail the tests)
#   plots/cnn-digits-freeze/: the README's main command, cost and accuracy of freeze-x for the digits CNN (SRAM layers
#     retrained on 3 chips), with pareto.svg and choice.json
#   plots/cnn-digits-rank/: LoBranch ranks 0..8 of the digits CNN on lobranch-3d (Algorithms 1 and 2 on 3 chips)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/HybridSim.Cli -c Release --nologo -v quiet
hybridsim=(dotnet src/HybridSim.Cli/bin/Release/net10.0/hybridsim.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

out=plots/resnet20-freeze
mkdir -p "$out"
time "${hybridsim[@]}" sweep freeze \
  --arch arch/hyperx-128-16b.yaml --arch arch/hyperx-128-8b.yaml \
  --arch arch/hyperx-64-16b.yaml --arch arch/hyperx-64-8b.yaml \
  --workload resnet20-cifar --from 0 --to 20 --out "$work/freeze"
cp "$work/freeze/sweep.csv" "$work/freeze/sweep.svg" "$work/freeze/breakdown.svg" "$out/"
# Every architecture file (bases in subfolders included) and the workload.
{ find arch -name '*.yaml' | LC_ALL=C sort | xargs sha256sum; sha256sum workloads/resnet20-cifar.yaml; } > "$out/inputs.sha256"
echo "regenerated $out"

# The accuracy studies: embedded data and committed weights (weights/cnn-digits.npz, made by
# `hybridsim train --workload cnn-digits --data digits --out weights/cnn-digits.npz`).
accuracy_inputs() { find arch -name '*.yaml' | LC_ALL=C sort | xargs sha256sum; sha256sum workloads/cnn-digits.yaml weights/cnn-digits.npz; }
out=plots/cnn-digits-freeze
mkdir -p "$out"
time "${hybridsim[@]}" sweep freeze \
  --arch arch/hyperx-128-16b.yaml --arch arch/hyperx-128-8b.yaml \
  --arch arch/hyperx-64-16b.yaml --arch arch/hyperx-64-8b.yaml \
  --workload cnn-digits --weights weights/cnn-digits.npz --data digits --recover retrain --instances 3 \
  --max-accuracy-drop 0.5 --out "$work/cnn-freeze"
cp "$work/cnn-freeze/"{sweep.csv,sweep.svg,breakdown.svg,pareto.svg,choice.json} "$out/"
accuracy_inputs > "$out/inputs.sha256"
echo "regenerated $out"

out=plots/cnn-digits-rank
mkdir -p "$out"
time "${hybridsim[@]}" sweep rank --arch arch/lobranch-3d.yaml --workload cnn-digits --ranks 0,1,2,4,8 \
  --weights weights/cnn-digits.npz --data digits --recover lobranch --instances 3 --max-accuracy-drop 0.5 --out "$work/cnn-rank"
cp "$work/cnn-rank/"{sweep.csv,sweep.svg,breakdown.svg,pareto.svg,choice.json} "$out/"
accuracy_inputs > "$out/inputs.sha256"
echo "regenerated $out"

#!/usr/bin/env bash
# Regenerates the example figures of README from the shipped architectures with the tool itself:
#   plots/resnet20-freeze/{sweep.csv,sweep.svg,breakdown.svg}: ResNet-20 freeze-x on the four HyperX architectures (84 points)
#   plots/resnet20-freeze/inputs.sha256: digests of the inputs, checked by ExampleFiguresTests (stale figures fail the tests)
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

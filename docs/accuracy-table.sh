#!/usr/bin/env bash
# Regenerates the "accuracy against programming variation" table of docs/model.md (functional model section).
set -euo pipefail
cd "$(dirname "$0")/.."
h() { dotnet run -c Release --project src/HybridSim.Cli -- "$@"; }
out=$(mktemp -d)
h train --workload mlp-digits --data digits --out "$out/mlp.npz" >/dev/null
for arch in hyperx-128-16b hyperx-64-16b hyperx-128-8b hyperx-64-8b lobranch-3d; do
  line="| $arch"
  for s in shipped 0 0.1 0.3 1.0; do
    set_args=()
    [ "$s" = shipped ] || set_args=(--set "tiles.analog.core.mvmu.device.programming_sigma=$s")
    h evaluate --arch "arch/$arch.yaml" --freeze 3 --workload mlp-digits --weights "$out/mlp.npz" --data digits \
      --instances 5 "${set_args[@]}" --out "$out/e" >/dev/null
    acc=$(grep -E '"accuracy"|"accuracy_std"' "$out/e/accuracy.json" | grep -oE '[0-9.eE-]+' | paste -sd' ')
    line="$line | $(awk -v a="${acc% *}" -v s="${acc#* }" 'BEGIN { printf "%.1f ± %.1f", 100*a, 100*s }')"
  done
  echo "$line |"
done

#!/usr/bin/env bash
# Regenerates the sensitivity table of docs/validation.md: how much each modelling choice of the HyperX files moves the
# freeze-13 improvements of ResNet-20 (CIFAR) over the all-SRAM freeze-0 point (docs/sweeps.md, "Rules"). Every number
# is a `hybridsim sweep freeze` result: the shipped files, then one choice changed at a time with --set or a variant
# file. Prints the table; with --write also replaces it in docs/validation.md (between the sensitivity markers).
# About a minute on 2 cores (12 points per variant, each well under a second of simulation).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/HybridSim.Cli -c Release --nologo -v quiet >/dev/null
h=(dotnet src/HybridSim.Cli/bin/Release/net10.0/hybridsim.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

x=13
workload=resnet20-cifar
archs=(hyperx-128-16b hyperx-128-8b hyperx-64-16b hyperx-64-8b)

# sweep NAME FILE-SUFFIX [--set KEY=VALUE...]: freeze-x (and its freeze-0 baseline) on the four files
sweep() {
  local name=$1 suffix=$2
  shift 2
  local args=()
  for a in "${archs[@]}"; do
    # the -scaled variants exist for the 8-bit files only: the 16-bit table is PUMA's own
    if [ -n "$suffix" ] && [ ! -f "arch/$a$suffix.yaml" ]; then continue; fi
    args+=(--arch "arch/$a$suffix.yaml")
  done
  "${h[@]}" sweep freeze "${args[@]}" --workload "$workload" --from "$x" --to "$x" "$@" --out "$work/$name" >/dev/null 2>&1
}

# cell NAME ARCH COLUMN: the freeze-x row's value, empty when the sweep has no such architecture
cell() {
  awk -F, -v arch="$2" -v col="$3" -v x="$x" '
    NR == 1 { for (i = 1; i <= NF; i++) { if ($i == col) c = i; if ($i == "freeze") f = i }; next }
    $1 == arch && $f == x { print $c }' "$work/$1/sweep.csv"
}

sweep toolchain ""
sweep im2col "" --set conv_mapping=im2col
sweep concurrent "" --set tiles.digital.core.mvmus_concurrent=true
sweep mvmus2 "" --set mvmus_per_core=2
sweep scaled "-scaled"

# row LABEL CHANGE then pairs of (NAME ARCH-SUFFIX COLUMN) per metric come from the loops below
fmt() { # fmt VALUE BASE: "v.vv (+d%)", or "v.vv" when VALUE is the baseline itself, or "—" when there is no value
  awk -v v="$1" -v b="$2" 'BEGIN {
    if (v == "") { printf "—"; exit }
    if (b == "") { printf "%.2f", v; exit }
    d = 100 * (v / b - 1); if (d > -0.5 && d < 0.5) d = 0
    printf "%.2f (%+.0f%%)", v, d }'
}

header="| choice | shipped → alternative |"
rule="|---|---|"
for a in "${archs[@]}"; do header="$header $a energy | $a ANL |"; rule="$rule---:|---:|"; done
echo "$header"
echo "$rule"

row() { # row LABEL CHANGE NAME SUFFIX ENERGY-COLUMN
  local line="| $1 | $2 |"
  for a in "${archs[@]}"; do
    local e0 n0 e n
    e0=$(cell toolchain "$a" energy_improvement)
    n0=$(cell toolchain "$a" anl_improvement)
    if [ "$3" = toolchain ] && [ "$5" = energy_improvement ]; then
      line="$line $(fmt "$e0" "") | $(fmt "$n0" "") |"
      continue
    fi
    e=$(cell "$3" "$a$4" "$5")
    n=$(cell "$3" "$a$4" anl_improvement)
    line="$line $(fmt "$e" "$e0") | $(fmt "$n" "$n0") |"
  done
  echo "$line"
}

{
  row "shipped files (HyperX's toolchain)" "—" toolchain "" energy_improvement
  row "convolution mapping" "per-offset → im2col" im2col "" energy_improvement
  row "digital concurrency" "MVMUs of a digital core one after another → side by side" concurrent "" energy_improvement
  row "MVMUs per core" "6 (PUMA compiler) → 2 (PUMA paper, config.py)" mvmus2 "" energy_improvement
  row "digital table at 8 bits" "unchanged → scaled (energy × 1/4, leakage and area × 1/2)" scaled "-scaled" energy_improvement
  row "leakage" "not counted (dynamic energy) → counted (total energy)" toolchain "" total_energy_improvement
} | tee "$work/rows.md"

if [ "${1:-}" = --write ]; then
  doc=docs/validation.md
  { echo "$header"; echo "$rule"; cat "$work/rows.md"; } > "$work/table.md"
  awk -v table="$work/table.md" '
    /<!-- sensitivity:end -->/ { while ((getline l < table) > 0) print l; skip = 0 }
    !skip { print }
    /<!-- sensitivity:begin -->/ { skip = 1 }' "$doc" > "$work/doc.md"
  cat "$work/doc.md" > "$doc"
  echo "updated $doc" >&2
fi

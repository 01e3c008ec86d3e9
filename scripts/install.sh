#!/usr/bin/env bash
# Installs the `hybridsim` command from this clone: publishes src/HybridSim.Cli (Release, framework-dependent: it runs
# on the .NET 10 runtime the SDK brings) to PREFIX/lib/hybridsim, copies the shipped arch/ and workloads/ beside it (so
# bare workload names such as resnet20-cifar and the shipped bases resolve from any folder), and writes
# PREFIX/bin/hybridsim, a two-line launcher. PREFIX defaults to ~/.local; put PREFIX/bin on PATH.
#   scripts/install.sh                 # ~/.local/bin/hybridsim
#   PREFIX=/opt/hybridsim scripts/install.sh
# Rerun after pulling to update; `rm -r PREFIX/lib/hybridsim PREFIX/bin/hybridsim` uninstalls.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (version in global.json) is required and 'dotnet' is not on PATH" >&2
  exit 1
fi
prefix=${PREFIX:-$HOME/.local}
lib="$prefix/lib/hybridsim"
bin="$prefix/bin"
dotnet_path=$(command -v dotnet)
dotnet_path=$(readlink -f "$dotnet_path")

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
dotnet publish src/HybridSim.Cli -c Release -o "$staging/app" --nologo -v quiet
cp -R arch workloads "$staging/app/"
mkdir -p "$prefix/lib" "$bin"
rm -rf "$lib"
mv "$staging/app" "$lib"
cat > "$staging/hybridsim" <<LAUNCHER
#!/bin/sh
exec "$dotnet_path" "$lib/hybridsim.dll" "\$@"
LAUNCHER
chmod 755 "$staging/hybridsim"
mv "$staging/hybridsim" "$bin/hybridsim"
echo "installed $bin/hybridsim ($("$bin/hybridsim" --version))"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "note: $bin is not on PATH; add it, e.g. export PATH=\"$bin:\$PATH\"" ;;
esac

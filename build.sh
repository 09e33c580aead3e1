#!/usr/bin/env bash
# One entry point for a fresh Debian machine of this kind:
#   ./build.sh [run] [host options]   install what is missing, build, run the service: one node, all roles, local
#                                     storage (./data), the default model, at http://127.0.0.1:5080 (Ctrl+C stops)
#   ./build.sh test                   install what is missing, build, run every test
#   ./build.sh bench [suite]          install what is missing, build, run the benchmarks (bench/README.md)
#   ./build.sh demo                   the command-line tour: probe, windows and tag a file with `genres`
#   ./build.sh azurite                run Azurite (Azure Storage emulator) on 127.0.0.1:10000/10001 for multi-node runs
# Idempotent: with everything installed and built it only runs an incremental build.
set -euo pipefail
cd "$(dirname "$0")"

mode="${1:-run}"
configuration="${CONFIGURATION:-Release}"

# Torch comes from NuGet (TorchSharp + libtorch-cpu-linux-x64), not from apt.
# cmake + g++ + libav*-dev + pkg-config: the in-process audio decoder in src/native links FFmpeg's libraries (5.1 on Debian 12);
# the ffmpeg package stays for ffprobe, the fallback decoder and the test audio the tests generate.
# python3: build/weak-glibcxx.py patches TorchSharp's native library after each copy (Directory.Build.targets).
apt_packages=(ffmpeg cmake g++
  libavformat-dev libavcodec-dev libswresample-dev libavutil-dev pkg-config python3)
# The training benchmark runs the same models in PyTorch beside ours, and the TorchSharp engine's interop tests read
# and write PyTorch files with it (Debian's python3-torch 1.13, run as /usr/bin/python3).
if [ "${1:-run}" = "bench" ] || [ "${1:-run}" = "test" ]; then apt_packages+=(python3-torch); fi
# The web UI's browser tests drive Debian's chromium with Playwright (never a browser Playwright downloads).
if [ "${1:-run}" = "test" ]; then apt_packages+=(chromium); fi
# Node.js + npm run Azurite, the Azure Storage emulator the storage tests use. Only when npm is missing: machine
# images of this kind bring Node.js 20 (with npm) from NodeSource, which Debian's nodejs/npm packages would clash with.
if ! command -v npm >/dev/null 2>&1; then apt_packages+=(nodejs npm); fi

# Azurite is pinned (newer versions need Node >= 21) and installed once per machine under the tools folder, where
# tests/OrleansGenres.Testing (AzuriteInstallation) looks for it and installs it itself when missing.
azurite_version="3.35.0"
tools_dir="${GENRES_TOOLS_DIR:-$HOME/.cache/orleansgenres/tools}"
azurite_dir="$tools_dir/azurite-$azurite_version"

install_missing_packages() {
  local missing=()
  for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return
  fi
  echo "==> installing: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

azurite_installed() {
  [ -f "$1/node_modules/azurite/dist/src/azurite.js" ] &&
    grep -q "\"version\": \"$azurite_version\"" "$1/node_modules/azurite/package.json"
}

install_azurite() {
  if azurite_installed "$azurite_dir"; then
    return
  fi
  echo "==> installing azurite $azurite_version into $azurite_dir"
  mkdir -p "$tools_dir"
  # The same exclusive lock (flock) the test fixture takes, and the same install-aside-then-rename, so a test run
  # starting meanwhile never sees half an installation.
  (
    flock 9
    if ! azurite_installed "$azurite_dir"; then
      staging="$azurite_dir.tmp-$$"
      rm -rf "$staging"
      npm install --prefix "$staging" "azurite@$azurite_version" --no-audit --no-fund --loglevel=error ||
        { rm -rf "$staging"; exit 1; }
      rm -rf "$azurite_dir"
      mv "$staging" "$azurite_dir"
    fi
  ) 9>"$azurite_dir.lock"
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK (dotnet) is not on PATH; this machine image is expected to provide it" >&2
    exit 1
  fi
}

build() {
  echo "==> building ($configuration)"
  dotnet build OrleansGenres.sln -c "$configuration" -nologo -clp:ErrorsOnly
}

genres() {
  dotnet "src/OrleansGenres.Cli/bin/$configuration/net10.0/genres.dll" "$@"
}

# The service: extra arguments go to the host (e.g. --urls http://127.0.0.1:5081 --Analysis:WorkerId node-2), and
# environment variables (Storage__Provider=Azure, Auth__Tenants__acme__ApiKey=...) configure it as in production.
run_service() {
  echo "==> starting OrleansGenres (Ctrl+C stops it)"
  exec dotnet "src/OrleansGenres.Host/bin/$configuration/net10.0/OrleansGenres.Host.dll" \
    --Storage:Local:Path "${GENRES_DATA:-$PWD/data}" "$@"
}

# Azurite in the foreground, data under artifacts/azurite; the host reaches it with
# Storage__Azure__ConnectionString=UseDevelopmentStorage=true.
run_azurite() {
  install_azurite
  mkdir -p artifacts/azurite
  exec node "$azurite_dir/node_modules/azurite/dist/src/azurite.js" --blobHost 127.0.0.1 --queueHost 127.0.0.1 \
    --tableHost 127.0.0.1 --location artifacts/azurite --disableTelemetry --skipApiVersionCheck
}

run_demo() {
  echo "==> genres info"
  genres info
  local sample="../shared/datasets/esc10/audio/dog_bark/1-100032-A.ogg"
  if [ ! -f "$sample" ]; then
    sample="artifacts/demo/tone.flac"
    mkdir -p artifacts/demo
    ffmpeg -nostdin -v error -y -f lavfi -i "sine=frequency=440:duration=9" "$sample"
  fi
  mkdir -p artifacts/demo
  echo "==> genres probe $sample"
  genres probe "$sample" --json
  echo "==> genres windows $sample"
  genres windows "$sample" --out artifacts/demo/windows.npz
  # The default model tags orchestral instruments: show it on one of its own kind of sound.
  local instrument="../shared/datasets/philharmonia/audio/flute/flute_A4_05_mezzo-piano_normal.mp3"
  [ -f "$instrument" ] || instrument="$sample"
  if [ -f models/default/model.json ]; then
    echo "==> genres tag $instrument (default model, models/default)"
    genres tag "$instrument" --top-k 3
  fi
}

install_missing_packages
require_dotnet
build
case "$mode" in
  run) run_service "${@:2}" ;;
  demo) run_demo ;;
  azurite) run_azurite ;;
  test)
    install_azurite
    echo "==> testing"
    dotnet test OrleansGenres.sln -c "$configuration" --no-build -nologo --logger "console;verbosity=normal"
    ;;
  bench)
    dotnet run -c "$configuration" --no-build --project bench/OrleansGenres.Bench -- "${@:2}"
    ;;
  *)
    echo "usage: ./build.sh [run|test|bench|demo|azurite]" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# One entry point for a fresh Debian machine of this kind:
#   ./build.sh          install what is missing, build, run the main job
#   ./build.sh test     install what is missing, build, run every test
#   ./build.sh bench    install what is missing, build, run the benchmarks (bench/README.md)
# Idempotent: with everything installed and built it only runs an incremental build.
set -euo pipefail
cd "$(dirname "$0")"

mode="${1:-run}"
configuration="${CONFIGURATION:-Release}"

# libopenblas0-pthread: Debian's libtorch calls BLAS through libblas.so.3; without OpenBLAS that is the
# reference BLAS and matrix products run ~20x slower.
# libav*-dev + pkg-config: the in-process audio decoder in src/native links FFmpeg's libraries (5.1 on Debian 12);
# the ffmpeg package stays for ffprobe, the fallback decoder and the test audio the tests generate.
apt_packages=(ffmpeg libtorch-dev cmake g++ libopenblas0-pthread
  libavformat-dev libavcodec-dev libswresample-dev libavutil-dev pkg-config)
# The training benchmark runs the same models in PyTorch beside ours (Debian's python3-torch, same libtorch).
if [ "${1:-run}" = "bench" ]; then apt_packages+=(python3-torch); fi

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

run_main_job() {
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
  run) run_main_job ;;
  test)
    echo "==> testing"
    dotnet test OrleansGenres.sln -c "$configuration" --no-build -nologo --logger "console;verbosity=normal"
    ;;
  bench)
    dotnet run -c "$configuration" --no-build --project bench/OrleansGenres.Bench -- "${@:2}"
    ;;
  *)
    echo "usage: ./build.sh [run|test|bench]" >&2
    exit 2
    ;;
esac

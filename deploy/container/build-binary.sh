#!/bin/sh
# Builds the qai-loader binary that the container image ships and installs it at OUTPUT: release
# configuration, the Swift runtime and Foundation linked statically (--static-swift-stdlib), so
# the image needs no Swift toolchain libraries, only libc, libstdc++, zlib and libpq5; debug
# information stripped (symbols kept, so crash backtraces still name functions). The Dockerfile's
# build stage and the CI check of the image's contents (.ci/image-contents) both run this script,
# so both ship the same binary.
#
#     deploy/container/build-binary.sh OUTPUT [swift build options, e.g. --scratch-path DIR]
set -eu
[ $# -ge 1 ] || { echo "usage: $0 OUTPUT [swift build options]" >&2; exit 64; }
output="$1"
shift
cd "$(dirname "$0")/../.."
swift build -c release --product qai-loader --static-swift-stdlib "$@"
bin="$(swift build -c release --product qai-loader --static-swift-stdlib "$@" --show-bin-path)"
mkdir -p "$(dirname "$output")"
cp "$bin/qai-loader" "$output"
strip --strip-debug "$output"
chmod 0755 "$output"

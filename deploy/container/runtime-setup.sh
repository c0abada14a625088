#!/bin/sh
# Prepares the container image's runtime root file system (Debian bookworm): the packages the
# binary needs at run time and the unprivileged user the CronJob runs as (UID/GID 10001, as
# deploy/kubernetes/cronjob.yaml expects). The Dockerfile's runtime stage runs it, and so does the
# CI check of the image's contents (.ci/image-contents) inside a debootstrap root file system.
# `runtime-setup.sh --packages` prints the package list only.
set -eu
packages="libpq5 ca-certificates"
if [ "${1:-}" = "--packages" ]; then
    echo "$packages"
    exit 0
fi

missing=""
for package in $packages; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    # shellcheck disable=SC2086
    apt-get install -y --no-install-recommends $missing
    rm -rf /var/lib/apt/lists/*
fi

getent group qai-loader >/dev/null || groupadd --gid 10001 qai-loader
getent passwd qai-loader >/dev/null ||
    useradd --uid 10001 --gid 10001 --no-create-home --no-log-init --home-dir /nonexistent \
        --shell /usr/sbin/nologin qai-loader

#!/usr/bin/env bash
# Re-fetches lib/libturbojpeg.so.0 from Debian and checks it against the checksums in SOURCES.md: the layer's one
# binary can be reproduced and verified rather than trusted.
set -euo pipefail
cd "$(dirname "$0")"
DEB=libturbojpeg0_2.1.5-2_arm64.deb
DEB_SHA256=85a0914484efe5bfa51c79bc45ccb5133373f65a94e7bd867c89a6a45188d148
SO_SHA256=a953fad5cc022e6d728084973371401cdb6e74cce66d8c334d5caf8842ba3468
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -sSfL -o "$work/$DEB" "https://deb.debian.org/debian/pool/main/libj/libjpeg-turbo/$DEB"
echo "$DEB_SHA256  $work/$DEB" | sha256sum -c -
dpkg-deb -x "$work/$DEB" "$work/root"
mkdir -p lib
cp "$work/root/usr/lib/aarch64-linux-gnu/libturbojpeg.so.0.2.0" lib/libturbojpeg.so.0
cp "$work/root/usr/share/doc/libturbojpeg0/copyright" COPYRIGHT-libjpeg-turbo
echo "$SO_SHA256  lib/libturbojpeg.so.0" | sha256sum -c -

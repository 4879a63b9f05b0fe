#!/usr/bin/env bash
# The Linux release: a tarball of the one-folder bundle with its menu entry, icons and install.sh.
#   installer/linux/make_tarball.sh [DIST_DIR [ICONS_DIR]]
# DIST_DIR holds the bundle (sst-desktop/) that installer/build.py made (default dist/), ICONS_DIR
# what installer/make_icons.py made (default build/icons, build.py's). Writes
# DIST_DIR/sst-desktop-VERSION-linux-ARCH.tar.gz; the version is the bundle's own (`sst --version`).
# An AppImage needs appimagetool, which is not in a package registry this project can reach.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dist="$(cd "${1:-$root/dist}" && pwd)"
icons="${2:-$root/build/icons}"
bundle="$dist/sst-desktop"
[ -x "$bundle/sst" ] || { echo "make_tarball: no bundle in $dist (run installer/build.py)" >&2; exit 1; }
[ -d "$icons/hicolor" ] || { echo "make_tarball: no icons in $icons (installer/make_icons.py)" >&2; exit 1; }
version="$(env -i PATH=/usr/bin:/bin "$bundle/sst" --version 2>/dev/null | awk '{print $2}')"
name="sst-desktop-$version-linux-$(uname -m)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/share/applications" "$stage/$name/share/icons"
cp -a "$bundle" "$stage/$name/sst-desktop"
cp "$root/installer/linux/sst-desktop.desktop" "$stage/$name/share/applications/"
cp -a "$icons/hicolor" "$stage/$name/share/icons/"
install -m 755 "$root/installer/linux/install.sh" "$stage/$name/install.sh"
tar -C "$stage" -czf "$dist/$name.tar.gz" "$name"
echo "make_tarball: $dist/$name.tar.gz ($(du -h "$dist/$name.tar.gz" | cut -f1))"

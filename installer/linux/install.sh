#!/bin/sh
# Install SST Desktop from this unpacked tarball (installer/linux/make_tarball.sh made it).
#   sudo ./install.sh              for every user: /opt/sst-desktop, /usr/local/{bin,share}
#   ./install.sh --user            for you only: ~/.local/opt/sst-desktop, ~/.local/{bin,share}
#   [sudo] ./install.sh [--user] --uninstall
# The program, the `sst-desktop` and `sst` commands, the menu entry and the icons. Uninstalling
# removes those and never the profiles (~/.local/share/sst-desktop/): delete that by hand.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
opt=/opt/sst-desktop
prefix=/usr/local
action=install
for arg in "$@"; do
  case "$arg" in
    --user) opt="$HOME/.local/opt/sst-desktop"; prefix="$HOME/.local" ;;
    --uninstall) action=uninstall ;;
    *) echo "install.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done
icons="$prefix/share/icons/hicolor"

refresh() {  # menus and icon caches pick the change up without a new login
  command -v update-desktop-database >/dev/null 2>&1 &&
    update-desktop-database -q "$prefix/share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
}

if [ "$action" = uninstall ]; then
  rm -rf "$opt"
  rm -f "$prefix/bin/sst-desktop" "$prefix/bin/sst" \
    "$prefix/share/applications/sst-desktop.desktop"
  find "$icons" -name 'sst-desktop.*' -delete 2>/dev/null || true
  refresh
  echo "SST Desktop removed (profiles kept in ~/.local/share/sst-desktop)"
  exit 0
fi

rm -rf "$opt"
mkdir -p "$(dirname "$opt")" "$prefix/bin" "$prefix/share/applications" "$icons"
cp -a "$here/sst-desktop" "$opt"
ln -sf "$opt/sst-desktop" "$prefix/bin/sst-desktop"
ln -sf "$opt/sst" "$prefix/bin/sst"
sed "s|^Exec=.*|Exec=$opt/sst-desktop|" "$here/share/applications/sst-desktop.desktop" \
  >"$prefix/share/applications/sst-desktop.desktop"
cp -a "$here/share/icons/hicolor/." "$icons/"
refresh
echo "SST Desktop installed in $opt; check it with: $opt/sst-desktop --self-test"

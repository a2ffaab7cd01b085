#!/bin/sh
# Installs Briefing Reader for the current user from the unpacked release archive:
#   ./install.sh              the program to ~/.local/opt/briefing-reader, a `briefing-reader`
#                             command in ~/.local/bin, the menu entry and the icons
#   ./install.sh --uninstall  removes all of that; the library (your articles) is kept in
#                             ${XDG_DATA_HOME:-~/.local/share}/BriefingReader
# Root is not needed, and nothing outside the user's home is touched.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=$HOME/.local/opt/briefing-reader
bin=$HOME/.local/bin
apps=$data/applications
icons=$data/icons/hicolor
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$prefix"
    rm -f "$bin/briefing-reader" "$apps/briefing-reader.desktop"
    for size in $sizes; do
        rm -f "$icons/${size}x${size}/apps/briefing-reader.png"
    done
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
    echo "Briefing Reader removed. Your library is kept in $data/BriefingReader."
    exit 0
fi

[ -x "$here/briefing-reader/briefing-reader" ] || {
    echo "install.sh: run me from the unpacked archive (no briefing-reader/ beside me)" >&2
    exit 1
}
mkdir -p "$prefix" "$bin" "$apps"
rm -rf "$prefix.new"
cp -a "$here/briefing-reader" "$prefix.new"
rm -rf "$prefix"
mv "$prefix.new" "$prefix"
ln -sf "$prefix/briefing-reader" "$bin/briefing-reader"
for size in $sizes; do
    mkdir -p "$icons/${size}x${size}/apps"
    cp "$here/icons/briefing-reader-$size.png" "$icons/${size}x${size}/apps/briefing-reader.png"
done
sed -e "s|^Exec=briefing-reader|Exec=$prefix/briefing-reader|" \
    -e "s|^TryExec=briefing-reader|TryExec=$prefix/briefing-reader|" \
    "$here/briefing-reader.desktop" > "$apps/briefing-reader.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$icons" 2>/dev/null || true
echo "Briefing Reader installed in $prefix; start it from the menu or with: briefing-reader"
"$prefix/briefing-reader" --version

#!/bin/sh
# Installs TwinDesk from this folder, or removes it again.
#
#   ./install.sh                     for you: ~/.local/opt/TwinDesk, ~/.local/bin/twindesk, menu entry, icons
#   sudo ./install.sh --system       for everyone: /opt/TwinDesk, /usr/local/bin, /usr/local/share
#   ./install.sh --uninstall         (with --system for the system-wide copy)
#
# Upgrading is installing the new version the same way: the program folder is replaced whole. The data
# (the database and its backups in ~/.local/share/TwinDesk, or where --db/TWINDESK_DB points) is never
# touched by installing, upgrading or removing.
set -eu

APP_ID=org.twindesk.TwinDesk
SIZES="16 24 32 48 64 128 256 512"
HERE=$(cd "$(dirname "$0")" && pwd -P)

mode=user
action=install
for arg in "$@"; do
    case "$arg" in
        --system) mode=system ;;
        --uninstall) action=uninstall ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option: $arg (see --help)" >&2; exit 2 ;;
    esac
done

if [ "$mode" = system ]; then
    if [ "$(id -u)" -ne 0 ]; then echo "install.sh: --system needs root (sudo ./install.sh --system)" >&2; exit 2; fi
    APP_DIR=/opt/TwinDesk
    BIN_DIR=/usr/local/bin
    SHARE=/usr/local/share
else
    : "${HOME:?install.sh: HOME is not set}"
    APP_DIR="$HOME/.local/opt/TwinDesk"
    BIN_DIR="$HOME/.local/bin"
    SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
DESKTOP="$SHARE/applications/$APP_ID.desktop"
METAINFO="$SHARE/metainfo/$APP_ID.metainfo.xml"

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$SHARE/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
    fi
}

remove_integration() {
    rm -f "$DESKTOP" "$METAINFO" "$SHARE/icons/hicolor/scalable/apps/twindesk.svg"
    for s in $SIZES; do rm -f "$SHARE/icons/hicolor/${s}x${s}/apps/twindesk.png"; done
    if [ -L "$BIN_DIR/twindesk" ]; then rm -f "$BIN_DIR/twindesk"; fi
}

if [ "$action" = uninstall ]; then
    remove_integration
    case "$APP_DIR" in */TwinDesk) rm -rf "$APP_DIR" ;; esac
    refresh_caches
    echo "TwinDesk removed from $APP_DIR. Your data was kept (~/.local/share/TwinDesk for each user)."
    exit 0
fi

[ -x "$HERE/twindesk" ] || { echo "install.sh: run me from the unpacked TwinDesk folder" >&2; exit 2; }
if [ "$HERE" = "$APP_DIR" ]; then
    echo "install.sh: this copy is already installed at $APP_DIR; run install.sh of the new version" >&2
    exit 2
fi

# The program: copied next to the old one, then swapped in, so a failed copy leaves the old one working.
mkdir -p "$(dirname "$APP_DIR")" "$BIN_DIR" "$SHARE/applications" "$SHARE/metainfo"
rm -rf "$APP_DIR.new"
cp -R "$HERE" "$APP_DIR.new"
rm -rf "$APP_DIR.old"
if [ -d "$APP_DIR" ]; then mv "$APP_DIR" "$APP_DIR.old"; fi
mv "$APP_DIR.new" "$APP_DIR"
rm -rf "$APP_DIR.old"

# The desktop integration, pointing at the installed program by its full path.
ln -sf "$APP_DIR/twindesk" "$BIN_DIR/twindesk"
sed -e "s|^Exec=.*|Exec=$APP_DIR/twindesk|" -e "s|^TryExec=.*|TryExec=$APP_DIR/twindesk|" \
    "$APP_DIR/$APP_ID.desktop" > "$DESKTOP"
chmod 644 "$DESKTOP"
cp "$APP_DIR/usr/share/metainfo/$APP_ID.metainfo.xml" "$METAINFO"
ICONS="$APP_DIR/_internal/resources/icons"
for s in $SIZES; do
    mkdir -p "$SHARE/icons/hicolor/${s}x${s}/apps"
    cp "$ICONS/twindesk-$s.png" "$SHARE/icons/hicolor/${s}x${s}/apps/twindesk.png"
done
mkdir -p "$SHARE/icons/hicolor/scalable/apps"
cp "$ICONS/twindesk.svg" "$SHARE/icons/hicolor/scalable/apps/twindesk.svg"
refresh_caches

echo "TwinDesk $("$APP_DIR/twindesk" --version | sed 's/^TwinDesk //') installed in $APP_DIR"
echo "  menu entry: $DESKTOP"
echo "  command:    $BIN_DIR/twindesk"
case ":$PATH:" in *":$BIN_DIR:"*) ;; *) echo "  ($BIN_DIR is not on your PATH; the menu entry works regardless)" ;; esac

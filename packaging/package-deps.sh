#!/usr/bin/env bash
# Debian packages that building and checking the packages needs, beyond packaging/debian-deps.sh:
# the CJK font that goes into the bundle, binutils (PyInstaller reads and strips ELF files), the
# validators of the desktop entry and the AppStream metainfo, and Xvfb with xwininfo (x11-utils) for the
# smoke test that shows the frozen window on a real X display. Installs only what is missing, and only
# where it can (Debian/Ubuntu, as root or with sudo).
set -euo pipefail

packages=(fonts-wqy-microhei binutils desktop-file-utils appstream xvfb x11-utils poppler-utils)

command -v dpkg-query >/dev/null 2>&1 || { echo "package-deps: not a Debian system; install the equivalents of: ${packages[*]}"; exit 0; }

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "package-deps: please install: ${missing[*]}" >&2; exit 0
fi
echo "package-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

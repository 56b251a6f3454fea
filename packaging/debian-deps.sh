#!/usr/bin/env bash
# Debian packages TwinDesk needs beyond Python: a CJK TrueType font (the window and the PDF briefing
# packs show Chinese, Korean and Japanese; DESIGN §7), the X libraries Qt's xcb platform plugin loads
# for a real window, Xvfb for screenshots, poppler-utils to look at PDF pages, and the validators of
# the packages' desktop entry and AppStream metainfo (desktop-file-utils, appstream).
# Installs only what is missing, and only where it can (Debian/Ubuntu, as root or with sudo).
set -euo pipefail

packages=(fonts-wqy-microhei libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
          libxcb-xkb1 libxcb-render-util0 libxcb-image0 libxcb-shape0 libegl1 libgl1 libfontconfig1
          libdbus-1-3 xvfb poppler-utils
          desktop-file-utils appstream)  # the tests validate the .desktop entry and AppStream metainfo

command -v dpkg-query >/dev/null 2>&1 || { echo "debian-deps: not a Debian system; install a CJK font yourself"; exit 0; }

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "debian-deps: please install: ${missing[*]}" >&2; exit 0
fi
echo "debian-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

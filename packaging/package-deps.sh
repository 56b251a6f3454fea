#!/usr/bin/env bash
# Debian packages that building and checking the packages needs, beyond packaging/debian-deps.sh:
# the CJK font that goes into the bundle, binutils (PyInstaller reads and strips ELF files), the
# validators of the desktop entry and the AppStream metainfo, and Xvfb with xwininfo (x11-utils) for the
# smoke test that shows the frozen window on a real X display. Installs only what is missing, and only
# where it can (Debian/Ubuntu, as root or with sudo).
set -euo pipefail

packages=(fonts-wqy-microhei binutils desktop-file-utils appstream xvfb x11-utils poppler-utils)

exec bash "$(dirname "$0")/apt-install-missing.sh" package-deps "${packages[@]}"

#!/usr/bin/env bash
# Debian packages TwinDesk needs beyond Python: a CJK TrueType font (the window and the PDF briefing
# packs show Chinese, Korean and Japanese; docs/architecture.md, "Measured on these machines"), the X libraries Qt's xcb platform plugin loads
# for a real window, Xvfb for screenshots, poppler-utils to look at PDF pages, and the validators of
# the packages' desktop entry and AppStream metainfo (desktop-file-utils, appstream).
# Installs only what is missing, and only where it can (Debian/Ubuntu, as root or with sudo).
set -euo pipefail

# The official layout's fonts by role (twindesk/briefing/font_roles.py): 宋 (and 仿宋, 小标宋 stand-ins),
# 楷, 黑, and Liberation Serif for Latin text among them.
packages=(fonts-wqy-microhei fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-liberation2
          libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
          libxcb-xkb1 libxcb-render-util0 libxcb-image0 libxcb-shape0 libegl1 libgl1 libfontconfig1
          libdbus-1-3 xvfb poppler-utils
          desktop-file-utils appstream)  # the tests validate the .desktop entry and AppStream metainfo

exec bash "$(dirname "$0")/apt-install-missing.sh" debian-deps "${packages[@]}"

#!/usr/bin/env bash
# apt-install-missing.sh WHO PACKAGE…: install the Debian packages that are not installed yet, and only
# where it can (Debian/Ubuntu, as root or with sudo); elsewhere say what to install. WHO names the caller
# in its messages. Shared by debian-deps.sh (running and testing) and package-deps.sh (building).
set -euo pipefail
who=$1; shift
packages=("$@")

command -v dpkg-query >/dev/null 2>&1 || { echo "$who: not a Debian system; install the equivalents of: ${packages[*]}"; exit 0; }

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "$who: please install: ${missing[*]}" >&2; exit 0
fi
echo "$who: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/bin/sh
# Installs the Debian packages poolschool needs, if any are missing.
# Usage: scripts/ensure-packages.sh PACKAGE...   (e.g. libedit-dev tmux)
# Exits 2 with the names to install by hand when it cannot install them itself.
set -eu

missing=""
for package in "$@"; do
    case "$package" in
        libedit-dev) [ -f /usr/include/editline/readline.h ] && continue ;;
        tmux) command -v tmux >/dev/null 2>&1 && continue ;;
        pkg-config) command -v pkg-config >/dev/null 2>&1 && continue ;;
        postgresql-client) command -v psql >/dev/null 2>&1 && continue ;;
        libpq-dev) [ -f /usr/include/postgresql/libpq-fe.h ] && continue ;;
        postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && continue ;;
        pgbouncer) [ -x /usr/sbin/pgbouncer ] || command -v pgbouncer >/dev/null 2>&1 && continue ;;
        openssl) command -v openssl >/dev/null 2>&1 && continue ;;
        python3-venv) python3 -c 'import ensurepip, venv' >/dev/null 2>&1 && continue ;;
        *) dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' && continue ;;
    esac
    missing="$missing $package"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "poolschool needs these packages and cannot install them here (no apt-get):$missing" >&2
    echo "Install them with your system's package manager, then run make again." >&2
    exit 2
fi
if [ "$(id -u)" = 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo"
else
    echo "poolschool needs these packages and cannot install them (not root, no sudo):$missing" >&2
    echo "Install them as root:  apt-get install$missing" >&2
    exit 2
fi

echo "Installing missing packages:$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists; an install without them finds nothing.
$as_root apt-get update -qq
# shellcheck disable=SC2086
$as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null

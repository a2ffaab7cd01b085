#!/usr/bin/env bash
# Sets up (or checks) everything Briefing Reader needs, quickly when nothing changed.
#   bash tools/setup.sh        the program
#   bash tools/setup.sh test   the program and its test tools
# Creates .venv beside this repository, installs the package into it (editable), and on Debian or
# Ubuntu installs the few system libraries Qt needs when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"
python="${PYTHON:-python3}"

need_libs=()
if command -v dpkg-query >/dev/null 2>&1; then
  # What Qt's xcb platform plugin loads: without the icccm/keysyms/image/render-util/shape/xinerama
  # libraries the window does not open on an X display (offscreen tests need none of them).
  for lib in libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libxcb-cursor0 libxkbcommon-x11-0 \
    libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
    libxcb-randr0 libxcb-xkb1; do
    dpkg-query -W -f='${Status}' "$lib" 2>/dev/null | grep -q "ok installed" || need_libs+=("$lib")
  done
fi
if [ "${#need_libs[@]}" -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "Installing system libraries for Qt: ${need_libs[*]}"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${need_libs[@]}" >/dev/null
fi

# The team-library tests (tests/team) start a throwaway PostgreSQL cluster with the server's own
# initdb and pg_ctl: install the server when testing and it is missing, so they run, not skip.
if [ "$extra" = "test" ] && command -v apt-get >/dev/null 2>&1 \
  && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "Installing the PostgreSQL server for the team-library tests"
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

[ -x .venv/bin/python ] || "$python" -m venv .venv
spec="."
[ "$extra" = "test" ] && spec=".[test]"
stamp=".venv/.briefing-installed-${extra:-app}"
digest=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
  # pip before 23.3 does not normalise extra names (PEP 685): it warned on every fresh install
  # that lxml 6 "does not provide the extra 'html_clean'" (trafilatura's justext asks for
  # lxml[html_clean]; lxml spells it html-clean). pip 24 and later print setuptools' notes
  # on every editable install instead: 23.3 is quiet on both counts.
  .venv/bin/python -m pip install -q --disable-pip-version-check "pip>=23.3,<24"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e "$spec"
  echo "$digest" > "$stamp"
fi

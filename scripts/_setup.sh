# Sourced by scripts/serve and scripts/test: make this checkout runnable on a fresh machine.
# Creates .venv with the machine's python3, installs the pinned package, and the Debian
# packages the app needs (fonts for Chinese reports; Chromium and poppler for the tests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PLANWATCH_ROOT="$ROOT"

need_debs() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "安装系统软件包 / installing Debian packages: ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
      fc-cache -f >/dev/null 2>&1 || true
      rm -rf "${HOME}/.cache/matplotlib"
    else
      echo "缺少系统软件包 / missing Debian packages (run as root or install them): ${missing[*]}" >&2
    fi
  fi
}

ensure_venv() {
  if [ ! -x .venv/bin/python ]; then
    echo "创建虚拟环境 / creating .venv"
    python3 -m venv .venv
  fi
  local stamp=.venv/.planwatch-installed
  local want
  want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "安装依赖 / installing dependencies"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[test]'
    echo "$want" > "$stamp"
  fi
  # The package's bytecode, as a non-editable install has it: where PYTHONDONTWRITEBYTECODE is set, every
  # command would otherwise compile its hundred modules again at each start (a tenth of a second).
  .venv/bin/python -m compileall -q -j 0 planwatch >/dev/null
}

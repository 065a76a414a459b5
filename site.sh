#!/usr/bin/env bash
# One entry point for everything: sets up what it needs, then does the job. No environment to activate.
# For staff:
#   ./site.sh serve [--port N]   live preview at http://127.0.0.1:8000 (or port N; reloads on docs/ and docs_zh/ edits)
#   ./site.sh check              strict build of both editions (into a temporary folder) and translation status;
#                                ends with one line: passed or failed, and what to do next
#   ./site.sh scaffold ...       python -m tools.scaffold ... (a new notice, or a page pair; --help lists them)
#   ./site.sh translations ...   python -m tools.translations ... (status, diff FILE, mark FILE)
# For developers and CI:
#   ./site.sh test    the whole test suite, browser tests included
#   ./site.sh build   strict build for publishing into site/ (replaced only if the build passes);
#                     needs SITE_URL, the published address
#   ./site.sh lock    requirements.txt (every file's hash) regenerated from requirements.in
#   ./site.sh preview BASE   a pull request's CI run: strict build into preview/ (uploaded for reviewers), then on
#                     stdout the Markdown list of pages whose source changed since the git commit BASE
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
export NO_MKDOCS_2_WARNING=1   # Material's end-of-life banner, not a build problem

ensure_python_env() {
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  # Reinstall only when requirements.txt changed since the last install. Every file is
  # checked against its hash in requirements.txt (pip itself too: it is in the lock), so
  # a file replaced on the package index is refused, not installed.
  local stamp="$VENV/.requirements.sha256"
  local want
  want=$(sha256sum requirements.txt | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    "$VENV/bin/python" -m pip install --quiet --require-hashes -r requirements.txt
    echo "$want" > "$stamp"
  fi
}

# requirements.txt from requirements.in, with the hash of every file on PyPI (pip-tools, in
# the lock itself). This machine's pip settings (extra indexes, wheel folders) stay out: the
# lock names PyPI's files. Extra arguments go to pip-compile (--upgrade, --upgrade-package X).
lock_requirements() {
  PIP_CONFIG_FILE=/dev/null env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_INDEX_URL \
    "$VENV/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras \
    --output-file=requirements.txt requirements.in "$@"
}

# Browser tests drive Debian's Chromium (playwright cannot download its own here), and
# measure Chinese pages (print page counts, first screens) with Chinese fonts, not boxes:
# each is installed whenever it is missing, whether or not the other is.
ensure_system_packages() {
  local browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
  local missing=()
  [ -x "$browser" ] || missing+=(chromium)
  # grep reads the whole list: with -q it would stop at the first match, fc-list would die of
  # SIGPIPE, and under pipefail the fonts would count as missing.
  fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing from Debian for the tests: ${missing[*]}..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${missing[*]} (Chromium, or set CHROMIUM_PATH; the Chinese fonts)." >&2
    echo "The tests that need them are skipped locally and fail under CI=true." >&2
  fi
}

# A published site must name the address readers use: canonical links,
# sitemap.xml and robots.txt are built from it. Checked before anything is
# installed or built; serve and the tests keep the local default.
require_public_site_url() {
  local url="${SITE_URL:-}"
  local host="${url#*://}"
  host="${host%%/*}"
  host="${host##*@}"
  host=$(printf '%s' "$host" | tr '[:upper:]' '[:lower:]')
  case "$(printf '%s' "$url" | tr '[:upper:]' '[:lower:]')" in
    "") echo "SITE_URL is not set; set it to the address readers use, e.g. SITE_URL=https://guide.example.org/ ./site.sh build" >&2; exit 2 ;;
    http://*|https://*) ;;
    *) echo "SITE_URL=$url is not a web address; set it to the address readers use, e.g. SITE_URL=https://guide.example.org/ ./site.sh build" >&2; exit 2 ;;
  esac
  case "$host" in
    localhost|localhost:*|localhost.|127.*|0.0.0.0|0.0.0.0:*|"[::1]"|"[::1]:"*|"")
      echo "SITE_URL=$url is this computer, not the published site; set it to the address readers use, e.g. SITE_URL=https://guide.example.org/ ./site.sh build" >&2; exit 2 ;;
  esac
}

strict_build() {
  # Build into a fresh folder and swap it in only on success: a failed build
  # never leaves a half-written site/ for the publishing step to pick up.
  local out
  out=$(mktemp -d "${TMPDIR:-/tmp}/site-build.XXXXXX")
  if "$VENV/bin/mkdocs" build --strict --site-dir "$out/site"; then
    rm -rf site
    mv "$out/site" site
    rm -rf "$out"
    echo "Built site/ (strict)."
  else
    rm -rf "$out"
    echo "Build failed: site/ left unchanged." >&2
    return 1
  fi
}

# Staff's check before a pull request: what CI's strict build refuses, in seconds, not the test suite.
# Outdated translations do not fail it (an urgent English fix may be published at once).
check_content() {
  local out build_ok=1 translations_ok=1
  out=$(mktemp -d "${TMPDIR:-/tmp}/site-check.XXXXXX")
  echo "Building both editions strictly (nothing is published)..."
  "$VENV/bin/mkdocs" build --strict --site-dir "$out/site" || build_ok=0
  rm -rf "$out"
  echo
  echo "Translations:"
  "$VENV/bin/python" -m tools.translations status || translations_ok=0
  echo
  if [ "$build_ok" = 0 ]; then
    echo "check: FAILED; fix each WARNING line above (CONTRIBUTING.md, 'Build messages and their fixes'; 中文：CONTRIBUTING.zh.md), then run ./site.sh check again."
    return 1
  elif [ "$translations_ok" = 0 ]; then
    echo "check: PASSED, with translations to update (listed above); you may open a pull request, and update them when you can (./site.sh translations diff FILE, then mark FILE)."
  else
    echo "check: PASSED; open a pull request (CI then runs ./site.sh test and publishes once it is merged)."
  fi
}

# `serve [--port N]`: the preview's port, 8000 unless given.
serve_port() {
  local port=8000
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) port="${2:-}"; shift 2 || shift ;;
      --port=*) port="${1#--port=}"; shift ;;
      *) echo "serve: unknown option '$1'; use: ./site.sh serve [--port N]" >&2; return 2 ;;
    esac
  done
  case "$port" in
    ''|*[!0-9]*) echo "serve: --port needs a number, like --port 8001" >&2; return 2 ;;
  esac
  if [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
    echo "serve: --port needs a number from 1 to 65535, like --port 8001" >&2; return 2
  fi
  echo "$port"
}

case "${1:-}" in
  serve)
    shift
    port=$(serve_port "$@") || exit 2
    ensure_python_env
    echo "Preview: http://127.0.0.1:$port/ (English) and http://127.0.0.1:$port/zh/ (Chinese); Ctrl+C stops it."
    exec "$VENV/bin/mkdocs" serve --dev-addr "127.0.0.1:$port"
    ;;
  check)
    ensure_python_env
    check_content
    ;;
  scaffold|translations)
    tool="$1"
    shift
    ensure_python_env
    exec "$VENV/bin/python" -m "tools.$tool" "$@"
    ;;
  test)
    shift
    ensure_python_env
    ensure_system_packages
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  build)
    require_public_site_url
    ensure_python_env
    strict_build
    ;;
  preview)
    shift
    base="${1:-}"
    if [ -z "$base" ]; then
      echo "usage: ./site.sh preview BASE (a git commit to compare with, e.g. HEAD^1)" >&2; exit 2
    fi
    ensure_python_env >&2
    rm -rf preview
    # The build's lines go to stderr: stdout is the list, for the job summary.
    "$VENV/bin/mkdocs" build --strict --site-dir preview >&2
    exec "$VENV/bin/python" -m tools.changed_pages "$base"
    ;;
  lock)
    shift
    ensure_python_env
    lock_requirements "$@"
    ensure_python_env
    ;;
  *)
    echo "usage: ./site.sh serve [--port N] | check | scaffold ... | translations ... | test [pytest args] | build | preview BASE | lock [pip-compile args]" >&2
    exit 2
    ;;
esac

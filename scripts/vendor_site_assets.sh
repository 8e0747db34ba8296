#!/usr/bin/env bash
# Re-fetch the site's vendored JavaScript from the npm registry (pinned versions; `npm pack`
# checks each tarball's integrity). Run after changing a version below; commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
HTML_MANAGER=1.0.15   # @jupyter-widgets/html-manager: renders saved widget state (BSD-3-Clause)
MATHJAX=3.2.2         # mathjax: renders the lessons' formulas (Apache-2.0)
vendor=site/_static/vendor
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@jupyter-widgets/html-manager@$HTML_MANAGER" "mathjax@$MATHJAX" >/dev/null)
mkdir -p "$tmp/hm" "$tmp/mj"
tar xzf "$tmp/jupyter-widgets-html-manager-$HTML_MANAGER.tgz" -C "$tmp/hm"
tar xzf "$tmp/mathjax-$MATHJAX.tgz" -C "$tmp/mj"
rm -rf "$vendor/html-manager" "$vendor/mathjax"
mkdir -p "$vendor/html-manager" "$vendor/mathjax"
# embed.js bundles the standard controls (no require.js, no CDN); the fonts are Font Awesome's,
# which the bundled CSS loads from the script's own folder (browsers take woff2, else woff).
cp "$tmp/hm/package/dist/embed.js" "$tmp/hm/package/dist/embed.js.LICENSE.txt" "$vendor/html-manager/"
cp "$tmp"/hm/package/dist/*.woff2 "$tmp"/hm/package/dist/*.woff "$vendor/html-manager/"
# The npm package ships no licence file; its licence is ipywidgets' (BSD-3-Clause).
python3 - "$vendor/html-manager/LICENSE" <<'PY'
import sys, importlib.metadata as md
text = md.distribution("ipywidgets").read_text("licenses/LICENSE") or md.distribution("ipywidgets").read_text("LICENSE")
open(sys.argv[1], "w").write(text)
PY
cp "$tmp/mj/package/es5/tex-svg-full.js" "$tmp/mj/package/LICENSE" "$vendor/mathjax/"
printf '@jupyter-widgets/html-manager %s\nmathjax %s\n' "$HTML_MANAGER" "$MATHJAX" > "$vendor/VERSIONS"
echo "vendored into $vendor:"; du -sh "$vendor"/*

#!/usr/bin/env bash
# Fetch the three JavaScript libraries bertviz's views need into assets/vendor/, so the
# attention views render offline: the app never loads them from a CDN at run time.
#
#   d3        5.7.0  (BSD-3-Clause)  dist/d3.min.js      -> assets/vendor/d3.min.js
#   jquery    3.7.1  (MIT)           dist/jquery.min.js  -> assets/vendor/jquery.min.js
#   requirejs 2.3.6  (MIT)           require.js          -> assets/vendor/require.js
#
# They come from the npm registry through `npm pack` (no node_modules, nothing global),
# and each tarball is checked against the sha512 pinned below before anything is
# extracted. assets/vendor/ holds its own .gitignore ("*"), so nothing fetched is ever
# committed. Idempotent: a complete, verified folder is left alone (FORCE=1 refetches).
# Override the target with PLM_STUDIO_WEB_ASSETS=/some/folder.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=${PLM_STUDIO_WEB_ASSETS:-assets/vendor}

# name@version  sha512 (npm "integrity")  file-in-tarball  target-name  licence-file-in-tarball
SPECS=(
  "d3@5.7.0 sha512-8KEIfx+dFm8PlbJN9PI0suazrZ41QcaAufsKE9PRcqYPWLngHIyWJZX96n6IQKePGgeSu0l7rtlueSSNq8Zc3g== package/dist/d3.min.js d3.min.js package/LICENSE"
  "jquery@3.7.1 sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg== package/dist/jquery.min.js jquery.min.js package/LICENSE.txt"
  "requirejs@2.3.6 sha512-ipEzlWQe6RK3jkzikgCupiTbTvm4S0/CAU5GlgptkN5SO6F3u0UD0K18wy6ErDqiCyP4J4YYe1HuAShvsxePLg== package/require.js require.js -"
)
STAMP="$DEST/VERSIONS.txt"
WANT=$(printf '%s\n' "${SPECS[@]}" | awk '{print $1, $2}')

if [ "${FORCE:-0}" != 1 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] \
   && [ -s "$DEST/d3.min.js" ] && [ -s "$DEST/jquery.min.js" ] && [ -s "$DEST/require.js" ]; then
  echo "web assets already in $DEST"
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "fetch_web_assets: npm is needed (apt-get install npm)" >&2; exit 1; }
mkdir -p "$DEST"
printf '*\n' > "$DEST/.gitignore"   # never commit fetched files (this .gitignore included)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for spec in "${SPECS[@]}"; do
  read -r pkg integrity member target licence <<<"$spec"
  tgz=$(cd "$WORK" && npm pack --silent --loglevel=error "$pkg" | tail -n 1)
  got="sha512-$(openssl dgst -sha512 -binary "$WORK/$tgz" | base64 -w0)"
  if [ "$got" != "$integrity" ]; then
    echo "fetch_web_assets: $pkg: checksum mismatch ($got)" >&2
    exit 1
  fi
  tar -xzf "$WORK/$tgz" -C "$WORK" "$member"
  install -m 0644 "$WORK/$member" "$DEST/$target.tmp" && mv -f "$DEST/$target.tmp" "$DEST/$target"
  if [ "$licence" != "-" ]; then
    tar -xzf "$WORK/$tgz" -C "$WORK" "$licence"
    install -m 0644 "$WORK/$licence" "$DEST/LICENSE.${target%%.*}"
  fi
  rm -rf "$WORK/package" "$WORK/$tgz"
done
# requirejs ships no licence file in its npm tarball; its header names MIT (jQuery Foundation).
head -n 4 "$DEST/require.js" > "$DEST/LICENSE.require"
printf '%s\n' "$WANT" > "$STAMP"
echo "web assets fetched into $DEST"

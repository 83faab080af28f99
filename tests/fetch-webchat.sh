#!/usr/bin/env bash
# Puts Microsoft's Web Chat bundle (npm botframework-webchat, dist/webchat.js; never committed) into
# .cache/webchat/webchat.js for the /webchat-ms page and the browser tests. Idempotent: does nothing when the pinned
# version is already there. Needs npm.
set -euo pipefail
cd "$(dirname "$0")/.."
version=4.18.1
dest=.cache/webchat
if [ -s "$dest/webchat.js" ] && [ "$(cat "$dest/VERSION" 2>/dev/null)" = "$version" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "tests/fetch-webchat.sh: npm is needed to fetch botframework-webchat@$version." >&2
  exit 1
fi
mkdir -p "$dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "botframework-webchat@$version" >/dev/null 2>&1)
tar -xzf "$tmp"/botframework-webchat-"$version".tgz -C "$tmp" package/dist/webchat.js
mv "$tmp/package/dist/webchat.js" "$dest/webchat.js"
echo "$version" >"$dest/VERSION"
echo "Web Chat $version bundle in $dest/webchat.js"

#!/usr/bin/env bash
# Runs the peer (Bot Framework SDK for JavaScript, ../shared/bench/peer-botbuilder) and our benchmarks in one run
# and writes docs/benchmarks.md. Not part of the test suite: it takes several minutes and wants a quiet machine.
# Usage: bench/run.sh [conversations]   (default 12000, the peer's own default)
set -euo pipefail
cd "$(dirname "$0")/.."
conversations="${1:-12000}"
peer_src="../shared/bench/peer-botbuilder"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== peer: npm ci and node run-all.js (one run of $conversations conversations)"
cp "$peer_src"/package.json "$peer_src"/package-lock.json "$peer_src"/*.js "$work"/
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null \
  && node run-all.js --runs=1 --conversations="$conversations" --warmup=1000 --idle=10000 | tail -n 1 > peer.json)
cat "$work/peer.json"

echo "== ours"
dotnet build bench/SupportBot.Bench -c Release -nologo -clp:ErrorsOnly
dotnet bench/SupportBot.Bench/bin/Release/net10.0/SupportBot.Bench.dll \
  --conversations "$conversations" --warmup 1000 --peer "$work/peer.json" --markdown docs/benchmarks.md

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

echo "== start-up to ready (process start until /healthz answers), 3 runs"
dotnet build src/SupportBot.Host -c Release -nologo -clp:ErrorsOnly >/dev/null
{
  echo
  echo "## Start-up to ready"
  echo
  echo "Process start until \`/healthz\` answers 200 (Release build, SQLite in a temporary folder, the shipped dialogs). Target < 1.5 s."
  echo
  echo "| run | ms |"
  echo "| --- | ---: |"
} >> docs/benchmarks.md
for run in 1 2 3; do
  start=$(date +%s%N)
  dotnet src/SupportBot.Host/bin/Release/net10.0/SupportBot.Host.dll --urls http://127.0.0.1:5099 \
    --Storage:Sqlite:Path="$work/startup-$run.db" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 500); do
    if curl -sf http://127.0.0.1:5099/healthz >/dev/null 2>&1; then break; fi
    sleep 0.01
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "start-up run $run: ${ready} ms"
  echo "| $run | $ready |" >> docs/benchmarks.md
done

echo "== Direct Line end to end: 64 conversations through the real host (SQLite) beside a bare JSON echo"
dotnet build bench/SupportBot.Bench.DirectLine -c Release -nologo -clp:ErrorsOnly
dotnet bench/SupportBot.Bench.DirectLine/bin/Release/net10.0/SupportBot.Bench.DirectLine.dll \
  --connections 64 --seconds 10 --warmup 3 --markdown docs/benchmarks.md

echo "== Screenshot check: the test suite's phone screenshots read by the real inspector (OCR, QR, scan)"
dotnet build bench/SupportBot.Bench.Screenshots -c Release -nologo -clp:ErrorsOnly
dotnet bench/SupportBot.Bench.Screenshots/bin/Release/net10.0/SupportBot.Bench.Screenshots.dll --rounds 5 --markdown docs/benchmarks.md

#!/usr/bin/env bash
# Runs the peer (Bot Framework SDK for JavaScript, ../shared/bench/peer-botbuilder) and our benchmarks in one run
# and writes docs/benchmarks.md. Not part of the test suite: it takes several minutes and wants a quiet machine.
# Usage: bench/run.sh [conversations] [steps]   (default 12000, the peer's own default; steps: all (default), or a
# comma-separated list of engine, startup, directline, scaling. The engine step runs the peer too and rewrites
# docs/benchmarks.md from scratch; the others replace or append their own sections.)
set -euo pipefail
cd "$(dirname "$0")/.."
conversations="${1:-12000}"
steps="${2:-all}"
want() { [[ "$steps" == all || ",$steps," == *",$1,"* ]]; }
peer_src="../shared/bench/peer-botbuilder"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Process start until /healthz answers 200, in ms; $1 is the database file.
startup_ms() {
  local start pid ready
  start=$(date +%s%N)
  dotnet src/SupportBot.Host/bin/Release/net10.0/SupportBot.Host.dll --urls http://127.0.0.1:5099 \
    --Storage:Sqlite:Path="$1" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 1000); do
    if curl -sf http://127.0.0.1:5099/healthz >/dev/null 2>&1; then break; fi
    sleep 0.01
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ready"
}

# Replaces the section headed $1 in docs/benchmarks.md with the file $2 (or appends it).
replace_section() {
  awk -v heading="$1" '
    $0 == heading { skip = 1; next }
    skip && /^## / { skip = 0 }
    !skip { print }
  ' docs/benchmarks.md > "$work/benchmarks.md"
  { sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$work/benchmarks.md"; echo; cat "$2"; } > docs/benchmarks.md
}

if want engine; then
echo "== peer: npm ci and node run-all.js (one run of $conversations conversations)"
cp "$peer_src"/package.json "$peer_src"/package-lock.json "$peer_src"/*.js "$work"/
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null \
  && node run-all.js --runs=1 --conversations="$conversations" --warmup=1000 --idle=10000 | tail -n 1 > peer.json)
cat "$work/peer.json"

echo "== ours"
dotnet build bench/SupportBot.Bench -c Release -nologo -clp:ErrorsOnly
dotnet bench/SupportBot.Bench/bin/Release/net10.0/SupportBot.Bench.dll \
  --conversations "$conversations" --warmup 1000 --peer "$work/peer.json" --markdown docs/benchmarks.md
fi

if want startup; then
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
fi

if want directline; then
echo "== Direct Line end to end: 64 conversations through the real host (SQLite) beside a bare JSON echo"
dotnet build bench/SupportBot.Bench.DirectLine -c Release -nologo -clp:ErrorsOnly
dotnet bench/SupportBot.Bench.DirectLine/bin/Release/net10.0/SupportBot.Bench.DirectLine.dll \
  --connections 64 --seconds 10 --warmup 3 --markdown docs/benchmarks.md
fi

if want scaling; then
  echo "== scaling: the deposit conversation and the queue views with 1,000 … 1,000,000 stored tickets, then start-up"
  dotnet build bench/SupportBot.Bench -c Release -nologo -clp:ErrorsOnly
  dotnet build src/SupportBot.Host -c Release -nologo -clp:ErrorsOnly >/dev/null
  dotnet bench/SupportBot.Bench/bin/Release/net10.0/SupportBot.Bench.dll --scaling \
    --conversations "${SCALING_CONVERSATIONS:-2000}" --keep "$work" --markdown docs/benchmarks.md
  {
    echo "## Start-up with stored data"
    echo
    echo "Process start until \`/healthz\` answers 200 (Release build), on an empty database and on copies of the scaling step's SQLite databases (conversations and tickets as seeded there; the first start of a database made by an older build also runs the pending migrations once). Target < 1.5 s at every size."
    echo
    echo "| database | run 1 ms | run 2 ms | run 3 ms |"
    echo "| --- | ---: | ---: | ---: |"
  } > "$work/startup.md"
  for size in empty 100000 1000000; do
    db="$work/startup-$size.db"
    row="| $size |"
    for run in 1 2 3; do
      if [[ "$size" == empty ]]; then db="$work/startup-empty-$run.db"; fi
      ms=$(startup_ms "$db")
      echo "start-up, $size, run $run: ${ms} ms"
      row="$row $ms |"
    done
    echo "$row" >> "$work/startup.md"
  done
  echo >> "$work/startup.md"
  replace_section "## Start-up with stored data" "$work/startup.md"
fi

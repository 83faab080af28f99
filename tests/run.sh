#!/usr/bin/env bash
# Runs the whole test suite. README names this script; .ci/run calls it. Installs what the tests need
# (idempotently), builds once in Release, runs every test project, and ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "tests/run.sh: the .NET SDK 10 is required (dotnet not found on PATH)." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Browser tests: Debian's Chromium (never Playwright's browser download) with a CJK font, so that Chinese in the
# screenshots the tests take shows as users see it rather than as boxes; and Microsoft's Web Chat bundle (never
# committed; fetched into the gitignored .cache/webchat/).
apt_packages=(chromium fonts-noto-cjk)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update && $sudo apt-get install -y "${missing[@]}"
fi
tests/fetch-webchat.sh

# Screenshot check: Tesseract with the English and Simplified Chinese models (the bot reads every image with them),
# and the fonts the tests draw their phone screenshots with (DejaVu for Latin, Noto CJK for Chinese).
tessdata=/usr/share/tesseract-ocr/5/tessdata
if [ ! -f "$tessdata/eng.traineddata" ] || [ ! -f "$tessdata/chi_sim.traineddata" ] \
  || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update && $sudo apt-get install -y tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim fonts-dejavu-core fonts-noto-cjk
fi

dotnet build SupportBot.sln -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test SupportBot.sln -c Release --no-build -nologo --blame-hang-timeout 5m 2>&1 | tee "$log" || status=$?

# One closing line for CI: "tests: N passed, N failed".
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi

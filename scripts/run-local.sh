#!/usr/bin/env bash
# Runs NewsWatch once on this machine, on embedded defaults: installs and starts Azurite,
# serves the sample feeds, registers them and three sample subscribers, polls, classifies,
# and writes the alert emails to ./outbox. Needs only the .NET SDK and Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
samples_port=${NEWSWATCH_SAMPLES_PORT:-8089}
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error

if port_open 10001; then
  echo "Using the storage emulator already listening on 127.0.0.1:10000-10002."
else
  echo "Starting Azurite (data in .azurite/)..."
  mkdir -p .azurite
  node_modules/.bin/azurite --silent --skipApiVersionCheck --location .azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 > .azurite/azurite.log 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do port_open 10001 && port_open 10002 && break; sleep 0.2; done
  port_open 10002 || { echo "Azurite did not start: see .azurite/azurite.log" >&2; exit 1; }
fi

port_open "$samples_port" && { echo "Port $samples_port is taken: set NEWSWATCH_SAMPLES_PORT to a free one." >&2; exit 1; }
node scripts/serve-feeds.mjs samples/feeds "$samples_port" &
pids+=($!)
for _ in $(seq 50); do port_open "$samples_port" && break; sleep 0.1; done
port_open "$samples_port" || { echo "The sample feed server did not start." >&2; exit 1; }

echo "Building the newswatch command..."
build_log=$(mktemp)
if ! dotnet build functions/NewsWatch.Cli -c Release -nologo -v quiet -warnaserror -warnNotAsError:NU1603 > "$build_log" 2>&1; then
  cat "$build_log" >&2; echo "The build failed (above)." >&2; exit 1
fi
newswatch() { dotnet "$root/functions/NewsWatch.Cli/bin/Release/net10.0/newswatch.dll" "$@"; }

newswatch feeds add "http://127.0.0.1:$samples_port/defence-wire.xml"
newswatch feeds add "http://127.0.0.1:$samples_port/world-business.atom"
newswatch subscribers add pakistan-desk@example.org --countries Pakistan
newswatch subscribers add air-analyst@example.org --categories aircraft
newswatch subscribers add naval-analyst@example.org --categories ships

newswatch run --once

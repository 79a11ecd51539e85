#!/usr/bin/env bash
# Runs every NewsWatch test on a fresh machine: installs Azurite (npm ci) and Debian's chromium, builds with warnings
# as errors, runs the unit and integration tests (the integration fixture starts Azurite on free
# ports and stops it), and ends with one "N passed, N failed" line.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ -x node_modules/.bin/azurite ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
  || npm ci --no-audit --no-fund --loglevel=error

# The browser tests drive Debian's Chromium (Playwright for .NET, with our own binary): install it once.
if ! [ -x /usr/bin/chromium ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

# NU1603 comes only from the Worker SDK's generated extensions project (exact versions not served here).
dotnet build NewsWatch.sln -c Release -warnaserror -warnNotAsError:NU1603 -nologo -v quiet

results=$(mktemp -d)
status=0
projects=(tests/NewsWatch.UnitTests tests/NewsWatch.IntegrationTests)
# Extra suites over the shared reference data, when it is there (CI has it beside the clone):
# they report figures (feed conformance into docs/feeds.md, the classifier on the labelled dev set
# into docs/classifier.md) on top of passing or failing.
if [ -f ../shared/data/feeds/MANIFEST.csv ]; then
  projects+=(tests/NewsWatch.Conformance)
else
  echo "../shared/data not found: the conformance suite is not run."
fi
for project in "${projects[@]}"; do
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFilePrefix=$(basename "$project")" --results-directory "$results" || status=1
done

# The extra suites' figures, for the log (the conformance run rewrites them in docs/feeds.md).
if [[ " ${projects[*]} " == *" tests/NewsWatch.Conformance "* ]]; then
  echo "Feed conformance figures (docs/feeds.md):"
  sed -n '/conformance figures: generated/,/end of conformance figures/p' docs/feeds.md | grep -v '^<!--'
  echo "Classifier on the dev set (docs/classifier.md; the misses are listed there):"
  sed -n '/dev-set figures: generated/,/^misses/p' docs/classifier.md | grep -v '^<!--\|^```'
fi

# One closing line over every project's results.
passed=0; failed=0
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done
echo "Tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

#!/usr/bin/env bash
# Assembles the runnable console from the production build in .next into <dest>: Next's standalone server
# with the static files it leaves out, and the Buildkite simulator as one file. The Dockerfile's final
# stage is exactly this directory, and tests/e2e-standalone runs it, so what is tested is what ships.
set -euo pipefail

dest="${1:?usage: scripts/assemble-standalone.sh <empty destination directory>}"
root="$(cd "$(dirname "$0")/.." && pwd)"
standalone="$root/.next/standalone"

if [ ! -f "$standalone/server.js" ]; then
  echo "assemble-standalone: no standalone server in .next; build first (npx tsx scripts/production-build.ts)" >&2
  exit 1
fi
# Never merged into an older bundle: a file left from another build would ship unnoticed.
if [ -e "$dest" ] && [ -n "$(ls -A "$dest")" ]; then
  echo "assemble-standalone: $dest is not empty" >&2
  exit 1
fi
mkdir -p "$dest/.next"

cp -R "$standalone/." "$dest/"
# Next serves these itself but does not copy them into the standalone folder (a CDN may serve them instead).
cp -R "$root/.next/static" "$dest/.next/static"
cp -R "$root/public" "$dest/public"

# The simulator runs in plain Node without Next (a container stack's stand-in for Buildkite), so it is
# bundled with its one dependency into a single file.
"$root/node_modules/.bin/esbuild" "$root/server/simulator/cli.ts" \
  --bundle --platform=node --target=node20 --format=cjs --log-level=warning --outfile="$dest/simulator.js"

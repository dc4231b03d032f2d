#!/usr/bin/env bash
# Prints the report the GitHub Action writes (job summary; the pull request comment is the same
# text after a hidden marker) for a pull request that moves examples/alex-and-sam.mentoring.yaml
# to test/fixtures/diff/alex-and-sam.later.mentoring.yaml: the sample in the README.
#   bash scripts/action-sample.sh [TODAY]     (default 2026-12-01; run `npm run build:action` first if the bundle is stale)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
today="${1:-2026-12-01}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
mkdir -p "$repo/plans"
git -C "$repo" init -q -b main
git -C "$repo" -c user.name=sample -c user.email=sample@example.invalid commit -q --allow-empty -m empty
cp "$root/examples/alex-and-sam.mentoring.yaml" "$repo/plans/alex-and-sam.mentoring.yaml"
git -C "$repo" add .
git -C "$repo" -c user.name=sample -c user.email=sample@example.invalid commit -q -m base
base="$(git -C "$repo" rev-parse HEAD)"
cp "$root/test/fixtures/diff/alex-and-sam.later.mentoring.yaml" "$repo/plans/alex-and-sam.mentoring.yaml"
git -C "$repo" -c user.name=sample -c user.email=sample@example.invalid commit -q -am "Two weeks later"
printf '{"pull_request":{"number":1,"base":{"sha":"%s"}}}' "$base" > "$work/event.json"
: > "$work/summary.md"
env -i PATH="$PATH" HOME="$work" GITHUB_WORKSPACE="$repo" GITHUB_EVENT_PATH="$work/event.json" \
  GITHUB_STEP_SUMMARY="$work/summary.md" INPUT_TODAY="$today" node "$root/dist-action/index.js" >&2 || true
# The base commit's hash differs on every run; the README shows it as 1a2b3c4.
sed "s/\`${base:0:7}\`/\`1a2b3c4\`/" "$work/summary.md"

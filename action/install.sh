#!/usr/bin/env bash
# The Cairn GitHub Action's install step (action.yml): Cairn from the action's own commit (its
# package-lock.json, Node 24 with it), or the pinned package the workflow names. Puts a `cairn` and
# Node 24 on the next step's PATH through CAIRN_BIN.
set -euo pipefail

if [ -n "${PACKAGE:-}" ]; then
  npm install --no-save --no-audit --no-fund --prefix "$RUNNER_TEMP/cairn" "$PACKAGE" node@24
  echo "CAIRN_BIN=$RUNNER_TEMP/cairn/node_modules/.bin" >> "$GITHUB_ENV"
else
  npm ci --no-audit --no-fund --prefix "$GITHUB_ACTION_PATH"
  bin="$RUNNER_TEMP/cairn-bin"
  mkdir -p "$bin"
  printf '#!/bin/sh\nexec "%s/node_modules/.bin/node" "%s/bin/cairn.js" "$@"\n' "$GITHUB_ACTION_PATH" "$GITHUB_ACTION_PATH" > "$bin/cairn"
  chmod +x "$bin/cairn"
  echo "CAIRN_BIN=$bin:$GITHUB_ACTION_PATH/node_modules/.bin" >> "$GITHUB_ENV"
fi

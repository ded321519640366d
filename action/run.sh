#!/usr/bin/env bash
# The Cairn GitHub Action's step (action.yml): score the change, then keep the pull request's one
# Cairn comment up to date, upload SARIF to code scanning, add the report to the job summary, and
# only then apply the gate, so the comment and the alerts are there when it fails.
# Inputs arrive in the environment (see action.yml); GITHUB_* variables are the runner's.
set -uo pipefail

export PATH="$CAIRN_BIN:$PATH"
mkdir -p "$CAIRN_OUT"
report="$CAIRN_OUT/cairn.md"
sarif="$CAIRN_OUT/cairn.sarif"

judge=()
if [ -n "$STANDARDS" ]; then judge+=(--standards "$STANDARDS"); fi
if [ -n "$CONFIG" ]; then judge+=(--config "$CONFIG"); fi

compare=()
base="$COMPARE"
if [ -z "$base" ] && [ -n "${BASE_REF:-}" ]; then base="origin/$BASE_REF"; fi
if [ -n "$base" ]; then compare=(--compare "$base"); fi

gate=(--fail-on "$FAIL_ON" --fail-on-problems "${FAIL_ON_PROBLEMS:-error}")
if [ -n "$MIN_LEVEL" ]; then gate+=(--min-level "$MIN_LEVEL"); fi
# Outside a pull request there is no base, so nothing can regress: the report alone is made.
if [ "$FAIL_ON" = regression ] && [ ${#compare[@]} -eq 0 ]; then gate=(--fail-on never --fail-on-problems "${FAIL_ON_PROBLEMS:-error}"); fi

cairn check "${judge[@]}" "${compare[@]}" "${gate[@]}" --format markdown --output "$report"
code=$?
{
  echo "exit-code=$code"
  echo "report=$report"
} >> "$GITHUB_OUTPUT"
# Bad usage or configuration: there is no report to publish.
if [ "$code" -eq 2 ]; then exit 2; fi

if [ "$SARIF" = true ]; then
  if cairn check "${judge[@]}" --fail-on never --fail-on-problems never --format sarif --output "$sarif"; then
    echo "sarif=$sarif" >> "$GITHUB_OUTPUT"
    # The REST API takes the SARIF gzipped and base64-encoded, as github/codeql-action/upload-sarif sends it.
    jq -nc --arg commit_sha "$COMMIT_SHA" --arg ref "$GIT_REF" --rawfile sarif <(gzip -c "$sarif" | base64 | tr -d '\n') \
      '{commit_sha: $commit_sha, ref: $ref, sarif: $sarif, tool_name: "Cairn"}' > "$CAIRN_OUT/sarif-upload.json"
    gh api --method POST "repos/$GITHUB_REPOSITORY/code-scanning/sarifs" --input "$CAIRN_OUT/sarif-upload.json" > /dev/null \
      || echo "::warning::Cairn could not upload SARIF to code scanning (the job needs permissions: security-events: write)."
  fi
fi

if [ "$COMMENT" = true ] && [ -n "${PR_NUMBER:-}" ]; then
  # The report's first line is a hidden marker naming the repository: the comment that starts with it is Cairn's.
  marker="$(head -n 1 "$report")"
  jq -nc --rawfile body "$report" '{body: $body}' > "$CAIRN_OUT/comment.json"
  # Only the comment this job's account wrote: anyone can post a comment that starts with the marker.
  existing="$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments" | jq -r --arg marker "$marker" --arg author "$COMMENT_AUTHOR" '.[] | select(.user.login == $author and (.body | startswith($marker))) | .id' | head -n 1)"
  if [ -n "$existing" ]; then
    gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" --input "$CAIRN_OUT/comment.json" > /dev/null
  else
    gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments" --input "$CAIRN_OUT/comment.json" > /dev/null
  fi || echo "::warning::Cairn could not comment on the pull request (the job needs permissions: pull-requests: write)."
fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$report" >> "$GITHUB_STEP_SUMMARY"; fi
exit "$code"

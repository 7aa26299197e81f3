#!/usr/bin/env bash
# The main job on a realistic sample: builds a small service repository with main, develop and a hotfix branch
# (samples/demo/make-demo-repo.sh), then runs `hotfix check` on its hotfix branch.
#
#   ./demo.sh                  # text report
#   ./demo.sh --format json    # any `hotfix check` options
#
# Exit code: 0 when the check ran (its own verdict, 0 or 1, is printed); anything else means the demo failed.
set -euo pipefail
cd "$(dirname "$0")"

repo=artifacts/demo-repo
bash samples/demo/make-demo-repo.sh "$repo"
dotnet build src/Hotfix.Cli/Hotfix.Cli.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null

echo "== hotfix check --repo $repo $*"
code=0
dotnet src/Hotfix.Cli/bin/Release/net10.0/hotfix.dll check --repo "$repo" "$@" || code=$?
case "$code" in
  0) echo "== hotfix check exited 0: no blocking findings" ;;
  1) echo "== hotfix check exited 1: blocking findings (as a CI job would fail the PR)" ;;
  *) echo "== hotfix check exited $code: the demo failed" >&2; exit "$code" ;;
esac

#!/usr/bin/env bash
# Packs the Hotfix packages into artifacts/packages and builds the samples against them from that folder feed,
# with a private package cache so a package packed earlier under the same version can never be used instead.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf artifacts/packages artifacts/sample-packages
dotnet pack Hotfix.sln -c Release -nologo -clp:ErrorsOnly -o artifacts/packages
export NUGET_PACKAGES="$PWD/artifacts/sample-packages"
dotnet build samples/Consumer/Consumer.csproj -c Release -nologo
dotnet build samples/ChatOps/ChatOps.csproj -c Release -nologo

# The chat-ops host answers a scripted incident channel through the packaged core: decide, review validation, checklist.
records=$(mktemp -d)
replies=$(dotnet run --project samples/ChatOps -c Release --no-build -- samples/policies/hotfix.json "$records" < samples/ChatOps/conversation.txt)
rm -rf "$records"
expected=(
  "**Decision:** forward-fix"
  "**Rule:** rollback-loses-data (precedence 1)"
  "**HF5001** \`checked\`"
  "The review record satisfies the runbook"
  "  - \`docker build -t admin-ui admin-ui\`"
  "root-cause: missing"
)
for text in "${expected[@]}"; do
  grep -qF -- "$text" <<<"$replies" || { echo "samples/ChatOps: no reply contains '$text'" >&2; echo "$replies" >&2; exit 1; }
done
echo "samples/ChatOps: $(grep -c '^---$' <<<"$replies") replies as expected"

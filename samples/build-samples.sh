#!/usr/bin/env bash
# Packs the Hotfix packages into artifacts/packages and builds the samples against them from that folder feed,
# with a private package cache so a package packed earlier under the same version can never be used instead.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf artifacts/packages artifacts/sample-packages
dotnet pack Hotfix.sln -c Release -nologo -clp:ErrorsOnly -o artifacts/packages
export NUGET_PACKAGES="$PWD/artifacts/sample-packages"
dotnet build samples/Consumer/Consumer.csproj -c Release -nologo

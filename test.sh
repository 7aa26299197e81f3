#!/usr/bin/env bash
# Runs every test of the solution and ends with the line "N passed, N failed".
#
# 1. builds the solution in Release (warnings are errors);
# 2. publishes the native AOT binary of the CLI, so the native-binary tests run it as a process;
# 3. runs every test project, writing TRX files, and sums their counters.
set -euo pipefail
cd "$(dirname "$0")"

configuration=Release
results=artifacts/test-results
native=artifacts/native
rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')

rm -rf "$results"
dotnet build Hotfix.sln -c "$configuration" -nologo -clp:ErrorsOnly
dotnet publish src/Hotfix.Cli/Hotfix.Cli.csproj -c "$configuration" -r "$rid" -p:PublishAot=true -o "$native" -nologo -clp:ErrorsOnly
export HOTFIX_NATIVE_BINARY="$PWD/$native/hotfix"

status=0
dotnet test Hotfix.sln -c "$configuration" --no-build --logger trx --results-directory "$results" || status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The run failed without a failing test (a crash, a missing TRX): never report that as green.
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"

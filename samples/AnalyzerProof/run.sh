#!/usr/bin/env bash
# Real build proof of the Hotfix.Analyzers package (run by .ci/run):
#   1. packs the analyzer package into the local folder feed artifacts/packages;
#   2. copies the consumer service (consumer/) into a temporary git repository: main, then a hotfix branch whose commit
#      replaces OrdersController.cs with hotfix/OrdersController.cs and adds hotfix/Migrations/DropOrderNote.cs (an EF
#      migration: HF2002/HF2003) and hotfix/Migrations/AddOrderCustomer.cs (a foreign key without an index: HF4004), plus hotfix/ExportRetry.cs left untracked;
#   3. restores Hotfix.Analyzers from the folder feed into a private, empty NUGET_PACKAGES (so a stale package of the
#      same version can never be used) and runs a plain `dotnet build`;
#   4. asserts from the build output which HF ids fire, where, and at which severity: errors on the lines the hotfix
#      changed, warnings elsewhere; then the same tree on main, outside git and with HotfixEscalation=false — all
#      warnings; built as a test project (IsTestProject) — nothing, unless HotfixAnalyzeTests=true; and that no
#      analyzer crashed (AD0001) in any build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
feed="$root/artifacts/packages"
version=${HOTFIX_VERSION:-0.1.0}

dotnet pack "$root/src/Hotfix.Analyzers.Package/Hotfix.Analyzers.Package.csproj" -c Release -o "$feed" -nologo -clp:ErrorsOnly

work=$(mktemp -d "${TMPDIR:-/tmp}/hotfix-analyzer-proof.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/nuget-packages"
repo="$work/shop"
cp -r "$here/consumer" "$repo"

git_() { git -C "$repo" -c user.name=proof -c user.email=proof@example.invalid -c commit.gpgsign=false "$@"; }
git_ init -q -b main
git_ add -A
git_ commit -q -m "Shop service"
git_ switch -q -c hotfix/INC-2026-0042-fix-order-export
cp "$here/hotfix/OrdersController.cs" "$repo/OrdersController.cs"
cp "$here/hotfix/Migrations/DropOrderNote.cs" "$repo/Migrations/DropOrderNote.cs"
cp "$here/hotfix/Migrations/AddOrderCustomer.cs" "$repo/Migrations/AddOrderCustomer.cs"
git_ add -A
git_ commit -q -m "Fix the order export (INC-2026-0042)"
cp "$here/hotfix/ExportRetry.cs" "$repo/ExportRetry.cs" # untracked on purpose

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# build NAME DIR [extra msbuild args...]: runs dotnet build, leaves the log in $work/NAME.log and the exit code in $code.
build() {
  local name=$1 dir=$2
  shift 2
  code=0
  dotnet build "$dir/Shop.Api.csproj" -nologo -clp:NoSummary -p:HotfixFeed="$feed" -p:HotfixVersion="$version" "$@" \
    >"$work/$name.log" 2>&1 || code=$?
  if grep -q "AD0001" "$work/$name.log"; then fail "$name: an analyzer crashed (AD0001)"; grep "AD0001" "$work/$name.log" >&2; fi
  if grep -qE "error (NU|MSB|CS)[0-9]+" "$work/$name.log"; then fail "$name: the build itself failed"; grep -E "error (NU|MSB|CS)" "$work/$name.log" | head -20 >&2; fi
}

# findings NAME: "file line severity id" for every HF diagnostic in the log, one per line, sorted and unique.
findings() {
  sed -nE 's#^.*/([A-Za-z]+\.cs)\(([0-9]+),[0-9]+\): (error|warning) (HF[0-9]{4}):.*$#\1 \2 \3 \4#p' "$work/$1.log" | sort -u
}

line_of() { grep -nF -- "$2" "$1" | head -n 1 | cut -d: -f1; }

expect() {
  local name=$1 expected=$2 actual
  actual=$(findings "$name")
  if [ "$actual" != "$(sort -u <<<"$expected")" ]; then
    fail "$name: unexpected HF findings"
    diff <(sort -u <<<"$expected") <(echo "$actual") >&2 || true
  else
    echo "ok: $name"
    sed 's/^/    /' <<<"$actual"
  fi
}

hot="$here/hotfix/OrdersController.cs"
legacy="$here/consumer/Legacy.cs"
retry="$here/hotfix/ExportRetry.cs"
legacy_findings="Legacy.cs $(line_of "$legacy" "FromSqlRaw") SEVERITY HF3001
Legacy.cs $(line_of "$legacy" "db.SaveChanges()") SEVERITY HF4002"
hotfix_findings="OrdersController.cs $(line_of "$hot" "AllowAnonymous]") SEVERITY HF3002
OrdersController.cs $(line_of "$hot" "FromSqlRaw") SEVERITY HF3001
OrdersController.cs $(line_of "$hot" "db.Orders.Count(") SEVERITY HF4001
OrdersController.cs $(line_of "$hot" "db.Orders.Count(") SEVERITY HF4003
OrdersController.cs $(line_of "$hot" ".Result") SEVERITY HF4003
OrdersController.cs $(line_of "$hot" "ExecuteDeleteAsync") SEVERITY HF2009
ExportRetry.cs $(line_of "$retry" "db.SaveChanges()") SEVERITY HF4002"

# HF2002, HF2003, HF3003 and HF4004 are suggestions off the hotfix's lines, which a build log does not show: they appear only
# escalated (as errors) — the legacy DropAuditLog migration never. This also proves their
# analyzers run in a command-line build at all (the compiler skips analyzers whose descriptors are all Info).
migration="$here/hotfix/Migrations/DropOrderNote.cs"
customer="$here/hotfix/Migrations/AddOrderCustomer.cs"
quiet_findings="DropOrderNote.cs $(line_of "$migration" "DropColumn") error HF2002
DropOrderNote.cs $(line_of "$migration" "class DropOrderNote") error HF2003
OrdersController.cs $(line_of "$hot" "IgnoreQueryFilters") error HF3003
AddOrderCustomer.cs $(line_of "$customer" "AddForeignKey") error HF4004"

# 1. On the hotfix branch: the hotfix's findings are errors (the build fails, as it should), the legacy ones warnings.
build hotfix "$repo"
expect hotfix "$(sed 's/SEVERITY/error/' <<<"$hotfix_findings")
$quiet_findings
$(sed 's/SEVERITY/warning/' <<<"$legacy_findings")"
[ "$code" -ne 0 ] || fail "hotfix: the build succeeded although the hotfix introduced blocking findings"

# The changed-lines manifest is rewritten only when it changes: a second build must not touch it.
manifest=$(find "$repo/obj" -name Hotfix.ChangedLines.diff | head -n 1)
[ -n "$manifest" ] || fail "hotfix: no changed-lines manifest under obj/"
if [ -n "$manifest" ]; then
  before=$(stat -c %Y.%N "$manifest" 2>/dev/null || stat -f %m "$manifest")
  sleep 1
  build hotfix-again "$repo"
  after=$(stat -c %Y.%N "$manifest" 2>/dev/null || stat -f %m "$manifest")
  [ "$before" = "$after" ] || fail "hotfix-again: the manifest was rewritten although nothing changed"
  expect hotfix-again "$(findings hotfix)"
fi

# 1b. The same tree built as a test project (IsTestProject, which Microsoft.NET.Test.Sdk sets): test code is not deployed,
#     so no HF rule reports and nothing fails — unless the project opts in with HotfixAnalyzeTests=true.
build test-project "$repo" -p:IsTestProject=true
expect test-project ""
[ "$code" -eq 0 ] || fail "test-project: the build failed"
build test-project-opted-in "$repo" -p:IsTestProject=true -p:HotfixAnalyzeTests=true
expect test-project-opted-in "$(findings hotfix)"

# 2. The same code with escalation switched off: everything at its background level.
build escalation-off "$repo" -p:HotfixEscalation=false
expect escalation-off "$(sed 's/SEVERITY/warning/' <<<"$hotfix_findings
$legacy_findings")"
[ "$code" -eq 0 ] || fail "escalation-off: the build failed"

# 3. Outside any git repository: nothing escalates and nothing fails.
plain="$work/plain"
mkdir "$plain"
(cd "$repo" && tar --exclude=.git --exclude=obj --exclude=bin -cf - .) | (cd "$plain" && tar -xf -)
build outside-git "$plain"
expect outside-git "$(sed 's/SEVERITY/warning/' <<<"$hotfix_findings
$legacy_findings")"
[ "$code" -eq 0 ] || fail "outside-git: the build failed"

# 4. Back on main (the untracked file stays in the tree): not a hotfix branch, so only warnings.
git_ switch -q main
build main "$repo"
expect main "$(sed 's/SEVERITY/warning/' <<<"$legacy_findings
ExportRetry.cs $(line_of "$retry" "db.SaveChanges()") SEVERITY HF4002")"
[ "$code" -eq 0 ] || fail "main: the build failed"

if [ "$failures" -ne 0 ]; then
  echo "analyzer proof: $failures check(s) failed; logs were in $work" >&2
  trap - EXIT
  exit 1
fi
echo "analyzer proof: the package escalates on the hotfix's changed lines and nowhere else"

#!/usr/bin/env bash
# Two hotfix binaries on variations of a policy file: `policy validate FILE` and `policy show --policy FILE` must print
# the same stdout and stderr and exit with the same code. The variations are made from the benchmark policy and the
# runbook's effective policy (as `policy show` prints it): every section alone and left out, every key at any depth
# left out, given a value of each other JSON type, null, an unknown key beside it, comments and trailing commas, and
# the text cut short. Used to compare the section-by-section policy reader with the whole-model reader it replaced.
# Usage: policy-same-output.sh BINARY_BEFORE BINARY_AFTER
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
before=${1:?usage: policy-same-output.sh BINARY_BEFORE BINARY_AFTER}
after=${2:?usage: policy-same-output.sh BINARY_BEFORE BINARY_AFTER}
before=$(realpath "$before")
after=$(realpath "$after")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && "$before" policy show 2>/dev/null > runbook.json) || true
python3 - "$here/../branch-workflow/small-hotfix.json" "$work/runbook.json" "$work" <<'PY'
import copy, json, re, sys
out = sys.argv[3]
count = 0
def write(text):
    global count
    count += 1
    open(f"{out}/v{count:05}.json", "w").write(text)
others = ["text", 3, 2.5, True, None, [], {}, [1]]
def nodes(node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            yield path + [k], v
            yield from nodes(v, path + [k])
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield path + [i], v
            yield from nodes(v, path + [i])
def setting(doc, path, value, remove=False):
    copy_ = copy.deepcopy(doc)
    parent = copy_
    for step in path[:-1]:
        parent = parent[step]
    if remove:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copy_
for source in sys.argv[1:3]:
    text = open(source).read()
    doc = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.M))
    write(text)
    for key in doc:
        write(json.dumps({key: doc[key]}))
        write(json.dumps({k: v for k, v in doc.items() if k != key}))
    for path, value in nodes(doc, []):
        if isinstance(path[-1], str):
            write(json.dumps(setting(doc, path, None, remove=True)))
        for other in others:
            write(json.dumps(setting(doc, path, other)))
        if isinstance(value, dict):
            write(json.dumps(setting(doc, path, dict(value, notAKey=1))))
    write(json.dumps(doc, indent=2).replace("\n}", ",\n}").replace("{\n", "{ // comment\n"))
    for cut in range(1, len(text), max(1, len(text) // 10)):
        write(text[:cut])
print(count, "variations")
PY
differ=0
total=0
for file in "$work"/v*.json; do
  for command in "policy validate $file" "policy show --policy $file"; do
    total=$((total + 1))
    # shellcheck disable=SC2086
    a=$(cd "$work" && "$before" $command 2>&1; echo "exit $?")
    # shellcheck disable=SC2086
    b=$(cd "$work" && "$after" $command 2>&1; echo "exit $?")
    if [ "$a" != "$b" ]; then
      differ=$((differ + 1))
      echo "differs: hotfix $command"
      diff <(echo "$a") <(echo "$b") | head -5
    fi
  done
done
echo "$total command lines, $differ differ"
[ "$differ" -eq 0 ]

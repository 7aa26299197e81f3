#!/usr/bin/env python3
"""Writes a git fast-import stream for the change-analysis benchmark (see run.sh).

main: one commit with FILES files (src/ModNNN/FileNNN.cs, ~30 lines each), then COMMITS commits that each edit one
file. The hotfix branch starts BEHIND commits before main's tip and changes HOTFIX_FILES files (3 edited lines each,
one commit per 10 files). Deterministic: the same arguments always give the same repository.
"""
import random
import sys

FILES, COMMITS, HOTFIX_FILES, BEHIND = (int(a) for a in sys.argv[1:5])
BRANCH = "hotfix/INC-2026-0042-bench-rounding"
out = sys.stdout.buffer
rng = random.Random(42)
clock = 1_700_000_000
mark = 0


def path(i):
    return f"src/Mod{i // 100:03d}/File{i % 100:03d}.cs"


def body(i, version):
    lines = [f"namespace Bench.Mod{i // 100:03d};", "", f"public sealed class File{i % 100:03d}", "{"]
    for m in range(12):
        lines.append(f"    public int Method{m}(int x) => x * {m + 1} + {version if m == version % 12 else 0};")
    lines += ["", "    // padding line for a realistic size", "}"]
    return ("\n".join(lines) + "\n").encode()


def commit(ref, message, changes, parent=None):
    global clock, mark
    clock += 60
    mark += 1
    out.write(f"commit {ref}\nmark :{mark}\n".encode())
    out.write(f"author Bench <bench@example.com> {clock} +0000\ncommitter Bench <bench@example.com> {clock} +0000\n".encode())
    msg = message.encode()
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    if parent is not None:
        out.write(f"from :{parent}\n".encode())
    for p, data in changes:
        out.write(f"M 100644 inline {p}\ndata {len(data)}\n".encode())
        out.write(data + b"\n")
    out.write(b"\n")
    return mark


versions = [0] * FILES
commit("refs/heads/main", "Initial import", [(path(i), body(i, 0)) for i in range(FILES)])
branch_point = None
for c in range(COMMITS):
    i = rng.randrange(FILES)
    versions[i] += 1
    m = commit("refs/heads/main", f"Change {path(i)} ({c})", [(path(i), body(i, versions[i]))])
    if c == COMMITS - BEHIND - 1:
        branch_point = m
        branch_versions = list(versions)

# The hotfix: HOTFIX_FILES files from the branch point, three lines each, ten files per commit.
chosen = rng.sample(range(FILES), HOTFIX_FILES)
parent = branch_point
for start in range(0, HOTFIX_FILES, 10):
    changes = []
    for i in chosen[start:start + 10]:
        text = body(i, branch_versions[i]).decode().split("\n")
        text[4] = text[4].replace("x * 1", "checked(x * 1)")
        text[8] = text[8] + " // INC-2026-0042"
        text.insert(10, "    public int Guard(int x) => x < 0 ? 0 : x;")
        changes.append((path(i), "\n".join(text).encode()))
    parent = commit(f"refs/heads/{BRANCH}", f"Fix rounding, part {start // 10 + 1} (INC-2026-0042)", changes, parent)
    if start == 0:
        pass
out.write(b"done\n")

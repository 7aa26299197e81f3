#!/usr/bin/env python3
# A git fast-import stream for the audit's worst case: develop with N commits and no release merged to main, and H
# hotfixes squashed onto main, each copied to develop by a squash after it (so every hotfix is found by patch id, the
# walk down develop reaching further for each older one). Usage (audit-squash.sh does this):
#   git init -q R && python3 make-squash-history.py 5000 200 | git -C R fast-import --done --quiet && git -C R checkout -q main
import sys, random
N, H = int(sys.argv[1]), int(sys.argv[2])
random.seed(1)
out = sys.stdout.buffer
mark = 0
t0 = 1767225600  # 2026-01-01
files = {f"src/mod{i}/file{j}.txt": f"line {i} {j}\n" * 20 for i in range(50) for j in range(20)}
def commit(ref, msg, changes, parents, t):
    global mark
    mark += 1
    w = out.write
    w(f"commit {ref}\nmark :{mark}\ncommitter Dev <dev@example.com> {t} +0000\n".encode())
    m = msg.encode(); w(b"data %d\n%s\n" % (len(m), m))
    if parents:
        w(f"from :{parents[0]}\n".encode())
        for p in parents[1:]: w(f"merge :{p}\n".encode())
    for path, content in changes:
        c = content.encode(); w(f"M 100644 inline {path}\ndata {len(c)}\n".encode()); w(c); w(b"\n")
    return mark
root = commit("refs/heads/main", "initial", list(files.items()), [], t0)
main = root; dev = root
t = t0 + 60
hotfix_every = N // H
hi = 0
for k in range(N):
    t += 300
    path = random.choice(list(files)); files[path] += f"dev change {k}\n"
    dev = commit("refs/heads/develop", f"Develop work {k}", [(path, files[path])], [dev], t)
    if (k + 1) % hotfix_every == 0 and hi < H:
        hi += 1
        inc = f"INC-2026-{hi:04d}"
        hp = f"hotfix/fix{hi}.txt"
        t += 60
        main = commit("refs/heads/main", f"Fix thing {hi} ({inc}) (#{hi})", [(hp, f"fix {hi}\n")], [main], t)
        t += 60
        dev = commit("refs/heads/develop", f"Fix thing {hi} ({inc}) (#{hi}) back to develop", [(hp, f"fix {hi}\n")], [dev], t)
out.write(b"done\n")

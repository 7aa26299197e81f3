#!/usr/bin/env python3
"""Writes a `git fast-import` stream for a large gitflow repository (the branch-workflow benchmark's subject).

Shape, deterministic for a given seed:
  * an initial commit with DIRS x FILES_PER_DIR files (default 200 x 100 = 20,000) on main and develop;
  * develop: one commit per step touching 1-3 files (default 50,000 steps), every RELEASE_EVERY steps merged into
    main as a release ("Merge branch 'develop' into main"); the last steps stay unreleased (develop ahead of main);
  * hotfixes between releases, each from main, as people really land them:
      - merged --no-ff into main and merged back into develop (most),
      - merged into main and never merged back (the audit's HF0104 findings),
      - squashed into main with the incident id in the message and cherry-picked to develop (found by patch id),
      - squashed and never brought to develop (HF0104 again).
Commits are 45 minutes apart from 2022-01-03, so incident ids carry the year they happen in.

Usage: generate-history.py [--develop-commits N] [--info FILE] | git fast-import --quiet
The small repository of the start/finish benchmark (make-small-repo.sh) uses the size options and --policy; the
defaults give the large repository, byte for byte as before they existed.
"""
import argparse
import random
import sys
from datetime import datetime, timedelta, timezone

LINES = 8
HOTFIX_CHANCE = 1 / 300

parser = argparse.ArgumentParser()
parser.add_argument("--develop-commits", type=int, default=50_000)
parser.add_argument("--seed", type=int, default=42)
parser.add_argument("--info", help="write facts about the generated history (counts, a file safe to change) here")
parser.add_argument("--dirs", type=int, default=200, help="folders of the initial commit")
parser.add_argument("--files-per-dir", type=int, default=100, help="files per folder of the initial commit")
parser.add_argument("--release-every", type=int, default=500, help="develop commits between releases into main")
parser.add_argument("--unreleased", type=int, default=300, help="develop commits after the last release")
parser.add_argument("--policy", help="a hotfix.json to commit at the root in the initial commit")
args = parser.parse_args()
DIRS = args.dirs
FILES_PER_DIR = args.files_per_dir
RELEASE_EVERY = args.release_every
UNRELEASED = args.unreleased

rng = random.Random(args.seed)
out = sys.stdout.buffer
mark_counter = 0
clock = datetime(2022, 1, 3, 9, 0, tzinfo=timezone.utc)
stats = {"commits": 0, "hotfixes": 0, "missing_back_merges": 0, "squashes": 0}


def next_mark():
    global mark_counter
    mark_counter += 1
    return mark_counter


def tick():
    global clock
    clock += timedelta(minutes=45, seconds=rng.randint(0, 59))
    return int(clock.timestamp())


def data(payload: bytes):
    out.write(b"data %d\n" % len(payload))
    out.write(payload)
    out.write(b"\n")


def commit(ref, message, parents, changes):
    """changes: list of (path, content-bytes) written inline. Returns the commit's mark."""
    mark = next_mark()
    when = tick()
    out.write(b"commit %s\nmark :%d\n" % (ref.encode(), mark))
    out.write(b"author Dev <dev@example.com> %d +0000\n" % when)
    out.write(b"committer Dev <dev@example.com> %d +0000\n" % when)
    data(message.encode())
    if parents:
        out.write(b"from :%d\n" % parents[0])
        for other in parents[1:]:
            out.write(b"merge :%d\n" % other)
    for path, content in changes:
        out.write(b"M 100644 inline %s\n" % path.encode())
        data(content)
    out.write(b"\n")
    stats["commits"] += 1
    return mark


paths = [f"src/m{d:03d}/f{f:03d}.txt" for d in range(DIRS) for f in range(FILES_PER_DIR)]
initial = {p: [f"{p} line {i}" for i in range(LINES)] for p in paths}
main_files = {p: list(lines) for p, lines in initial.items()}
develop_files = {p: list(lines) for p, lines in initial.items()}


def text(lines):
    return ("\n".join(lines) + "\n").encode()


initial_changes = [(p, text(l)) for p, l in initial.items()]
if args.policy:
    initial_changes.append(("hotfix.json", open(args.policy, "rb").read()))
main = commit("refs/heads/main", "Initial import", [], initial_changes)
develop = main
out.write(b"reset refs/heads/develop\nfrom :%d\n\n" % main)
changed_since_release = set()
incident_numbers = {}
release = 0


def hotfix(kind=None):
    """kind: below 0.05 squash + cherry-pick, 0.05-0.07 squash only, 0.07-0.10 merge only, else merge + back-merge."""
    global main, develop
    year = clock.year
    incident_numbers[year] = incident_numbers.get(year, 0) + 1
    incident = f"INC-{year}-{incident_numbers[year]:04d}"
    description = rng.choice(["fix-rounding", "fix-timeout", "fix-null-total", "fix-login-loop", "fix-tax"])
    branch = f"hotfix/{incident}-{description}"
    path = f"src/hotfix/{incident}.txt"
    kind = rng.random() if kind is None else kind
    stats["hotfixes"] += 1
    content = text([f"{incident} fix", description])
    if kind < 0.07:
        # Squash merge: one commit on main that carries the incident id.
        squash = commit("refs/heads/main", f"{description.replace('-', ' ').capitalize()} ({incident}) (#{stats['hotfixes']})", [main], [(path, content)])
        main_files[path] = [f"{incident} fix", description]
        main = squash
        stats["squashes"] += 1
        if kind < 0.05:
            develop = commit("refs/heads/develop", f"{description.replace('-', ' ').capitalize()} ({incident}) (#{stats['hotfixes']})\n\n(cherry picked from the squash on main)", [develop], [(path, content)])
            develop_files[path] = main_files[path]
        else:
            stats["missing_back_merges"] += 1
        return

    tip = commit("refs/heads/tmp-hotfix", f"Fix {description.replace('-', ' ')}", [main], [(path, content)])
    if rng.random() < 0.5:
        content = text([f"{incident} fix", description, "with a test"])
        tip = commit("refs/heads/tmp-hotfix", "Add a test for the fix", [tip], [(path, content)])
    main = commit("refs/heads/main", f"Merge branch '{branch}' into main", [main, tip], [(path, content)])
    main_files[path] = content
    if kind < 0.10:
        stats["missing_back_merges"] += 1
        return
    develop = commit("refs/heads/develop", f"Merge branch '{branch}' into develop", [develop, tip], [(path, content)])
    develop_files[path] = content


total = args.develop_commits + UNRELEASED
# A back-merge of any hotfix branch (created from main) also brings every earlier hotfix on main into develop, which
# heals a forgotten back-merge — as in real repositories. The last hotfixes are therefore fixed, in an order that
# leaves the audit something to find: a healthy one, a squash cherry-picked to develop (found by patch id), then a merge
# and a squash that never reached develop (HF0104).
# (At 5/6, 4/6, 3/6 and 2/6 of the unreleased stretch: 250, 200, 150 and 100 steps before the end by default.)
FINAL_HOTFIXES = {total - UNRELEASED * k // 6: kind for k, kind in ((5, 0.5), (4, 0.01), (3, 0.08), (2, 0.06))}
for step in range(1, total + 1):
    touched = rng.sample(paths, rng.randint(1, 3))
    changes = []
    for p in touched:
        develop_files[p][step % LINES] = f"develop change {step}"
        changes.append((p, text(develop_files[p])))
        changed_since_release.add(p)
    develop = commit("refs/heads/develop", f"Develop work {step}", [develop], changes)

    if step % RELEASE_EVERY == 0 and step <= args.develop_commits:
        release += 1
        merged = [(p, text(develop_files[p])) for p in sorted(changed_since_release)]
        main = commit("refs/heads/main", f"Merge branch 'develop' into main (release 1.{release})", [main, develop], merged)
        for p in changed_since_release:
            main_files[p] = list(develop_files[p])
        changed_since_release.clear()
    elif step in FINAL_HOTFIXES:
        hotfix(FINAL_HOTFIXES[step])
    elif rng.random() < HOTFIX_CHANCE and step < total - UNRELEASED:
        hotfix()

out.flush()
if args.info:
    # A file that develop has not touched since the last release: a benchmark hotfix can change it and merge cleanly.
    safe = next(p for p in paths if p not in changed_since_release)
    with open(args.info, "w") as info:
        for key, value in stats.items():
            info.write(f"{key}={value}\n")
        info.write(f"files={len(paths) + stats['hotfixes'] + (1 if args.policy else 0)}\n")
        info.write(f"safe_path={safe}\n")

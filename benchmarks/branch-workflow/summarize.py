#!/usr/bin/env python3
"""Medians and ratios from the per-round hyperfine exports of run.sh (wall-clock and user+system CPU time)."""
import glob
import json
import os
import statistics
import sys

results, info = sys.argv[1], sys.argv[2]
times = {}
for path in sorted(glob.glob(os.path.join(results, "round-*.json"))):
    for result in json.load(open(path))["results"]:
        entry = times.setdefault(result["command"], {"wall": [], "cpu": []})
        entry["wall"].extend(result["times"])
        entry["cpu"].append(result["user"] + result["system"])

facts = dict(line.strip().split("=", 1) for line in open(info) if "=" in line)
load = os.getloadavg()
print(f"Repository: {facts['total_commits']} commits, {facts['tracked_files']} tracked files, develop {facts['develop_ahead_of_main']} commits ahead of main.")
print(f"Machine: {os.cpu_count()} cores, load average {load[0]:.1f} at the end; {len(times['cycle-hotfix']['wall'])} alternating rounds.\n")
print("| Measurement | hotfix (median) | compared with (median) | ratio |")
print("|---|---|---|---|")
rows = [
    ("start → commit → finish", "cycle-hotfix", "cycle-gitflow", "gitflow-avh"),
    ("start → commit → finish", "cycle-hotfix", "cycle-git", "plain git (runbook commands)"),
    ("audit", "audit-hotfix", "audit-git", "git CLI (audit-git.sh)"),
]
for label, ours, theirs, other in rows:
    for kind in ["wall", "cpu"]:
        a = statistics.median(times[ours][kind])
        b = statistics.median(times[theirs][kind])
        what = "wall clock" if kind == "wall" else "CPU user+sys"
        print(f"| {label}, {what} | {a * 1000:.0f} ms | {other}: {b * 1000:.0f} ms | {b / a:.2f}× |")

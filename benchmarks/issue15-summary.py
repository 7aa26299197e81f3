#!/usr/bin/env python3
"""Each issue 15 target, read back from one benchmarks/issue15.sh log: the ratio measured and whether it holds.

    python3 benchmarks/issue15-summary.py LOG

issue15.sh runs this on the part of its log that the run wrote. Only what the run measured is listed; a step that
did not run (STEPS) or whose output is missing says so instead of guessing.
"""
import re
import sys


def first_binary_ratios(lines, after=None):
    """
    The ratio to git of AFTER in each interleaved check run: its own line when the log names it (issue15.sh prints
    "issue15: after=PATH"; the runs list the binaries in their own order), else the first binary listed (older logs).
    """
    ratios = []
    taken = True
    for line in lines:
        if line.startswith("load after:"):
            taken = False
        elif not taken and not line.startswith("git ") and (after is None or line.startswith(after + " ")):
            match = re.search(r"([0-9.]+)x git$", line)
            if match:
                ratios.append(float(match.group(1)))
                taken = True
    return ratios


def analyzer_share(section):
    """
    The analyzer time of the hotfix variant against the no-analyzer compile's CPU (the issue's measure), and the same
    share for EF Core's analyzers and for the sink-dense floor probe when they ran.
    """
    rows = {}
    for line in section:
        fields = line.split()
        if len(fields) >= 4 and fields[0] in ("none", "hotfix", "efcore", "floor-reportbound"):
            try:
                rows[fields[0]] = [float(f.rstrip("%")) for f in fields[1:4]]
            except ValueError:
                continue
    if "none" not in rows or "hotfix" not in rows:
        return None
    none_cpu = rows["none"][1]
    share = 100 * rows["hotfix"][2] / none_cpu
    efcore = 100 * rows["efcore"][2] / none_cpu if "efcore" in rows else None
    floor = 100 * rows["floor-reportbound"][2] / none_cpu if "floor-reportbound" in rows else None
    return share, efcore, floor


def sections(lines):
    """The log split at each step header ('=== N. …')."""
    result = {}
    current = None
    for line in lines:
        if line.startswith("=== "):
            current = line[4:].split(" — ")[0]
            result[current] = []
        elif current is not None:
            result[current].append(line)
    return result


def main(path):
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    after = next((m.group(1) for m in (re.match(r"issue15: after=(\S+)", l) for l in lines) if m), None)
    steps = sections(lines)
    rows = []

    def step(prefix):
        return next((body for name, body in steps.items() if name.startswith(prefix)), None)

    def add(target, measured, holds):
        rows.append((target, measured, "met" if holds else "NOT met"))

    startup = step("1.")
    if startup is not None:
        # hyperfine names each binary by its folder and file (native/hotfix); with BEFORE there are two lines.
        label = "/".join(after.split("/")[-2:]) if after else None
        match = next((re.search(r"([0-9.]+) ± ([0-9.]+) times faster than '.*--version'", l) for l in startup
                      if "times faster than" in l and (label is None or f"'{label} --version'" in l)), None)
        if match:
            ratio = float(match.group(1))
            add("--version ≤ 2× an AOT hello world", f"{ratio:.2f} ± {match.group(2)}×", ratio <= 2.0)

    check = step("2.")
    if check is not None:
        ratios = first_binary_ratios(check, after)
        if ratios:
            add("check ≤ 1.0× git's CPU", ", ".join(f"{r:.2f}×" for r in ratios), max(ratios) <= 1.0)

    floor = step("6.")
    small = step("3.")
    if floor is not None and any("gitflow-avh / hotfix, within the same rounds" in l for l in floor):
        hotfix = next(re.search(r"median ([0-9.]+)×", l) for l in floor if "gitflow-avh / hotfix, within the same rounds" in l)
        libgit2 = next((re.search(r"median ([0-9.]+)×", l) for l in floor if "gitflow-avh / libgit2 floor, within the same rounds" in l), None)
        ratio = float(hotfix.group(1))
        floor_text = f" (the libgit2 floor: {libgit2.group(1)}×)" if libgit2 else ""
        add("start + finish ≥ 20× less CPU than gitflow-avh", f"{ratio:.1f}× within the same rounds{floor_text}", ratio >= 20)
    elif small is not None:
        match = next((re.search(r"([0-9.]+)× less CPU", l) for l in small if "vs gitflow-avh:" in l), None)
        if match:
            ratio = float(match.group(1))
            add("start + finish ≥ 20× less CPU than gitflow-avh", f"{ratio:.1f}× (separate runs)", ratio >= 20)

    cycle = step("4.")
    if cycle is not None:
        match = next((re.search(r"\| ([0-9]+) ms \| plain git \(runbook commands\): ([0-9]+) ms", l) for l in cycle
                      if "CPU user+sys" in l and "plain git" in l), None)
        if match:
            ratio = int(match.group(1)) / int(match.group(2))
            add("the 20,000-file cycle ≤ the plain git commands' CPU", f"{ratio:.2f}× ({match.group(1)} against {match.group(2)} ms)", ratio <= 1.0)

    for shape in ("service", "sink-dense"):
        body = step(f"5. analyzers, {shape} shape")
        if body is None:
            continue
        shares = analyzer_share(body)
        if shares:
            share, efcore, floor = shares
            others = ([f"EF Core's analyzers {efcore:.1f} %"] if efcore is not None else []) + \
                ([f"the IOperation floor of its findings {floor:.1f} %"] if floor is not None else [])
            others_text = f" ({'; '.join(others)})" if others else ""
            add(f"analyzer time ≤ 2 % of compile CPU, {shape}", f"{share:.1f} % of medians{others_text}", share <= 2.0)

    if not rows:
        print(f"no issue 15 step output found in {path}", file=sys.stderr)
        return 1
    width = max(len(r[0]) for r in rows)
    print("== issue 15 targets, this run ==")
    for target, measured, verdict in rows:
        print(f"{target:<{width}}  {measured:<52}  {verdict}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: issue15-summary.py LOG", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))

#!/usr/bin/env python3
"""Counts the native image's GC static region entries (one per type with static reference fields, each allocated by the
runtime before Main) by origin, from the ILC map file of a publish with -p:IlcGenerateMapFile=true:
    python3 benchmarks/startup/statics-by-origin.py src/Hotfix.Cli/obj/Release/net10.0/linux-x64/native/hotfix.map.xml [OTHER.map.xml]
An entry counts for the first origin (in the order below) that its type or any of its type arguments comes from; an
entry that names only framework assemblies is "framework only". With two map files the columns are compared."""
import re
import sys
from collections import Counter

ORIGINS = [
    ("KubernetesClient.Aot (+ Fractions, Hotfix.Kubernetes)", ("KubernetesClient_Aot", "Fractions_", "Hotfix_Kubernetes_")),
    ("Microsoft.SqlServer.TransactSql.ScriptDom", ("Microsoft_SqlServer_TransactSql_ScriptDom",)),
    ("Hotfix.Policy", ("Hotfix_Policy_",)),
    ("Hotfix.Migrations + Roslyn", ("Hotfix_Migrations_", "Microsoft_CodeAnalysis")),
    ("LibGit2Sharp + Hotfix.Git", ("LibGit2Sharp_", "Hotfix_Git_")),
    ("System.CommandLine + the CLI + Hotfix.Records", ("System_CommandLine_", "hotfix_", "Hotfix_Records_")),
    ("YamlDotNet, FluentValidation", ("YamlDotNet_", "FluentValidation_")),
]
FRAMEWORK = "framework only"


def entries(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    region = re.search(r'<ArrayOfEmbeddedPointers Name="__GCStaticRegion" Length="(\d+)"', text)
    names = re.findall(r'<GCStatics Name="__GCSTATICS([^"]*)"', text)
    return (int(region.group(1)) // 4 if region else None), names


def origin(name):
    # Mangled names are <assembly>_<namespace>_<type>, generic arguments in &lt;…&gt;: an origin matches anywhere.
    for label, markers in ORIGINS:
        if any(m in name for m in markers):
            return label
    return FRAMEWORK


def generic(name):
    head = name.split("&lt;", 1)[0]
    return re.sub(r"^(S_P_CoreLib|System_[A-Za-z_]*?)_System_", "System_", head) if "&lt;" in name else None


results = []
for path in sys.argv[1:]:
    region, names = entries(path)
    results.append((path, region, names, Counter(origin(n) for n in names), Counter(g for g in map(generic, names) if g)))

labels = [label for label, _ in ORIGINS] + [FRAMEWORK]
print("| origin | " + " | ".join(f"entries ({i + 1})" for i in range(len(results))) + " |")
print("|---|" + "---:|" * len(results))
for label in labels:
    print(f"| {label} | " + " | ".join(f"{r[3][label]:,}" for r in results) + " |")
print("| **total** | " + " | ".join(f"**{len(r[2]):,}**" for r in results) + " |")
for i, (path, region, names, _, _) in enumerate(results):
    print(f"({i + 1}) {path}: {len(names):,} GCStatics nodes; __GCStaticRegion {region:,} entries")
for i, r in enumerate(results):
    print(f"({i + 1}) most frequent generic types: " + ", ".join(f"{g} {c:,}" for g, c in r[4].most_common(8)))

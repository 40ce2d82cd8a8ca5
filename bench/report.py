#!/usr/bin/env python3
"""Turn the raw results of bench/run.sh into Markdown tables and splice them into BENCHMARKS.md.

Reads, from --results: <set>.json (hyperfine --export-json), <set>.rss.tsv (name, then peak RSS
in KB of each run), <set>.commands.tsv (name, exact command), kb-<n>.meta.json (what
bench/generate.py wrote) and load-before/after.txt. Writes the tables to --out and replaces
what lies between the marker comments in --splice, so rerunning run.sh refreshes the file.

Every ratio is taken between two commands timed in the same hyperfine run, so that a slow
moment on the machine moves both sides. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
from datetime import datetime, timezone
from pathlib import Path

BEGIN = "<!-- bench:results:begin -->"
END = "<!-- bench:results:end -->"

# Limits from issues 5, 13 and 20.
PEER_LIMIT = 1.0  # show, list and compare no slower than the peer; every peak RSS <= the peer's
SEARCH_TIME_LIMIT = 1.3  # search: median <= 1.3x the floor's (issue 20)
SHOW_LIMIT = 2.0  # show ROLE with 10,000 roles <= 2x the same query on built-in data
RARE_LIMIT = 2.0  # search for the 1 % term <= 2x grep -ril over the same files
COMMON_LIMIT = 1.0  # search for the everywhere term <= 1x the bare parse
VALIDATE_LIMIT = 1.0  # validate <= 1x the single-threaded bare parse

FLOOR = "floor (hello world)"
PEER = "peer: tealdeer tldr --render page.md"
BUILTIN_QUERIES = ["rolecmp compare cto cio", "rolecmp compare cto cio --full",
                   "rolecmp show cio --industry healthcare", "rolecmp search security",
                   "rolecmp list"]
# The long document of `compare --full` is timed and shown, but no target is set for it: the
# peer renders a 14-line page, and the targets of issue 20 name the everyday commands.
UNTARGETED = {"rolecmp compare cto cio --full"}
# The same queries from the binary built over three times the data (bench/builtin_copies.py).
BUILTIN_3X = [name.replace("rolecmp ", "rolecmp-3x ", 1) for name in BUILTIN_QUERIES]
SHOW_BUILTIN = "rolecmp show cio (built-in data only)"
SCALED = ["rolecmp show ROLE --data DIR", "rolecmp show cio --data DIR",
          "rolecmp compare ROLE x10 --data DIR", "rolecmp search RARE --data DIR",
          "rolecmp search COMMON --data DIR", "rolecmp validate DIR"]
REFERENCES = ["grep -ril RARE DIR", "grep -ril COMMON DIR", "bare-parse DIR"]


def load_set(results: Path, name: str) -> dict[str, dict]:
    """name -> {median (s), runs, rss (KB, median of runs), command}."""
    out: dict[str, dict] = {}
    for result in json.loads((results / f"{name}.json").read_text())["results"]:
        out[result["command"]] = {"median": result["median"], "runs": len(result["times"])}
    for line in (results / f"{name}.rss.tsv").read_text().splitlines():
        key, values = line.split("\t")
        out[key]["rss"] = statistics.median(int(v) for v in values.split())
    for line in (results / f"{name}.commands.tsv").read_text().splitlines():
        key, command = line.split("\t", 1)
        out[key]["command"] = command
    counted = results / f"{name}.instructions.tsv"
    if counted.exists():
        for line in counted.read_text().splitlines():
            key, value = line.split("\t")
            out[key]["instructions"] = int(value) if value.isdigit() else None
    return out


def ms(seconds: float) -> str:
    value = seconds * 1000
    if value < 10:
        return f"{value:.2f}"
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def mb(kb: float) -> str:
    return f"{kb / 1024:,.1f}"


def ratio(value: float) -> str:
    return f"{value:,.2f}×" if value < 100 else f"{value:,.0f}×"


def met(value: float, limit: float) -> str:
    return "met" if value <= limit else "**not met**"


def run(*command: str) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine(root: Path, results: Path, quick: bool) -> list[str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    commit = run("git", "-C", str(root), "rev-parse", "--short", "HEAD")
    # Uncommitted changes outside bench/ and BENCHMARKS.md mean the numbers are not of `commit`.
    dirty = run("git", "-C", str(root), "status", "--porcelain", "--", ".", ":!bench",
                ":!BENCHMARKS.md")
    # run.sh writes load-before.txt first, so its time is when the run started.
    started = datetime.fromtimestamp((results / "load-before.txt").stat().st_mtime, timezone.utc)
    load_before = (results / "load-before.txt").read_text().strip()
    load_after = (results / "load-after.txt").read_text().strip()
    return [
        "| | |",
        "| --- | --- |",
        f"| date (start of the run) | {started.strftime('%Y-%m-%d %H:%M UTC')} |",
        f"| rolecmp commit | `{commit}`{' with uncommitted changes' if dirty else ''} |",
        f"| CPUs (`nproc`) | {os.cpu_count()} |",
        f"| CPU model | {cpu} |",
        f"| memory | {mem_kb / 1024 / 1024:.1f} GiB |",
        f"| OS | {platform.system()} {platform.release()} |",
        f"| rustc | {run('rustc', '--version')} |",
        f"| hyperfine | {run('hyperfine', '--version')} |",
        f"| mode | {'`--quick` (fewer runs)' if quick else 'full'} |",
        f"| load average (1, 5, 15 min) before / after | {load_before} / {load_after} |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", type=Path, required=True)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--quick", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--splice", type=Path)
    args = parser.parse_args()
    results, root = args.results, args.root.resolve()

    builtin = load_set(results, "builtin")
    sizes = sorted(int(m.group(1)) for p in results.glob("kb-*.json")
                   if (m := re.fullmatch(r"kb-(\d+)\.json", p.name)))
    scaled = {n: load_set(results, f"kb-{n}") for n in sizes}
    metas = {n: json.loads((results / f"kb-{n}.meta.json").read_text()) for n in sizes}
    largest, smallest = (sizes[-1], sizes[0]) if sizes else (None, None)

    md: list[str] = [f"_Written by `bash bench/run.sh{' --quick' if args.quick else ''}`; "
                     "rerun it to refresh everything between the markers._", ""]
    md += ["### Machine", ""] + machine(root, results, bool(args.quick)) + [""]

    # --- targets ----------------------------------------------------------------------------
    floor, peer = builtin[FLOOR], builtin[PEER]
    # --full only once it exists; the 3x binary only when run.sh built it.
    queries = [name for name in BUILTIN_QUERIES + BUILTIN_3X if name in builtin]
    targeted = [name for name in queries
                if name.replace("rolecmp-3x ", "rolecmp ", 1) not in UNTARGETED]
    rows: list[tuple[str, float, float]] = []
    for name in targeted:
        label = f"`{name.removeprefix('rolecmp ')}`"
        if " search " in name:
            rows.append((f"{label} wall time ÷ floor", builtin[name]["median"] / floor["median"],
                         SEARCH_TIME_LIMIT))
        else:
            rows.append((f"{label} wall time ÷ peer", builtin[name]["median"] / peer["median"],
                         PEER_LIMIT))
    for name in targeted:
        rows.append((f"`{name.removeprefix('rolecmp ')}` peak RSS ÷ peer",
                     builtin[name]["rss"] / peer["rss"], PEER_LIMIT))
    if largest is not None:
        big = scaled[largest]
        at = f"{largest:,} roles"
        rows += [
            (f"{at}: `show ROLE` ÷ `show cio` on built-in data",
             big["rolecmp show ROLE --data DIR"]["median"] / big[SHOW_BUILTIN]["median"],
             SHOW_LIMIT),
            (f"{at}: `show cio` ÷ `show cio` on built-in data",
             big["rolecmp show cio --data DIR"]["median"] / big[SHOW_BUILTIN]["median"],
             SHOW_LIMIT),
            (f"{at}: `search RARE` (1 % of roles) ÷ `grep -ril RARE`",
             big["rolecmp search RARE --data DIR"]["median"] / big["grep -ril RARE DIR"]["median"],
             RARE_LIMIT),
            (f"{at}: `search COMMON` (every role) ÷ bare parse",
             big["rolecmp search COMMON --data DIR"]["median"] / big["bare-parse DIR"]["median"],
             COMMON_LIMIT),
            (f"{at}: `validate DIR` ÷ bare parse",
             big["rolecmp validate DIR"]["median"] / big["bare-parse DIR"]["median"],
             VALIDATE_LIMIT),
        ]
        if largest > smallest:
            # At most linear growth: the cost may grow by at most as much as the role count.
            factor = largest / smallest
            for name in SCALED:
                growth = big[name]["median"] / scaled[smallest][name]["median"]
                rows.append((f"`{name.removeprefix('rolecmp ')}` growth {smallest:,} → "
                             f"{largest:,} roles ({factor:,.0f}× roles)", growth, factor))
    md += ["### Targets", "",
           "| target | measured | limit | |", "| --- | ---: | ---: | --- |"]
    md += [f"| {label} | {ratio(value)} | ≤ {ratio(limit)} | {met(value, limit)} |"
           for label, value, limit in rows]
    unmet = sum(value > limit for _, value, limit in rows)
    md += ["", f"{len(rows) - unmet} of {len(rows)} targets met.", ""]
    # The targets, met or not, also go to the terminal of whoever ran the benchmark.
    width = max(len(label) for label, _, _ in rows)
    print("targets (limit; measured):")
    for label, value, limit in rows:
        print(f"  {'met   ' if value <= limit else 'MISSED'}  {label.replace('`', ''):<{width}}"
              f"  ≤ {ratio(limit):>7}  {ratio(value):>7}")
    print(f"{len(rows) - unmet} of {len(rows)} targets met")

    # --- built-in data against the floor ----------------------------------------------------
    md += ["### Built-in knowledge base against the floor and the peer", "",
           "| command | median (ms) | × floor | × peer | peak RSS (MB) | × floor | × peer | runs |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name in [FLOOR, PEER] + queries:
        r = builtin[name]
        md.append(f"| `{name}` | {ms(r['median'])} | {ratio(r['median'] / floor['median'])} | "
                  f"{ratio(r['median'] / peer['median'])} | {mb(r['rss'])} | "
                  f"{ratio(r['rss'] / floor['rss'])} | {ratio(r['rss'] / peer['rss'])} | "
                  f"{r['runs']} |")
    md.append("")
    if floor.get("instructions") and peer.get("instructions"):
        # Counted, not timed: the same on a busy machine, so a change shows even in a noisy run.
        md += ["Instructions (cachegrind, one run each; not a target, but what a busy machine does "
               "not blur):", "", "| command | instructions (M) | × floor | × peer |",
               "| --- | ---: | ---: | ---: |"]
        for name in [FLOOR, PEER] + queries:
            count = builtin[name].get("instructions")
            if count:
                md.append(f"| `{name}` | {count / 1e6:,.2f} | "
                          f"{ratio(count / floor['instructions'])} | "
                          f"{ratio(count / peer['instructions'])} |")
        md.append("")
    if (results / "builtin-3x.meta.json").exists():
        base = json.loads((results / "builtin-3x.meta.json").read_text())
        md += [f"`rolecmp-3x` is rolecmp built over `bench/builtin_copies.py --copies "
               f"{base['copies']}`: {base['roles']} roles and {base['sources']} sources, "
               f"{base['bytes'] / 1000:,.0f} KB of data files against the {base['base_bytes'] / 1000:,.0f} KB "
               f"of `data/` ({base['bytes'] / base['base_bytes']:.2f}×; the shared vocabularies "
               "stay single).", ""]

    # --- binary sizes -----------------------------------------------------------------------
    if (results / "sizes.tsv").exists():
        sizes_on_disk = dict(line.split("\t") for line in
                             (results / "sizes.tsv").read_text().splitlines())
        md += ["### Binary sizes", "", "| binary | size (MB) | × floor |", "| --- | ---: | ---: |"]
        floor_size = int(sizes_on_disk["floor (hello world)"])
        for name, value in sizes_on_disk.items():
            md.append(f"| `{name}` | {int(value) / 1e6:,.2f} | {ratio(int(value) / floor_size)} |")
        md.append("")

    # --- company knowledge bases ------------------------------------------------------------
    if sizes:
        m = metas[largest]
        md += ["### Company knowledge bases", "",
               "Generated by `bench/generate.py --seed 5`; in the rows below ROLE is one "
               "generated role, `compare` takes ten, RARE is "
               f"`{m['rare_term']}` (in 1 % of the roles) and COMMON is `{m['common_term']}` "
               "(in every role). Every command but `show cio (built-in data only)` loads the "
               "built-in data and the folder.", "",
               "| roles | files | size (MB) | mean role file (KB) | roles with RARE |",
               "| ---: | ---: | ---: | ---: | ---: |"]
        for n in sizes:
            meta = metas[n]
            md.append(f"| {n:,} | {n + 1:,} | {meta['bytes'] / 1e6:,.1f} | "
                      f"{meta['mean_role_bytes'] / 1000:.1f} | {meta['rare_roles']} |")
        head = " | ".join(f"{n:,} roles" for n in sizes)
        md += ["", "Median wall time (ms):", "",
               f"| command | {head} | growth {smallest:,} → {largest:,} |",
               "| --- |" + " ---: |" * (len(sizes) + 1)]
        for name in [SHOW_BUILTIN] + SCALED + REFERENCES:
            cells = " | ".join(ms(scaled[n][name]["median"]) for n in sizes)
            growth = scaled[largest][name]["median"] / scaled[smallest][name]["median"]
            md.append(f"| `{name}` | {cells} | {ratio(growth)} |")
        if len(sizes) > 2:
            # Growth of the median hides a fixed start-up cost that favours large sizes; the
            # cost of each extra role, step by step, shows whether work per role rises with
            # the number of roles (superlinear) or stays flat (linear).
            steps = list(zip(sizes, sizes[1:]))
            md += ["", "Cost of each extra role, between consecutive sizes (ms per 1,000 roles; "
                   "flat across a row means linear growth):", "",
                   "| command | " + " | ".join(f"{a:,} → {b:,}" for a, b in steps) + " |",
                   "| --- |" + " ---: |" * len(steps)]
            for name in SCALED + REFERENCES:
                cells = " | ".join(
                    f"{(scaled[b][name]['median'] - scaled[a][name]['median']) / (b - a) * 1e6:,.1f}"
                    for a, b in steps)
                md.append(f"| `{name}` | {cells} |")
        md += ["", "Peak RSS (MB, median of runs):", "",
               f"| command | {head} |", "| --- |" + " ---: |" * len(sizes)]
        for name in [SHOW_BUILTIN] + SCALED + REFERENCES:
            cells = " | ".join(mb(scaled[n][name]["rss"]) for n in sizes)
            md.append(f"| `{name}` | {cells} |")
        pairs = [
            ("`show ROLE` ÷ `show cio` built-in", "rolecmp show ROLE --data DIR", SHOW_BUILTIN,
             SHOW_LIMIT),
            ("`show cio` ÷ `show cio` built-in", "rolecmp show cio --data DIR", SHOW_BUILTIN,
             SHOW_LIMIT),
            ("`search RARE` ÷ `grep -ril RARE`", "rolecmp search RARE --data DIR",
             "grep -ril RARE DIR", RARE_LIMIT),
            ("`search COMMON` ÷ `grep -ril COMMON`", "rolecmp search COMMON --data DIR",
             "grep -ril COMMON DIR", None),
            ("`search COMMON` ÷ bare parse", "rolecmp search COMMON --data DIR",
             "bare-parse DIR", COMMON_LIMIT),
            ("`validate` ÷ bare parse", "rolecmp validate DIR", "bare-parse DIR",
             VALIDATE_LIMIT),
        ]
        md += ["", "Ratios at each size (same hyperfine run):", "",
               f"| ratio | {head} | limit |", "| --- |" + " ---: |" * (len(sizes) + 1)]
        for label, a, b, limit in pairs:
            cells = " | ".join(ratio(scaled[n][a]["median"] / scaled[n][b]["median"])
                               for n in sizes)
            md.append(f"| {label} | {cells} | {'—' if limit is None else '≤ ' + ratio(limit)} |")
        md.append("")
        runs = sorted({r["runs"] for n in sizes for r in scaled[n].values()})
        md += [f"Runs per command: {runs[0]}–{runs[-1]} (hyperfine, after warm-up).", ""]

    # --- exact commands ---------------------------------------------------------------------
    def shown(command: str) -> str:
        return command.replace(str(root) + "/", "")

    md += ["### Exact commands", "",
           "Run with `COLUMNS=100`, `XDG_DATA_HOME` pointing at an empty folder and no "
           "`ROLECMP_DATA`, output to `/dev/null`, through `hyperfine -N` (no shell); peak RSS "
           "with `/usr/bin/time -f %M`.", "", "```sh"]
    md += [shown(r["command"]) for r in builtin.values()]
    if sizes:
        md += [shown(r["command"]) for r in scaled[largest].values()]
    md += ["```", ""]
    if len(sizes) > 1:
        md += [f"The smaller sizes run the same commands on `bench/target/kb-<roles>`, with "
               "their own ROLE and ten roles to compare (printed by `bench/generate.py`).", ""]

    text = "\n".join(md)
    args.out.write_text(text, encoding="utf-8")
    if args.splice:
        doc = args.splice.read_text(encoding="utf-8")
        if BEGIN not in doc or END not in doc:
            raise SystemExit(f"error: {args.splice} lacks the markers {BEGIN} and {END}")
        before, rest = doc.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        args.splice.write_text(f"{before}{BEGIN}\n{text}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Write a built-in knowledge base N times the size of data/, for the benchmark's second binary.

    python3 bench/builtin_copies.py --copies 3 OUT

OUT becomes a copy of data/ plus N-1 copies of every role, every source and every stored source
text, each under new ids (`cto-x2`, `bls-ooh-cism-x2`), titles ("Chief Technology Officer (copy
2)") and aliases ("CTO copy 2"), so that every name still resolves to exactly one role and the
data passes the build's checks unchanged. A copied role cites, reports to and works with the
copies of its own copy; its facts, quotes and stored passages are the originals', so every
evidence check holds. The vocabularies (areas, industries, glossary, occupations, search words)
stay single: they are shared, as a company's would be. bench/run.sh builds rolecmp over OUT with
`ROLECMP_BUILTIN_DATA=OUT` and prints one JSON line saying what was written. Standard library
only.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def ids(text: str, pattern: str) -> list[str]:
    return re.findall(pattern, text, flags=re.MULTILINE)


def rename_list(match: re.Match, names: dict[str, str]) -> str:
    items = [item.strip() for item in match.group(2).split(",")]
    return f"{match.group(1)}[{', '.join(names.get(item, item) for item in items)}]"


def copy_role(text: str, copy: int, roles: dict[str, str], sources: dict[str, str]) -> str:
    """One role file's text for copy `copy`: its names changed, its links kept in the copy."""
    text = re.sub(r"^id: (\S+)$", lambda m: f"id: {roles[m.group(1)]}", text, flags=re.MULTILINE)
    text = re.sub(r"^title: (.+)$", rf"title: \1 (copy {copy})", text, flags=re.MULTILINE)
    text = re.sub(
        r"^((?:shared_)?aliases: )\[(.*)\]$",
        lambda m: m.group(1) + "[" + ", ".join(f"{a.strip()} copy {copy}"
                                               for a in m.group(2).split(",")) + "]",
        text, flags=re.MULTILINE)
    # Links to other roles: reporting lines, collaboration, disputes.
    text = re.sub(r"^(\s*(?:- )?(?:to|with): )([\w-]+)$",
                  lambda m: m.group(1) + roles.get(m.group(2), m.group(2)), text,
                  flags=re.MULTILINE)
    text = re.sub(r"^(\s*(?:- )?with: )\[(.*)\]$", lambda m: rename_list(m, roles), text,
                  flags=re.MULTILINE)
    # Citations: `sources: [a, b]` lists and `source: a` in evidence.
    text = re.sub(r"(sources: )\[([^\]]*)\]", lambda m: rename_list(m, sources), text)
    text = re.sub(r"(\bsource: )([\w-]+)",
                  lambda m: m.group(1) + sources.get(m.group(2), m.group(2)), text)
    return text


def copy_sources(text: str, copy: int, sources: dict[str, str]) -> str:
    """The entries of sources.yaml again, under the copy's ids, titles and text files."""
    body = text.split("\nsources:\n", 1)[1]
    entries = re.split(r"(?m)^(?=  - id: )", body)
    out = []
    for entry in entries:
        if not entry.startswith("  - id: "):
            continue
        entry = re.sub(r"^  - id: (\S+)$", lambda m: f"  - id: {sources[m.group(1)]}", entry,
                       flags=re.MULTILINE)
        entry = re.sub(r"^(    title: )(\"?)(.*?)(\"?)$", rf"\1\2\3 (copy {copy})\4", entry,
                       count=1, flags=re.MULTILINE)
        entry = re.sub(r"^(    text_file: sources/)([\w-]+)\.txt$", rf"\1\2-x{copy}.txt", entry,
                       flags=re.MULTILINE)
        out.append(entry.rstrip("\n") + "\n")
    return "".join(out)


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=3, help="how many of each role (≥ 1)")
    parser.add_argument("out", type=Path, help="the folder to write (replaced)")
    args = parser.parse_args()
    if args.copies < 1:
        raise SystemExit("error: --copies must be at least 1")
    out: Path = args.out
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(DATA, out)

    role_files = sorted((DATA / "roles").glob("*.yaml"))
    role_ids = [ids(p.read_text(encoding="utf-8"), r"^id: (\S+)$")[0] for p in role_files]
    sources_text = (DATA / "sources.yaml").read_text(encoding="utf-8")
    source_ids = ids(sources_text, r"^  - id: (\S+)$")
    appended = []
    for copy in range(2, args.copies + 1):
        roles = {r: f"{r}-x{copy}" for r in role_ids}
        sources = {s: f"{s}-x{copy}" for s in source_ids}
        for path, role in zip(role_files, role_ids):
            text = copy_role(path.read_text(encoding="utf-8"), copy, roles, sources)
            (out / "roles" / f"{roles[role]}.yaml").write_text(text, encoding="utf-8")
        for stored in sorted((DATA / "sources").glob("*.txt")):
            shutil.copyfile(stored, out / "sources" / f"{stored.stem}-x{copy}.txt")
        appended.append(copy_sources(sources_text, copy, sources))
    with (out / "sources.yaml").open("a", encoding="utf-8") as file:
        for block in appended:
            file.write("\n" + block)

    print(json.dumps({
        "copies": args.copies,
        "roles": len(list((out / "roles").glob("*.yaml"))),
        "sources": len(source_ids) * args.copies,
        "bytes": size(out),
        "base_bytes": size(DATA),
    }))


if __name__ == "__main__":
    main()

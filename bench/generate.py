#!/usr/bin/env python3
"""Generate a synthetic company knowledge base for benchmarking rolecmp.

    python3 bench/generate.py --roles 1000 --seed 5 OUT_DIR

writes OUT_DIR/sources.yaml and OUT_DIR/<id>.yaml for every role: the layout a company would
keep in a repository and pass with `--data OUT_DIR`. The files are valid (`rolecmp validate
OUT_DIR` exits 0) and look like the built-in ones: every section filled in with several facts of
10-30 words, responsibilities by area, reporting lines and collaboration between the generated
roles, industry examples and disputes, 2-5 KB per file.

Two search terms are planted so that search benchmarks have a known answer:
  RARE_TERM   occurs in exactly 1 % of the roles (one fact each; at least one role),
  COMMON_TERM occurs in every role (one fact each).
Neither word occurs anywhere else, in the generated files or in the built-in data.

Standard library only, deterministic for a given --roles and --seed, so every run of the
benchmark measures the same files. Prints one line of JSON describing what it wrote (ids to
query, terms, sizes) for bench/run.sh.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

RARE_TERM = "zephyrization"
COMMON_TERM = "Kestrelmark"  # the made-up company's name: every role file mentions it once

# Ids that exist in the built-in knowledge base (`rolecmp list areas` / `list industries`);
# reusing them keeps the generated folder to role files plus one sources.yaml, like a company's.
AREAS = [
    "technology-strategy", "business-alignment", "innovation", "research-and-development",
    "technical-leadership", "team-leadership", "executive-engagement", "budgeting", "security",
    "it-operations", "technology-infrastructure", "software-development", "enterprise-systems",
    "customer-facing-systems", "product-technology", "vendor-management",
    "digital-transformation", "data-management", "technology-implementation",
]
INDUSTRIES = ["ecommerce", "healthcare", "manufacturing", "financial-services"]
INDUSTRY_WORDS = {
    "ecommerce": "e-commerce",
    "healthcare": "healthcare",
    "manufacturing": "manufacturing",
    "financial-services": "financial services",
}
FOCUS = ["technology", "information", "data", "security", "product", "finance", "operations",
         "business"]
NATURE = ["strategic", "operational", "both"]
FACING = ["internal", "external", "both"]
PREVALENCE = ["usual", "often", "sometimes"]
RELATIONS = ["overlap", "collaboration", "combined"]

SOURCES = [
    ("handbook", "Engineering handbook",
     "How the company organises technology leadership, teams and decision rights."),
    ("org-chart", "Organisation chart, current quarter",
     "Who reports to whom across the technology, data and operations functions."),
    ("hr-ladder", "Leadership career ladder",
     "Expectations, scope and background for each leadership level."),
    ("board-minutes", "Board and executive committee minutes",
     "Decisions on budgets, risk and transformation programmes, with owners."),
]
SOURCE_IDS = [s[0] for s in SOURCES]

# Role titles are built from a level and a domain; ids and titles get a number so that every
# one of 10,000 roles is distinct, as `<id>.yaml` must be.
LEVELS = [("head", "Head of"), ("director", "Director of"), ("vp", "Vice President of"),
          ("lead", "Lead of"), ("manager", "Manager of")]
DOMAINS = [
    ("platform", "Platform Engineering"), ("data", "Data Engineering"),
    ("security", "Security Operations"), ("infra", "Infrastructure"),
    ("apps", "Business Applications"), ("analytics", "Analytics"),
    ("product-eng", "Product Engineering"), ("it-service", "IT Service Management"),
    ("architecture", "Enterprise Architecture"), ("cloud", "Cloud Operations"),
    ("ml", "Machine Learning"), ("quality", "Quality Engineering"),
    ("procurement", "Technology Procurement"), ("risk", "Technology Risk"),
    ("workplace", "Workplace Technology"), ("integration", "Systems Integration"),
]

# The sentence vocabulary: role and organisation words, as in the built-in facts.
VERBS = ["owns", "leads", "reviews", "funds", "coordinates", "aligns", "measures", "sets",
         "oversees", "negotiates", "plans", "audits", "prioritises", "sponsors", "approves",
         "supports", "maintains", "improves", "governs", "reports on", "shapes", "delivers"]
ADJECTIVES = ["enterprise", "internal", "customer-facing", "regional", "shared", "critical",
              "legacy", "cloud", "annual", "quarterly", "cross-functional", "operational",
              "strategic", "secure", "reliable", "scalable", "regulated", "digital", "core",
              "long-term", "day-to-day", "company-wide"]
NOUNS = ["systems", "budgets", "teams", "vendors", "contracts", "roadmaps", "platforms",
         "services", "data pipelines", "security controls", "architecture decisions",
         "hiring plans", "service-level agreements", "risk registers", "delivery milestones",
         "information assets", "infrastructure", "applications", "release processes",
         "operating models", "investment cases", "compliance reviews", "incident responses",
         "capacity plans", "engineering standards", "product launches", "support desks",
         "change programmes", "data governance policies", "technology choices"]
CONNECTORS = ["with", "across", "for", "through", "alongside", "within", "in line with",
              "together with", "on behalf of", "in support of"]
PARTNERS = ["the finance team", "the executive committee", "business units", "product managers",
            "the board", "regional offices", "external auditors", "key suppliers",
            "the operations group", "customers", "the data office", "engineering managers"]
BACKGROUND_OPENERS = ["The role needs experience in", "Candidates usually come from",
                      "The handbook asks for a background in", "Holders of the role have led"]
DISPUTE_TOPICS = ["Who owns the budget for", "Whether the role is strategic or operational in",
                  "Who signs off", "Where the reporting line sits for"]


def words(text: str) -> int:
    return len(text.split())


def noun_phrase(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
    return rng.choice(NOUNS)


def sentence(rng: random.Random, opening: str, verb: bool = True) -> str:
    """A sentence of 10-30 words: the opening, a verb and object unless the opening has them
    (verb=False), then phrases until a drawn length is reached."""
    target = rng.randint(10, 30)
    parts = [opening]
    if verb:
        parts.append(f"{rng.choice(VERBS)} {noun_phrase(rng)}")
    while words(" ".join(parts)) < target:
        if rng.random() < 0.3:
            parts.append(f"{rng.choice(CONNECTORS)} {rng.choice(PARTNERS)}")
        else:
            parts.append(f"{rng.choice(CONNECTORS)} {noun_phrase(rng)}")
    # Trim to at most 30 words so long phrases cannot push a sentence past the range.
    text = " ".join(" ".join(parts).split()[:30]).rstrip(",")
    return text[0].upper() + text[1:] + "."


class Role:
    def __init__(self, index: int, n: int):
        level = LEVELS[index % len(LEVELS)]
        domain = DOMAINS[(index // len(LEVELS)) % len(DOMAINS)]
        self.index = index
        self.id = f"{level[0]}-{domain[0]}-{index:05d}"
        self.title = f"{level[1]} {domain[1]} {index:05d}"
        self.short = f"{level[1]} {domain[1]}"
        self.alias = f"{level[0].upper()}-{domain[0].upper()}-{index:05d}"
        # A tree of reporting lines: five direct reports per role, the root reports to the
        # built-in CEO. Built-in CTO/CIO are never referenced, so `show cio` prints the same
        # report with or without the generated data.
        self.parent = None if index == 0 else (index - 1) // 5
        self.n = n


def cite(rng: random.Random) -> str:
    return "[" + ", ".join(sorted(rng.sample(SOURCE_IDS, rng.choice([1, 1, 1, 2])))) + "]"


def role_yaml(role: Role, roles: list[Role], rng: random.Random, rare: bool) -> str:
    out: list[str] = []
    emit = out.append
    subject = f"The {role.short}"

    def fact(text: str, indent: str) -> None:
        emit(f"{indent}- text: {text}")
        emit(f"{indent}  sources: {cite(rng)}")

    emit(f"# Role profile: {role.title}, generated for benchmarks by bench/generate.py.")
    emit(f"id: {role.id}")
    emit(f"title: {role.title}")
    emit(f"aliases: [{role.alias}]")
    emit("")
    emit("summary:")
    # The common term: one fact in every role.
    fact(sentence(rng, f"At {COMMON_TERM}, the {role.short}"), "  ")
    for _ in range(rng.randint(1, 2)):
        fact(sentence(rng, subject), "  ")
    for key, values in (("focus", FOCUS), ("nature", NATURE), ("facing", FACING)):
        emit("")
        emit(f"{key}:")
        emit(f"  primary: {rng.choice(values)}")
        emit("  facts:")
        for _ in range(rng.choice([1, 1, 2])):
            fact(sentence(rng, subject), "    ")
    emit("")
    emit("responsibilities:")
    areas = rng.sample(AREAS, rng.randint(2, 3))
    for number, area in enumerate(areas):
        emit(f"  - area: {area}")
        emit("    facts:")
        count = rng.randint(1, 2)
        for k in range(count):
            if rare and number == 0 and k == 0:
                # The rare term: one fact in 1 % of the roles.
                opening = f"{subject} leads the {RARE_TERM} of {noun_phrase(rng)}"
                fact(sentence(rng, opening, verb=False), "      ")
            else:
                fact(sentence(rng, subject), "      ")
    emit("")
    emit("reporting:")
    boss = "ceo" if role.parent is None else roles[role.parent].id
    boss_name = "the CEO" if role.parent is None else f"the {roles[role.parent].title}"
    emit(f"  - to: {boss}")
    emit(f"    prevalence: {rng.choice(PREVALENCE)}")
    emit(f"    text: {subject} reports to {boss_name} according to the organisation chart.")
    emit("    sources: [org-chart]")
    emit("")
    emit("background:")
    for _ in range(rng.randint(1, 2)):
        opening = f"{rng.choice(BACKGROUND_OPENERS)} {noun_phrase(rng)}"
        fact(sentence(rng, opening, verb=False), "  ")
    emit("")
    emit("industries:")
    for industry in rng.sample(INDUSTRIES, rng.randint(1, 2)):
        emit(f"  - industry: {industry}")
        emit("    facts:")
        for _ in range(rng.choice([1, 1, 2])):
            opening = f"In {INDUSTRY_WORDS[industry]}, the {role.short}"
            fact(sentence(rng, opening), "      ")
    others = [r for r in rng.sample(roles, min(len(roles), 4)) if r is not role][:rng.randint(1, 2)]
    if others:
        emit("")
        emit("collaboration:")
        for other in others:
            emit(f"  - with: {other.id}")
            emit(f"    relation: {rng.choice(RELATIONS)}")
            if rng.random() < 0.5:
                emit(f"    area: {rng.choice(AREAS)}")
            opening = f"{subject} works with the {other.title} on {noun_phrase(rng)}"
            text = sentence(rng, opening, verb=False)
            emit(f"    text: {text}")
            emit(f"    sources: {cite(rng)}")
    if rng.random() < 0.6:
        emit("")
        emit("disputes:")
        emit(f"  - topic: {rng.choice(DISPUTE_TOPICS)} {noun_phrase(rng)}")
        emit("    claims:")
        for _ in range(2):
            said = rng.choice(["handbook", "org chart", "board"])
            fact(sentence(rng, f"The {said} says the {role.short}"), "      ")
    return "\n".join(out) + "\n"


def sources_yaml() -> str:
    lines = ["# Internal sources the generated roles cite.", "sources:"]
    for sid, title, description in SOURCES:
        lines += [f"  - id: {sid}", f"    title: {title}", "    kind: internal",
                  f"    description: {description}"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--roles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    if args.roles < 10:
        parser.error("--roles must be at least 10 (compare uses 10 roles)")

    rng = random.Random(args.seed)
    roles = [Role(i, args.roles) for i in range(args.roles)]
    # Exactly 1 % of the roles (at least one) carry the rare term, spread over the whole set.
    rare_count = max(1, args.roles // 100)
    rare_ids = {r.id for r in rng.sample(roles, rare_count)}

    if args.out.exists():
        # Replace an earlier output, but never a folder that holds anything else.
        if any(p.suffix != ".yaml" or p.is_dir() for p in args.out.iterdir()):
            parser.error(f"{args.out} holds files that are not generated role files")
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    (args.out / "sources.yaml").write_text(sources_yaml(), encoding="utf-8")
    total = 0
    for role in roles:
        text = role_yaml(role, roles, rng, role.id in rare_ids)
        (args.out / f"{role.id}.yaml").write_text(text, encoding="utf-8")
        total += len(text.encode())

    # Queries for the benchmark: a role in the middle, and ten roles spread over the set.
    step = args.roles // 10
    print(json.dumps({
        "dir": str(args.out),
        "roles": args.roles,
        "seed": args.seed,
        "bytes": total,
        "mean_role_bytes": round(total / args.roles),
        "rare_term": RARE_TERM,
        "rare_roles": rare_count,
        "common_term": COMMON_TERM,
        "show": roles[args.roles // 2].id,
        # Spread over the set, and "+ i" varies the level as well as the domain across the ten.
        "compare": [roles[i * step + (step // 2 + i) % step].id for i in range(10)],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())

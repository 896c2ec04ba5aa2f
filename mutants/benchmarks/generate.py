"""A deterministic synthetic curation in exograph's own format, and the same statements in BEL.

    python -m benchmarks.generate ROOT --n 10000 [--revision 1] [--bel out.bel]

The curation looks like real work: about 2,000 grounded entities of every kind, one source
(a bibliographic record with a numbered reference list and a text snapshot) and one assertion
file per 1,000 assertions, each assertion with context and one or two quotes that stand
verbatim in the text (wrapped at a different width, as quotes copied from a PDF are), so
validation does all of its real work. Revision 1 of the same seed is a realistic follow-up
commit (some assertions added from the same papers, some changed, some removed), for
benchmarking ``exograph diff``. The same random choices give the same files on any machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PER_FILE = 1_000
#: Assertions of each source only revision 1 has (their quotes are in the text in both revisions).
EXTRA_EVERY = 50
CHANGE_EVERY = 97
DROP_EVERY = 151

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ,.()\[\]/+'_-]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}

GENE_STEMS = ["RAB", "CHMP", "VPS", "SNAP", "VAMP", "STX", "TSG", "SMPD", "ITG", "HNRNP", "SYT", "CD", "ARF", "LAMP"]
ASSAYS = ["NTA", "immunoblotting", "qRT-PCR", "GST pull-down", "luciferase reporter assay", "ELISA", "flow cytometry"]
SECTIONS = ["Abstract", "Results", "Discussion", "Figure 2 legend", "Figure 4 legend", "Table 1"]
#: How a sentence says the regulator was manipulated, and the perturbation that is.
LEADS = {
    "Treatment with": "treatment",
    "Overexpression of": "overexpression",
    "Knockdown of": "knockdown",
    "Loss of": "knockout",
    "Inhibition of": "inhibition",
}
FILLER = [
    "Cells were cultured in DMEM with 10 percent exosome-depleted serum and passaged twice a week.",
    "Vesicles were isolated by differential ultracentrifugation and characterised by electron microscopy.",
    "All experiments were repeated at least three times with independent biological replicates.",
    "Statistical significance was assessed by two-sided t tests with correction for multiple comparisons.",
    "These observations are consistent with earlier reports on vesicle trafficking in tumour cells.",
]


@dataclass(slots=True)
class Entity:
    key: str
    curie: str
    label: str
    kind: str
    synonyms: list[str] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Evidence:
    quote: str
    section: str
    references: list[int]
    assay: str
    perturbation: str


@dataclass(slots=True)
class Assertion:
    id: str
    regulator: str
    target: str
    direction: str
    aspect: str
    mechanism: str | None
    context: dict[str, Any]
    evidence: list[Evidence]
    extra: bool = False


@dataclass(slots=True)
class Source:
    id: str
    pmid: str
    text: str
    references: int
    assertions: list[Assertion]


def entities() -> list[Entity]:
    """About 2,000 entities over every kind assertions and contexts use."""
    found = [Entity("human", "NCBITaxon:9606", "Homo sapiens", "organism", ["human"])]
    found.append(Entity("mouse", "NCBITaxon:10090", "Mus musculus", "organism", ["mouse"]))
    found += [Entity("exosome_secretion", "GO:1990182", "exosomal secretion", "process", ["exosome release"])]
    found += [
        Entity(f"process_{i}", f"GO:{2000000 + i:07d}", f"vesicle process {i}", "process", [], ["exosome_secretion"])
        for i in range(29)
    ]
    for i in range(1500):
        stem = GENE_STEMS[i % len(GENE_STEMS)]
        key = f"{stem}{i // len(GENE_STEMS) + 1}{'ABCD'[i % 4]}"
        found.append(Entity(key, f"HGNC:{i + 1}", key, "gene", [f"{key.capitalize()} protein"]))
    genes = [e.key for e in found if e.kind == "gene"]
    found += [
        Entity(f"{stem}_family", f"FPLX:{stem}_family", f"{stem} family", "family", [], [], genes[j :: len(GENE_STEMS)])
        for j, stem in enumerate(GENE_STEMS)
    ]
    found += [Entity(f"miR-{i}", f"MIRBASE:MI{i:07d}", f"hsa-mir-{i}", "mirna", [f"microRNA-{i}"]) for i in range(200)]
    found += [Entity(f"compound-{i}", f"CHEBI:{50000 + i}", f"compound {i}", "chemical") for i in range(150)]
    found += [Entity(f"CL{i:02d}", f"CVCL:{i:04d}", f"tumour line {i}", "cell_line") for i in range(60)]
    found += [Entity(f"celltype_{i}", f"CL:{i:07d}", f"cell type {i}", "cell_type") for i in range(30)]
    found += [Entity(f"cancer_{i}", f"MONDO:{i:07d}", f"cancer type {i}", "disease") for i in range(30)]
    found += [Entity(f"condition_{i}", f"exograph:condition_{i}", f"condition {i}", "condition") for i in range(20)]
    return found


def _by_kind(found: list[Entity]) -> dict[str, list[Entity]]:
    kinds: dict[str, list[Entity]] = {}
    for e in found:
        kinds.setdefault(e.kind, []).append(e)
    return kinds


def _phrase(
    rng: random.Random, reg: Entity, tgt: Entity, direction: str, aspect: str, cell: Entity | None
) -> tuple[str, str]:
    verb = {"increases": "increased", "decreases": "reduced", "regulates": "altered"}[direction]
    what = {"secretion": "the release of", "biogenesis": "the biogenesis of", "cargo_loading": "the loading of"}
    thing = f"{what.get(aspect, f'the {aspect} of')} {tgt.label}"
    where = f" in {cell.label} cells" if cell else ""
    lead = rng.choice(list(LEADS))
    figure = f"Figure {rng.randint(1, 8)}{'ABCDEF'[rng.randint(0, 5)]}"
    return f"{lead} {reg.label} {verb} {thing}{where} ({figure})", LEADS[lead]


def plan(n: int, seed: int = 12, per_file: int = PER_FILE) -> tuple[list[Entity], list[Source]]:
    """Every entity, source, text and assertion of a curation of ``n`` assertions (revision 1 adds more)."""
    rng = random.Random(seed)
    found = entities()
    kinds = _by_kind(found)
    regulators = kinds["gene"] + kinds["mirna"] + kinds["chemical"] + kinds["family"]
    targets = kinds["gene"] + kinds["process"]
    sources = []
    files = max(1, round(n / per_file))
    for s in range(files):
        sid = f"synth{s:03d}"
        count = n // files + (1 if s < n % files else 0)
        seen: set[tuple[Any, ...]] = set()
        assertions: list[Assertion] = []
        lines: list[str] = [f"Synthetic study {s}.", ""]
        index = 0
        while len(assertions) < count + count // EXTRA_EVERY:
            reg, tgt = rng.choice(regulators), rng.choice(targets)
            if reg.key == tgt.key:
                continue
            process = tgt.kind == "process"
            aspect = rng.choice(["secretion", "biogenesis", "cargo_loading"] if process else ["activity", "amount"])
            direction = rng.choices(["increases", "decreases", "regulates"], [6, 3, 1])[0]
            cell = rng.choice(kinds["cell_line"]) if rng.random() < 0.7 else None
            context: dict[str, Any] = {"organisms": [rng.choice(["human", "human", "mouse"])]}
            if cell:
                context["cell_lines"] = [cell.key]
            context["diseases"] = [rng.choice(kinds["disease"]).key]
            if rng.random() < 0.15:
                context["conditions"] = [rng.choice(kinds["condition"]).key]
            context["system"] = rng.choice(["in_vitro", "in_vitro", "in_vivo"])
            mechanism = rng.choice([None, None, None, "transcription", "binding", "trafficking", "signaling"])
            identity = (reg.key, tgt.key, direction, aspect, mechanism, json.dumps(context, sort_keys=True))
            if identity in seen:
                continue
            seen.add(identity)
            evidence = []
            for _ in range(1 if rng.random() < 0.7 else 2):
                sentence, perturbation = _phrase(rng, reg, tgt, direction, aspect, cell)
                number = rng.randint(1, 60)
                quote = f"{sentence} [{number}]."
                lines.append(quote)
                if rng.random() < 0.3:
                    lines.append(rng.choice(FILLER))
                evidence.append(Evidence(quote, rng.choice(SECTIONS), [number], rng.choice(ASSAYS), perturbation))
            slug = f"{reg.key}-{tgt.key}".lower().replace("_", "-").replace(".", "-")
            assertions.append(
                Assertion(
                    f"{sid}-{slug}-{index}",
                    reg.key,
                    tgt.key,
                    direction,
                    aspect,
                    mechanism,
                    context,
                    evidence,
                    extra=len(assertions) % EXTRA_EVERY == EXTRA_EVERY - 1,
                )
            )
            index += 1
        text = "\n".join(textwrap.fill(line, 96) if line else line for line in lines) + "\n"
        sources.append(Source(sid, str(30000000 + s), text, 60, assertions))
    return found, sources


def revision(sources: list[Source], rev: int) -> Iterator[tuple[Source, list[Assertion]]]:
    """The assertions of each source in revision ``rev`` (1 adds, changes and removes some)."""
    for source in sources:
        kept = []
        for i, a in enumerate(source.assertions):
            if rev == 0 and a.extra:
                continue
            if rev == 1 and i % DROP_EVERY == DROP_EVERY - 1:
                continue
            if rev == 1 and i % CHANGE_EVERY == CHANGE_EVERY - 1:
                direction = "regulates" if a.direction != "regulates" else "increases"
                kept.append(Assertion(**{**_fields(a), "direction": direction}))
            else:
                kept.append(a)
        yield source, kept


def _fields(a: Assertion) -> dict[str, Any]:
    return {name: getattr(a, name) for name in a.__slots__}  # type: ignore[attr-defined]


def scalar(value: object) -> str:
    """A YAML scalar as a curator writes it: plain where that reads back as the same text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _YAML_WORDS and text[-1] not in " :" and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(values: list[Any]) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def entity_yaml(found: list[Entity]) -> dict[str, str]:
    """One entity file per kind, as the project keeps them."""
    files: dict[str, list[str]] = {}
    for e in found:
        out = files.setdefault(e.kind, ["entities:"])
        out += [f"  - key: {scalar(e.key)}", f"    curie: {e.curie}", f"    label: {scalar(e.label)}"]
        out.append(f"    kind: {e.kind}")
        for name in ("synonyms", "broader", "members"):
            if getattr(e, name):
                out.append(f"    {name}: {_flow(getattr(e, name))}")
    return {f"{kind}.yaml": "\n".join(lines) + "\n" for kind, lines in files.items()}


def source_yaml(source: Source) -> str:
    digest = hashlib.sha256(source.text.encode()).hexdigest()
    lines = [
        f"id: {source.id}",
        "kind: primary_research",
        f"title: Synthetic study {source.id[5:]} of exosome secretion in cancer",
        "authors: [Doe J, Roe R]",
        "journal: Journal of Synthetic Vesicles",
        "year: 2024",
        f"pmid: {scalar(source.pmid)}",
        "licence: CC0",
        f"text: {source.id}.txt",
        f"sha256: {digest}",
        "references:",
    ]
    for r in range(1, source.references + 1):
        lines += [f"  - number: {r}", f"    citation: Author {r} et al. A cited study. J Vesicles. 2019, {r}, 1-9."]
    return "\n".join(lines) + "\n"


def assertion_yaml(source: Source, assertions: list[Assertion]) -> str:
    lines = [f"source: {source.id}", "assertions:"]
    for a in assertions:
        lines += [f"  - id: {a.id}", f"    regulator: {scalar(a.regulator)}", f"    target: {scalar(a.target)}"]
        lines += [f"    direction: {a.direction}", f"    aspect: {a.aspect}"]
        if a.mechanism:
            lines.append(f"    mechanism: {a.mechanism}")
        lines.append("    context:")
        for name, value in a.context.items():
            lines.append(f"      {name}: {_flow(value) if isinstance(value, list) else value}")
        lines.append("    evidence:")
        for e in a.evidence:
            lines += [f"      - quote: {scalar(e.quote)}", f"        section: {scalar(e.section)}"]
            lines += [f"        references: {_flow(e.references)}", f"        assay: {scalar(e.assay)}"]
            lines.append(f"        perturbation: {e.perturbation}")
    return "\n".join(lines) + "\n"


def write_curation(root: Path, n: int, rev: int = 0, seed: int = 12, per_file: int = PER_FILE) -> int:
    """Write the curation of ``n`` assertions (revision ``rev``) under ``root``; return the assertion count."""
    found, sources = plan(n, seed, per_file)
    for folder in ("curation/entities", "curation/assertions", "sources"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name, text in entity_yaml(found).items():
        (root / "curation/entities" / name).write_text(text, encoding="utf-8")
    total = 0
    for source, assertions in revision(sources, rev):
        (root / f"sources/{source.id}.txt").write_text(source.text, encoding="utf-8")
        (root / f"sources/{source.id}.yaml").write_text(source_yaml(source), encoding="utf-8")
        (root / f"curation/assertions/{source.id}.yaml").write_text(
            assertion_yaml(source, assertions), encoding="utf-8"
        )
        total += len(assertions)
    return total


def main() -> None:
    from benchmarks.bel import write_bel

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--revision", type=int, choices=[0, 1], default=0)
    parser.add_argument("--bel", type=Path, help="Also write the same statements as a BEL script here.")
    args = parser.parse_args()
    total = write_curation(args.root, args.n, args.revision)
    print(f"wrote {total} assertions under {args.root}")
    if args.bel:
        print(f"wrote {write_bel(args.bel, args.n, args.revision)} BEL statements to {args.bel}")


if __name__ == "__main__":
    main()

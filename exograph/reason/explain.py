"""Assertions and chains as plain English, with context and citation (as INDRA's English assembler).

"In Huh-7 cells (Homo sapiens; hepatocellular carcinoma; in vitro), sorafenib increases the
activity of RAB27A [Liang & Wang 2021; GST-JFC1 pull-down]."

Every sentence keeps the hedge of what it says: a negated finding "does not change", a
hypothesis "may"; vesicle cargo, and any claim whose context names donors or recipients, says who sends
the vesicles and who takes them up; each cell type is named once.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from exograph.compiled.records import AssertionRecord, SourceRecord

if TYPE_CHECKING:
    from exograph.reason.chains import Chain
    from exograph.reason.steps import Step

#: What each aspect changes, as a noun phrase before the target.
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
#: Kinds named by themselves when their activity or output changes ("increases exosomal secretion").
_PROCESS_KINDS = frozenset({"process", "phenotype", "condition", "treatment", "disease"})
_PROCESS_ASPECTS = frozenset({"secretion", "biogenesis", "activity", "uptake", "cargo_loading", "amount"})
#: Verbs: third person singular, base form.
_VERBS = {
    "increases": ("increases", "increase"),
    "decreases": ("decreases", "decrease"),
    "regulates": ("regulates", "regulate"),
    "binding": ("binds", "bind"),
}
LINKS = {
    "family": "a family that includes",
    "member": "a member of",
    "parent": "the gene of",
    "variant": "a variant of",
}
#: How a mechanism is said; a mechanism that only repeats the aspect (ubiquitination of X by ubiquitination) is not.
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


def citation(source: SourceRecord | None, source_id: str) -> str:
    """'Liang & Wang 2021', 'Mu et al. 2025', or the source id when the record names no authors."""
    if source is None or not source["authors"]:
        return source_id
    surnames = [a.split()[0] for a in source["authors"]]
    who = surnames[0] if len(surnames) == 1 else " & ".join(surnames) if len(surnames) == 2 else f"{surnames[0]} et al."
    return f"{who} {source['year']}" if source["year"] else who


def cells(label: str, kind: str | None = "cell_type") -> str:
    """'malignant cells', 'fibroblasts', 'Huh-7 cells': the cells a claim was seen in (a cell line's name
    is not a noun, so its cells are named; a cell type is)."""
    head, of, rest = label.partition(" of ")  # "mesenchymal stem cell of the bone marrow"
    if head.endswith("cells"):
        return label
    if head.endswith("cell") or kind == "cell_type":
        return plural(head) + of + rest
    return f"{label} cells"


def plural(label: str) -> str:
    """'extracellular exosomes': a vesicle class names many vesicles; the noun takes the plural, not an
    abbreviation after it ('endothelial cells (HUVEC)', 'extracellular vesicles (EVs)')."""
    head, bracket, rest = label.partition(" (")
    return label if label.endswith("s") or head.endswith("s") else f"{head}s{bracket}{rest}"


#: Kinds whose name is one molecule however it ends ("Hrs" is a gene, not several).
_SINGLE_KINDS = frozenset({"gene", "protein", "isoform", "variant"})


def many(label: str, kind: str | None) -> bool:
    """Whether a name is a plural noun ("Rab GTPases", "cancer risk factors", "microRNAs"), so that its
    verb agrees ("Rab GTPases increase"); not "stress", "metastasis", "virus", "Ras" or a gene."""
    words = label.split(" (", maxsplit=1)[0].split()
    word = words[-1] if words else ""
    if kind in _SINGLE_KINDS or len(word) <= 3:
        return False
    return word.endswith("s") and not word.endswith(("ss", "is", "us"))


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" and {words[-1]}"


def setting(context: Mapping[str, object], labels: Mapping[str, str], named: Collection[str] = ()) -> str:
    """'In Huh-7 cells (Homo sapiens; hepatocellular carcinoma; in vitro) under sorafenib, ': where a claim
    holds, leaving out the cells in ``named`` (said elsewhere in the sentence); empty when nothing is stated."""

    def listed(name: str) -> list[str]:
        values = context.get(name) or []
        assert isinstance(values, list)
        return [labels.get(k, k) for k in values if k not in named]

    where = [cells(c, "cell_line") for c in listed("cell_lines")] + [cells(c) for c in listed("cell_types")]
    diseases, organisms = listed("diseases"), listed("organisms")
    system = context.get("system")
    said = SYSTEM_WORDS.get(system, "") if isinstance(system, str) else ""
    if where:
        details = organisms + diseases + ([said] if said else [])
        text = f"In {_join(where)}" + (f" ({'; '.join(details)})" if details else "")
    elif diseases or organisms:
        details = (organisms if diseases else []) + ([said] if said else [])
        text = f"In {_join(diseases or organisms)}" + (f" ({'; '.join(details)})" if details else "")
    else:
        text = said[0].upper() + said[1:] if said else ""
    conditions = listed("conditions")
    if conditions:
        text += f"{' under' if text else 'Under'} {_join(conditions)}"
    return f"{text}, " if text else ""


#: How each experimental system is said in a sentence's setting.
SYSTEM_WORDS = {
    "in_vitro": "in vitro",
    "in_vivo": "in vivo",
    "ex_vivo": "ex vivo",
    "clinical": "in clinical samples",
    "in_silico": "in silico",
}


def _target_phrase(aspect: str, target: str, kinds: Mapping[str, str], labels: Mapping[str, str]) -> str:
    name = labels.get(target, target)
    if aspect == "binding" or (kinds.get(target) in _PROCESS_KINDS and aspect in _PROCESS_ASPECTS):
        return name
    if kinds.get(target) == "cell_type":
        return f"{'the number of' if aspect == 'amount' else _NOUNS[aspect]} {cells(name)}"
    return f"{_NOUNS[aspect]} {name}"


def _verb(a: AssertionRecord, plural_subject: bool) -> str:
    """'increases', 'may increase', 'does not change', with the directness said."""
    third, base = _VERBS["binding" if a["aspect"] == "binding" else a["direction"]]
    adverb = "" if a["directness"] == "unstated" else f"{a['directness']}ly "
    if a["negated"]:
        return f"{'do' if plural_subject else 'does'} not {adverb}{'bind' if a['aspect'] == 'binding' else 'change'}"
    if a["hypothesis"]:
        return f"may {adverb}{base}"
    return adverb + (base if plural_subject else third)


def parts(
    a: AssertionRecord, labels: Mapping[str, str], kinds: Mapping[str, str]
) -> tuple[str, str, str, str, set[str]]:
    """(subject, verb, object, mechanism, cells named) of an assertion: the pieces every sentence uses."""
    regulator = labels.get(a["regulator"], a["regulator"])
    subject, named, plural_subject = regulator, set(), many(regulator, kinds.get(a["regulator"]))
    if a["exosomal_cargo"]:
        donors = list(a["context"].get("donors", []))
        recipients = list(a["context"].get("recipients", []))
        if kinds.get(a["regulator"]) == "component":  # the vesicles themselves, not a cargo of theirs
            subject, plural_subject = plural(regulator), True
        else:
            subject = f"exosomal {regulator}"
        senders = _join([cells(labels.get(k, k), kinds.get(k)) for k in donors]) if donors else ""
        takers = _join([cells(labels.get(k, k), kinds.get(k)) for k in recipients]) if recipients else ""
        if senders and senders == takers:  # the cells named once
            subject += f" passed between {senders}"
        else:
            subject += f" from {senders}" if senders else ""
            subject += f", taken up by {takers}," if takers else ""
        named = set(donors) | set(recipients)
    what = _target_phrase(a["aspect"], a["target"], kinds, labels)
    mechanism = a["mechanism"]
    redundant = mechanism is None or mechanism == a["aspect"] or a["aspect"] == "binding"
    how = "" if redundant else f" {_MECHANISMS[mechanism]}"  # type: ignore[index]
    if not a["exosomal_cargo"]:
        route, named = _through_vesicles(a["context"], labels, kinds)
        how += route
    return subject, _verb(a, plural_subject), what, how, named


def _through_vesicles(
    context: Mapping[str, object], labels: Mapping[str, str], kinds: Mapping[str, str]
) -> tuple[str, set[str]]:
    """' through vesicles from Huh-7 cells taken up by fibroblasts': how a claim that is not about vesicle cargo
    but names donors or recipients (a treatment of the donor cells, its effect found in the cells that took up
    their vesicles) reaches its target, and the cells it names; empty when it names neither."""
    donors, recipients = list(context.get("donors") or []), list(context.get("recipients") or [])  # type: ignore[call-overload]
    senders = _join([cells(labels.get(k, k), kinds.get(k)) for k in donors]) if donors else ""
    takers = _join([cells(labels.get(k, k), kinds.get(k)) for k in recipients]) if recipients else ""
    if senders and senders == takers:  # the cells named once
        route = f" through vesicles passed between {senders}"
    elif senders or takers:
        route = (
            " through vesicles" + (f" from {senders}" if senders else "") + (f" taken up by {takers}" if takers else "")
        )
    else:
        route = ""
    return route, set(donors) | set(recipients)


def sentence(
    a: AssertionRecord, labels: Mapping[str, str], kinds: Mapping[str, str], sources: Mapping[str, SourceRecord]
) -> str:
    """One assertion as one sentence, ending with its citation and assays."""
    subject, verb, what, how, named = parts(a, labels, kinds)
    text = f"{setting(a['context'], labels, named)}{subject} {verb} {what}{how}".replace(",, ", ", ")
    if text.endswith(","):
        text = text[:-1]
    text = capital(text)
    assays = list(dict.fromkeys(ev["assay"] for ev in a["evidence"] if ev["assay"]))
    refs = sorted({r["number"] for ev in a["evidence"] for r in ev["references"]})
    cite = [citation(sources.get(a["source"]), a["source"])]
    cite += assays
    if refs:
        cite.append("citing ref. " + ", ".join(map(str, refs)))
    return f"{text} [{'; '.join(cite)}]."


def capital(text: str) -> str:
    """``text`` with a capital first letter when its first word is a plain lower-case word ("hypoxia",
    "exosomal"); a name whose case means something ("pVHL", "miR-21", "p53", "mTORC1") is left as it is."""
    first = text.split(" ", 1)[0]
    return text[0].upper() + text[1:] if first.isascii() and first.isalpha() and first.islower() else text


def step_phrase(step: Step, labels: Mapping[str, str], kinds: Mapping[str, str]) -> str:
    """What a chain step does to its target, read as the texts say it.

    'increases the degradation of HIF1A (so less HIF1A)', 'may increase the activity of AKT',
    'does not change the amount of RAB27A', 'increases the phosphorylation of STAT3 (what that does is not stated)'.
    """
    target = labels.get(step.target, step.target)
    aspect = step.aspects[0]
    what = _target_phrase(aspect, step.target, kinds, labels)
    name = labels.get(step.regulator, step.regulator)
    # plural: "exosomes increase", "Rab GTPases increase"
    several = (step.cargo and kinds.get(step.regulator) == "component") or many(name, kinds.get(step.regulator))
    if step.negated:
        return f"{'do' if several else 'does'} not change {what}"
    verb = {1: "increase", -1: "decrease", 0: "regulate"}[_direction(step)]
    verb = f"may {verb}" if step.hypothesis else verb if several else f"{verb}s"
    tail = ""
    if aspect in ("phosphorylation", "ubiquitination", "localization"):
        tail = " (what that does to it is not stated)"
    elif aspect == "degradation" and step.sign:
        tail = f" (so {'less' if step.sign < 0 else 'more'} {target})"
    return f"{verb} {what}{tail}"


def _direction(step: Step) -> int:
    """The direction the step's assertions state (not the sign it carries: more degradation is stated as more)."""
    directions = {r.direction for r in step.rows}
    if not directions:  # a step made without its rows: its carried sign, unflipped
        return -step.sign if step.aspects == ("degradation",) else step.sign
    return {"increases": 1, "decreases": -1}.get(directions.pop(), 0) if len(directions) == 1 else 0


def subject(step: Step, labels: Mapping[str, str], kinds: Mapping[str, str]) -> str:
    """The regulator of a step as its subject: vesicles acting as cargo are many ("extracellular exosomes")."""
    name = labels.get(step.regulator, step.regulator)
    return plural(name) if step.cargo and kinds.get(step.regulator) == "component" else name


def cargo_text(step: Step, labels: Mapping[str, str], kinds: Mapping[str, str]) -> str:
    """'exosomal hsa-mir-21 from fibroblasts to malignant cells': a cargo step's sender and receiver."""
    name = labels.get(step.regulator, step.regulator)
    text = plural(name) if kinds.get(step.regulator) == "component" else f"exosomal {name}"
    donors = sorted({d for r in step.rows for d in r.context.get("donors", ())})
    recipients = sorted({d for r in step.rows for d in r.context.get("recipients", ())})
    if donors:
        text += " from " + _join([cells(labels.get(k, k), kinds.get(k)) for k in donors])
    if recipients:
        text += " to " + _join([cells(labels.get(k, k), kinds.get(k)) for k in recipients])
    return text


def link_phrase(step: Step, following: str | None, labels: Mapping[str, str], kinds: Mapping[str, str]) -> str | None:
    """How a step's target joins the next step: 'RAB27A is a member of RAB27 family', a transfer, or None."""
    if step.via:
        return f"[{via_text(step.via, labels, kinds)}]"
    if step.target_link and step.target_link in LINKS and following:
        target = labels.get(step.target, step.target)
        return f"{target} is {LINKS[step.target_link]} {labels.get(following, following)}"
    return None


def via_text(via: str, labels: Mapping[str, str], kinds: Mapping[str, str]) -> str:
    """'extracellular exosomes from Huh-7 cells to Huh-7 cells' from the keys a transfer link names."""
    vesicle, _, rest = via.partition(" from ")
    donors, _, recipients = rest.partition(" to ")
    if not rest:
        vesicle, _, recipients = via.partition(" to ")
    text = plural(labels.get(vesicle, vesicle))
    if donors:
        text += " from " + _join([cells(labels.get(k, k), kinds.get(k)) for k in donors.split(", ")])
    if recipients:
        text += " to " + _join([cells(labels.get(k, k), kinds.get(k)) for k in recipients.split(", ")])
    return text


def worded(reason: str, labels: Mapping[str, str]) -> str:
    """A reason the reasoning modules give with entity keys (``... the activity of RAB5_family``), each key
    replaced by its name, so that no printed sentence shows a key."""
    return " ".join(labels.get(word, word) for word in reason.split(" "))


def together(chain: Chain, labels: Mapping[str, str], kinds: Mapping[str, str]) -> str:
    """The chain summed up in one sentence that keeps its weakest hedge."""
    start = labels.get(chain.steps[0].regulator, chain.steps[0].regulator)
    end = labels.get(chain.steps[-1].target, chain.steps[-1].target)
    steps = len(chain.steps)
    count = f"({steps} step{'s' if steps > 1 else ''})"
    negated = [i for i, s in enumerate(chain.steps, 1) if s.negated]
    if negated:
        return f"Together: no effect of {start} on {end} follows, since step {negated[0]} found no change {count}."
    if chain.sign == 0:
        why = worded(chain.unsigned_because or "a step states no sign", labels)
        verb = "may affect" if chain.hedge == "may" else "affects"
        return f"Together: {start} {verb} {end}, in a direction not determined ({why}) {count}."
    word = {1: "increase", -1: "decrease"}[chain.sign]
    vias = [via_text(s.via, labels, kinds) for s in chain.steps if s.via]
    through = f" through {' and '.join(vias)}" if vias else ""
    if chain.hedge == "may":
        return f"Together: {start} may {word} {end}{through}, if the hypothesis in the chain holds {count}."
    return f"Together: {start} is expected to {word} {end}{through} {count}."


def _best(step: Step, records: Mapping[str, AssertionRecord], sources: Mapping[str, SourceRecord]) -> str:
    """The assertion a step is said by: a stated finding before a hypothesis (a step that is not all
    hypotheses reads without "may"), then primary research, then the first."""

    def rank(i: str) -> tuple[bool, bool]:
        source = sources.get(records[i]["source"])
        return records[i]["hypothesis"], source is None or source["kind"] == "review"

    return min(step.assertions, key=rank)


def paragraph(
    chain: Chain,
    records: Mapping[str, AssertionRecord],
    labels: Mapping[str, str],
    kinds: Mapping[str, str],
    sources: Mapping[str, SourceRecord],
) -> str:
    """A chain as a short paragraph: one sentence per step (its best-supported assertion), then the sum."""
    out = []
    if chain.start_link and chain.start:
        begin = chain.steps[0].regulator
        out.append(f"{labels.get(begin, begin)} is {LINKS[chain.start_link]} {labels.get(chain.start, chain.start)}.")
    for step, joins in zip(chain.steps, chain.joins, strict=True):
        more = len(step.assertions) - 1
        text = sentence(records[_best(step, records, sources)], labels, kinds, sources)
        if more:
            text += f" ({more} more assertion{'s' if more > 1 else ''} say{'s' if more == 1 else ''} the same.)"
        link = link_phrase(step, joins, labels, kinds)
        if link and step.via:
            text += f" The next step is about these: {link[1:-1]}."
        elif link:
            text += f" {link}."
        if step.other_context:
            fields = ", ".join(other_context(step, f, labels).removeprefix("other ") for f in step.other_context)
            text += f" (This step is from another {fields}.)"
        out.append(text)
    if len(chain.steps) > 1:
        out.append(together(chain, labels, kinds))
    return " ".join(out)


def other_context(step: Step, field: str, labels: Mapping[str, str]) -> str:
    """'other disease (breast cancer)': a step marked as from another context, and, for a disease, which (the
    context line of an assertion in K-562 cells names no disease: its cell line's is chronic myelogenous
    leukemia)."""
    text = f"other {field.rstrip('s').replace('_', ' ')}"
    from exograph.reason.steps import stated_diseases

    diseases = stated_diseases(step) if field == "diseases" else []
    return f"{text} ({' and '.join(labels.get(d, d) for d in diseases)})" if diseases else text

"""The words on pictures and pages: claims in the sentence rules of ``explain``, and quotes typeset for reading.

A heading, a caption or a tooltip says exactly what the assertion says: it is
built by :func:`exograph.reason.explain.sentence`, so a negated finding reads
"does not …" and a hypothesis "may …", and a process target is not repeated
("hypoxia increases exosome secretion", not "secretion of exosome secretion").

Quotes are kept verbatim in the records (they are checked against the source
text); :func:`typeset` only changes how they are shown: the LaTeX and the
``<sub>``/``<sup>``/``<i>`` tags that source texts carry become Unicode and HTML,
after everything else has been escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup

from exograph.compiled.records import AssertionRecord, EntityRecord, SourceRecord
from exograph.reason.explain import sentence

_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ", "eta": "η",
    "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
    "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    "pm": "±", "times": "×", "cdot": "·", "leq": "≤", "geq": "≥", "le": "≤", "ge": "≥", "sim": "∼",
    "approx": "≈", "rightarrow": "→", "to": "→", "uparrow": "↑", "downarrow": "↓", "circ": "°", "degree": "°",
}  # fmt: skip
#: A ``$…$`` span is mathematics only if it holds a command, a script or a brace ("$5 and $10" is money).
_MATH = re.compile(r"\$([^$]*?[\\_^{][^$]*?)\$")
_COMMAND = re.compile(r"\\(mathrm|text|mathit|textrm|mathbf|rm)\s*\{([^{}]*)\}")
_SYMBOL = re.compile(r"\\([A-Za-z]+)\s?")
_SCRIPT = re.compile(r"([_^])(?:\{([^{}]*)\}|(\S))")
#: Tags the source texts carry (escaped by then), turned back into the same harmless HTML.
_TAG = re.compile(r"&lt;(/?)(sub|sup|i|em|b)&gt;", re.IGNORECASE)


def _math(escaped_body: str) -> str:
    """One ``$…$`` span (already HTML-escaped) as Unicode with ``<sub>``/``<sup>``."""
    body = _COMMAND.sub(lambda m: m.group(2), escaped_body)
    body = _SYMBOL.sub(lambda m: _GREEK.get(m.group(1), m.group(1)), body)
    body = _SCRIPT.sub(lambda m: _script("sub" if m.group(1) == "_" else "sup", m.group(2) or m.group(3)), body)
    return body.replace("{", "").replace("}", "").replace(" ", "")


def _script(tag: str, content: str) -> str:
    return f"<{tag}>{content}</{tag}>"


def typeset(quote: str) -> Markup:
    """A quote as a person reads it: α for ``$\\alpha$``, O₂ for ``O<sub>2</sub>``; nothing else becomes markup."""
    escaped = html.escape(quote, quote=True)
    escaped = _MATH.sub(lambda m: _math(m.group(1)), escaped)
    escaped = _TAG.sub(lambda m: f"<{m.group(1)}{m.group(2).lower()}>", escaped)
    return Markup(_balanced(escaped))


def plain(quote: str) -> str:
    """The typeset quote as plain text (for tooltips and search): tags dropped, entities resolved."""
    return html.unescape(re.sub(r"</?(sub|sup|i|em|b)>", "", str(typeset(quote))))


def _balanced(text: str) -> str:
    """Close any tag the source opened and never closed, so a quote cannot restyle the rest of a page."""
    for tag in ("sub", "sup", "i", "em", "b"):
        opened, closed = text.count(f"<{tag}>"), text.count(f"</{tag}>")
        if closed > opened:
            text = text.replace(f"</{tag}>", "", closed - opened)
        text += f"</{tag}>" * max(opened - closed, 0)
    return text


def claim(
    a: AssertionRecord,
    names: Mapping[str, str],
    kinds: Mapping[str, str],
    sources: Mapping[str, SourceRecord] | None = None,
    *,
    how: bool = True,
) -> str:
    """The assertion's claim as ``explain`` says it, without the setting and the citation (a heading).

    ``how`` keeps the mechanism and directness; a drawn edge that merges assertions leaves them out,
    as they may differ between its assertions.
    """
    bare: dict[str, Any] = dict(a)
    bare["context"] = {k: v for k, v in a["context"].items() if k in ("donors", "recipients")}
    bare["evidence"] = []
    if not how:
        bare["mechanism"] = None
        bare["directness"] = "unstated"
    said = sentence(bare, names, kinds, sources or {})  # type: ignore[arg-type]
    return _without_citation(said)


def caption(
    a: AssertionRecord, names: Mapping[str, str], kinds: Mapping[str, str], sources: Mapping[str, SourceRecord]
) -> str:
    """The whole ``explain`` sentence: setting, claim, citation and assays."""
    return sentence(a, names, kinds, sources)


def _without_citation(said: str) -> str:
    """``explain`` ends a sentence with ``[citation; assays].``; a heading carries the citation elsewhere."""
    said = said.rstrip()
    if said.endswith("]."):
        start = said.rfind(" [")
        if start > 0:
            said = said[:start]
    return said.rstrip(".")


def displays(entities: Iterable[EntityRecord]) -> dict[str, str]:
    """key -> the name a biologist uses (``display``), from entity records."""
    return {e["key"]: e.get("display") or e["label"] for e in entities}

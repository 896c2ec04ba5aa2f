"""The Evidence & Conclusion Ontology (ECO) class of each piece of evidence, by what it is.

GO's annotation practice is the model: a knock-down, knock-out or mutant is mutant-phenotype
evidence, and so is a specific inhibitor (GO's evidence guide lists "specific protein inhibitors"
among the experiments of IMP, inferred from mutant phenotype, whose ECO class is ECO:0000315; ECO's
own "protein inhibition evidence" sits under direct assay, which GO keeps for assays that measure
the function itself, so it is not used); a binding assay behind a binding mechanism is
physical-interaction evidence, any other experiment of a primary study is experimental evidence,
and what a paper states with citations of others is a traceable author statement.

No package on PyPI, npm or Debian ships ECO, so the classes used are kept below as exograph's
own table; the tests check that the export types evidence only with these classes.
"""

from __future__ import annotations

import re
from typing import Final

#: The ECO classes exograph uses, label -> id, as ECO release 2024-07-19 names them (manual-assertion
#: classes, as GO annotations use them).
ECO: Final[dict[str, str]] = {
    "mutant phenotype evidence used in manual assertion": "ECO:0000315",
    "physical interaction evidence used in manual assertion": "ECO:0000353",
    "experimental evidence used in manual assertion": "ECO:0000269",
    "author statement supported by traceable reference used in manual assertion": "ECO:0000304",
    "author statement without traceable support used in manual assertion": "ECO:0000303",
}

#: Perturbations GO annotates as IMP: loss of function, by the gene or by a specific inhibitor.
LOSS_OF_FUNCTION: Final = frozenset({"knockdown", "knockout", "mutation", "inhibition"})
#: Assays that measure binding itself (pull-downs also read out GTPase activity, hence the mechanism check).
BINDING_ASSAY: Final = re.compile(r"pull-?down|immunoprecipitation|co-?ip\b|two-hybrid|binding", re.IGNORECASE)


def evidence_label(
    source_kind: str, cited: bool, assay: str | None, perturbation: str | None, mechanism: str | None
) -> str:
    """The ECO label for one quote; see the module docstring for the order of the rules."""
    if source_kind == "primary_research":
        if perturbation in LOSS_OF_FUNCTION:
            return "mutant phenotype evidence used in manual assertion"
        if assay and mechanism == "binding" and BINDING_ASSAY.search(assay):
            return "physical interaction evidence used in manual assertion"
        if assay or perturbation or not cited:
            return "experimental evidence used in manual assertion"
    if cited:
        return "author statement supported by traceable reference used in manual assertion"
    return "author statement without traceable support used in manual assertion"


def evidence_code(
    source_kind: str, cited: bool, assay: str | None, perturbation: str | None, mechanism: str | None
) -> str:
    """The ECO CURIE for one quote."""
    return ECO[evidence_label(source_kind, cited, assay, perturbation, mechanism)]

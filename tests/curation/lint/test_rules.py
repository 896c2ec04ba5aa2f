"""Each lint rule fires on a fixture built to trigger it, and stays quiet on a near miss."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from exograph.compiled.lint import lint
from exograph.curation.lint import RULES
from exograph.layout import Layout
from tests.curation.lint.conftest import ASSERTIONS, ENTITIES, SOURCE, Tree

Setup = Callable[[Tree], None]


def test_clean_fixture_lints_clean(tree: Tree) -> None:
    assert tree.findings() == []


def _rab27a_quote_on(role: str, key: str) -> Setup:
    def setup(t: Tree) -> None:
        old = "regulator: RAB27A\n    target: exosome_secretion"
        new = (
            f"regulator: {key}\n    target: exosome_secretion"
            if role == "regulator"
            else f"regulator: RAB27A\n    target: {key}"
        )
        t.edit(ASSERTIONS, old, new)

    return setup


def _hif_family(t: Tree) -> None:
    t.add_entity("HIF_alpha", "FPLX:HIF_alpha", "family", synonyms=["HIF-alpha"], members=["HIF1A"])
    t.add_assertion("hif-family-rab27a", "HIF_alpha", "RAB27A", "HIF-1 may drive RAB27A expression.", hypothesis=True)


def _secreted_exosomes(t: Tree) -> None:
    t.add_text("RAB27A knockdown lowered the number of secreted exosomes.")
    t.add_assertion(
        "rab27a-secreted", "RAB27A", "exosome_secretion", "RAB27A knockdown lowered the number of secreted exosomes."
    )


def _vesicles_named_by_table_caption(t: Tree) -> None:
    t.add_entity("exosome", "GO:0070062", "component", label="extracellular exosome")
    t.add_text("Table 2. Exosomal contents and their targets.\nCargo\tDonor\tTarget\n/\tfibroblasts\tPDCD4\t(5)")
    t.add_assertion(
        "t2-exosome-pdcd4", "exosome", "PDCD4", "/ fibroblasts PDCD4 (5)", section="Table 2", direction="regulates",
        exosomal_cargo=True, context={"donors": ["fibroblast"]},
    )  # fmt: skip


def _exosomes_on_own_uptake(target: str) -> Setup:
    def setup(t: Tree) -> None:
        t.add_entity("exosome", "GO:0070062", "component", label="extracellular exosome")
        t.add_entity(target, f"exograph:{target}", "process", label=target.replace("_", " "))
        t.add_text("Exosomes from fibroblasts raised exosome uptake and cell migration.")
        quote = "Exosomes from fibroblasts raised exosome uptake and cell migration."
        t.add_assertion(
            "exosome-own", "exosome", target, quote, aspect="activity", exosomal_cargo=True,
            context={"donors": ["fibroblast"]},
        )  # fmt: skip

    return setup


def _greek_and_mirna_spellings(t: Tree) -> None:
    t.edit(ENTITIES, "synonyms: [HIF-1]", "synonyms: [HIF-1, HIF-1α]")
    t.add_text("HIF-1alpha raised hsa-miR-21-5p levels.")
    t.add_assertion("hif1a-mir21", "HIF1A", "miR-21", "HIF-1alpha raised hsa-miR-21-5p levels.")


def _opposite(context: dict[str, list[str]]) -> Setup:
    def setup(t: Tree) -> None:
        t.add_text("Hypoxia decreased exosome secretion in breast cancer cells.")
        quote = "Hypoxia decreased exosome secretion in breast cancer cells."
        t.add_assertion(
            "hypoxia-less-secretion", "hypoxia", "exosome_secretion", quote, direction="decreases",
            aspect="secretion", context=context,
        )  # fmt: skip

    return setup


def _synonym(name: str) -> Setup:
    return lambda t: t.edit(ENTITIES, "synonyms: [Rab27a]", f"synonyms: [Rab27a, {name}]")


def _family_and_synonym(t: Tree) -> None:
    t.add_entity("RAB27", "FPLX:RAB27", "family", members=["RAB27A"])
    t.edit(ENTITIES, "synonyms: [Rab27a]", "synonyms: [Rab27a, Rab-27]")


def _hmgn1(synonym: str) -> Setup:
    """HMGN1 used by an assertion, with a synonym to check against HGNC's names."""

    def setup(t: Tree) -> None:
        t.add_entity("HMGN1", "HGNC:4984", "gene", synonyms=[synonym])
        t.edit(ASSERTIONS, "target: PDCD4", "target: HMGN1")

    return setup


def _family_synonym_of_member(t: Tree) -> None:
    """'Rab27' is an HGNC alias of RAB27A, a member of the family that carries it."""
    t.add_entity("RAB27_family", "exograph:RAB27_family", "family", synonyms=["Rab27"], members=["RAB27A"])
    t.edit(ASSERTIONS, "target: PDCD4", "target: RAB27_family")


def _go_synonym(synonym: str) -> Setup:
    return lambda t: t.edit(
        ENTITIES, "synonyms: [exosome secretion, exosome release]", f"synonyms: [exosome secretion, {synonym}]"
    )


def _unused(t: Tree) -> None:
    t.add_entity("PDCD5", "HGNC:8764", "gene")


def _member_of_used_family(t: Tree) -> None:
    t.add_entity("PDCD5", "HGNC:8764", "gene")
    t.add_entity("PDCD_family", "exograph:PDCD_family", "family", members=["PDCD4", "PDCD5"])
    t.edit(ASSERTIONS, "target: PDCD4", "target: PDCD_family")


def _denied_direction(t: Tree) -> None:
    t.add_text("Sorafenib did not increase PDCD4.")
    t.add_assertion("sorafenib-pdcd4", "sorafenib", "PDCD4", "Sorafenib did not increase PDCD4.", negated=True)


def _mechanism(aspect: str) -> Setup:
    return lambda t: t.edit(
        ASSERTIONS,
        "    aspect: amount\n    mechanism: transcription",
        f"    aspect: {aspect}\n    mechanism: transcription",
    )


def _recipients_on_hypoxia(t: Tree) -> None:
    t.edit(
        ASSERTIONS,
        "      diseases: [breast_cancer]",
        "      diseases: [breast_cancer]\n      recipients: [malignant_cell]",
    )


def _cargo_cells(keep: str) -> Setup:
    lines = {"donors": "      donors: [fibroblast]\n", "recipients": "      recipients: [malignant_cell]\n"}
    return lambda t: t.edit(
        ASSERTIONS,
        "    context:\n" + "".join(lines.values()),
        "    context:\n" + lines.get(keep, "      organisms: [human]\n"),
    )


def _table(section: str, tabbed: bool = True) -> Setup:
    def setup(t: Tree) -> None:
        t.add_text("miR-21\tfibroblasts\tPDCD4\t(2)" if tabbed else "miR-21 fibroblasts PDCD4 (2)")
        t.add_assertion(
            "t1-mir21-pdcd4", "miR-21", "PDCD4", "miR-21 fibroblasts PDCD4 (2)", section=section, direction="regulates",
            exosomal_cargo=True, context={"donors": ["fibroblast"]},
        )  # fmt: skip

    return setup


def _prose_in_table_section(has_tables: bool) -> Setup:
    def setup(t: Tree) -> None:
        if has_tables:
            t.add_text("Cargo\tDonor\tTarget")
        t.edit(ASSERTIONS, "section: Text\n        references: [1]", "section: Table 1\n        references: [1]")

    return setup


def _hedged(kind: str, sentence: str, hypothesis: bool = False) -> Setup:
    def setup(t: Tree) -> None:
        t.edit(SOURCE, "kind: review", f"kind: {kind}")
        t.add_text(sentence)
        t.add_assertion(
            "rab27a-hedged",
            "RAB27A",
            "exosome_secretion",
            sentence,
            aspect="secretion",
            hypothesis=hypothesis,
            context={"system": "in_vitro"},  # not a repeat of mini2024-rab27a-exosome-secretion
        )

    return setup


def _unhedged_hypothesis(t: Tree) -> None:
    t.edit(
        ASSERTIONS,
        "    aspect: secretion\n    context:\n      organisms",
        "    aspect: secretion\n    hypothesis: true\n    context:\n      organisms",
    )


def _delivered(scope: str, sentence: str = "Exosomes loaded with sorafenib lowered RAB27A levels.") -> Setup:
    def setup(t: Tree) -> None:
        t.add_text(sentence)
        fields = {} if scope == "biology" else {"scope": scope}
        t.add_assertion("sorafenib-delivered", "sorafenib", "RAB27A", sentence, direction="decreases", **fields)

    return setup


def _table_of_vehicles(scope: str) -> Setup:
    """A row whose own cells say nothing engineered, under a table titled as vehicles for therapy."""

    def setup(t: Tree) -> None:
        title = "#### TABLE 1 Exosomes can be used as vehicles for cancer therapy."
        t.add_text(f"{title}\nFibroblasts\tSorafenib\tRAB27A\t(1)")
        fields = {} if scope == "biology" else {"scope": scope}
        t.add_assertion(
            "t1-sorafenib-rab27a", "sorafenib", "RAB27A", "Fibroblasts Sorafenib RAB27A (1)", section="Table 1",
            direction="regulates", **fields,
        )  # fmt: skip

    return setup


def _isolation(scope: str) -> Setup:
    def setup(t: Tree) -> None:
        sentence = "Hypoxia raised exosome secretion and improved the isolation yield."
        t.add_text(sentence)
        fields = {} if scope == "biology" else {"scope": scope}
        t.add_assertion(
            "hypoxia-isolation", "hypoxia", "exosome_secretion", sentence, aspect="secretion",
            context={"system": "in_vitro"}, **fields,
        )  # fmt: skip

    return setup


def _hypoxic_state(kind: str) -> Setup:
    """HIF-1 promoting a hypoxic state: the target is the exposure hypoxia, or a phenotype entity."""

    def setup(t: Tree) -> None:
        sentence = "HIF-1 promotes a hypoxic microenvironment."
        t.add_text(sentence)
        target = "hypoxia"
        if kind == "phenotype":
            target = "hypoxic_microenvironment"
            t.add_entity(target, f"exograph:{target}", "phenotype", label="hypoxic microenvironment")
        t.add_assertion("hif1a-hypoxic-state", "HIF1A", target, sentence, aspect="activity")

    return setup


def _vesicle_target(target: str, aspect: str) -> Setup:
    def setup(t: Tree) -> None:
        t.add_entity("exosome", "GO:0070062", "component", label="extracellular exosome")
        sentence = "Hypoxia increased exosomes and exosome release in breast cancer cells."
        t.add_text(sentence)
        t.add_assertion(
            "hypoxia-more-exosomes", "hypoxia", target, sentence, aspect=aspect, context={"system": "in_vitro"}
        )

    return setup


def _size_change(sentence: str) -> Setup:
    def setup(t: Tree) -> None:
        t.add_text(sentence)
        t.add_assertion(
            "hypoxia-exosome-subtype", "hypoxia", "exosome_secretion", sentence, direction="regulates",
            aspect="subtype_shift", context={"system": "in_vitro"},
        )  # fmt: skip

    return setup


def _ignore(codes: str) -> Setup:
    return lambda t: t.edit(
        ASSERTIONS,
        "        section: Text\n        perturbation: knockdown",
        f"        section: Text\n        perturbation: knockdown\n    note: reviewed\n    lint_ignore: [{codes}]",
    )


def _note(written: str) -> Setup:
    return lambda t: t.edit(
        ASSERTIONS,
        "        section: Text\n        perturbation: knockdown",
        f"        section: Text\n        perturbation: knockdown\n    note: {written}",
    )


def _entity_comment(t: Tree) -> None:
    t.edit(ENTITIES, "label: PDCD4", "label: PDCD4  # gene symbol")


def _comment_after_a_word(t: Tree) -> None:
    t.edit(ENTITIES, "kind: chemical", "kind: chemical  # ChEBI")
    t.edit(
        ASSERTIONS,
        "direction: increases\n    aspect: secretion\n    context:",
        "direction: increases  # Fig. 2\n    aspect: secretion\n    context:",
    )
    t.edit(ENTITIES, "synonyms: [Rab27a]", "synonyms: [Rab27a]  # as the paper writes it")


def _no_op(t: Tree) -> None:  # noqa: ARG001
    return None


#: code -> (setup that triggers it, message fragment, setups that must not trigger it)
CASES: dict[str, tuple[Setup, str, list[Setup]]] = {
    "EXO001": (_ignore("EXO999"), "'EXO999', which is not a lint rule", [_no_op]),
    "EXO002": (_ignore("EXO201"), "silences EXO201, which finds nothing here", [_no_op]),
    "EXO101": (
        _rab27a_quote_on("regulator", "HIF1A"),
        "no quote names the regulator 'HIF1A'",
        [_hif_family, _greek_and_mirna_spellings],
    ),
    "EXO102": (
        _rab27a_quote_on("target", "PDCD4"),
        "no quote names the target 'PDCD4'",
        [_greek_and_mirna_spellings],
    ),
    "EXO103": (
        _rab27a_quote_on("target", "ev_secretion"),
        "no quote names the target 'ev_secretion'",
        [_secreted_exosomes, _vesicles_named_by_table_caption],
    ),
    "EXO201": (
        lambda t: t.edit(ASSERTIONS, "regulator: HIF1A", "regulator: RAB27A"),
        "regulator and target are both 'RAB27A'",
        # its own export (aspect secretion), and an explicit feedback on itself, are biology
        [
            _rab27a_quote_on("target", "RAB27A"),
            # exosomal miR-21 acting in the recipient cells named by the context
            lambda t: t.edit(ASSERTIONS, "target: PDCD4", "target: miR-21"),
            lambda t: t.edit(
                ASSERTIONS,
                "regulator: HIF1A\n    target: RAB27A\n    direction: increases\n    aspect: amount\n"
                "    mechanism: transcription",
                "regulator: RAB27A\n    target: RAB27A\n    direction: increases\n    aspect: amount\n"
                "    mechanism: autoregulation",
            ),
        ],
    ),
    "EXO201 own process": (
        _exosomes_on_own_uptake("exosome_uptake"),
        "the target 'exosome_uptake' is the regulator's own process",
        [_exosomes_on_own_uptake("cell_migration")],
    ),
    "EXO203": (
        _hypoxic_state("condition"),
        "the target 'hypoxia' is an exposure (kind condition)",
        [_hypoxic_state("phenotype")],
    ),
    "EXO204": (
        _vesicle_target("exosome", "amount"),
        "aspect amount on the vesicle 'exosome' itself",
        [_vesicle_target("exosome_secretion", "secretion")],
    ),
    "EXO204 process": (
        _vesicle_target("exosome_secretion", "biogenesis"),
        "aspect biogenesis on the secretion process 'exosome_secretion'",
        [_vesicle_target("exosome_secretion", "secretion")],
    ),
    "EXO205": (
        _size_change("Exosomes secreted under hypoxic conditions have a smaller size."),
        "subtype_shift, but the quote speaks of size ('smaller')",
        [_size_change("Hypoxia shifts exosome secretion from CD63-positive to RAB11a-positive exosomes.")],
    ),
    "EXO202": (
        _opposite({"organisms": ["human"], "diseases": ["breast_cancer"]}),
        "says 'decreases' but 'mini2024-hypoxia-exosome-secretion'",
        [_opposite({"diseases": ["breast_cancer"]})],
    ),
    "EXO301": (_synonym("RAB27"), "synonym 'RAB27' is 'RAB27A' without its last letter", [_synonym("Rab27A")]),
    "EXO303": (
        _hmgn1("HMG1"),
        "synonym 'HMG1' is the HGNC previous symbol of HGNC:4983 (HMGB1)",
        [_hmgn1("HMG14"), _family_synonym_of_member, _go_synonym("exosome release"), _go_synonym("exosomal release")],
    ),
    "EXO302": (_unused, "entity 'PDCD5': no assertion or context uses it", [_member_of_used_family]),
    "EXO401": (
        lambda t: t.edit(ASSERTIONS, "direction: regulates", "direction: decreases"),
        "'decreases' + negated, but the quote says 'did not change'",
        [_denied_direction],
    ),
    "EXO402": (
        _mechanism("cargo_loading"),
        "mechanism 'transcription' cannot change cargo_loading",
        [_mechanism("amount")],
    ),
    "EXO403": (
        _note("antibody CST #9202 was used"),
        "note reads 'antibody CST': YAML read ' #9202 was used' after it as a comment",
        [_note("'antibody CST #9202 was used'"), _note("antibody CST#9202 was used"), _comment_after_a_word],
    ),
    "EXO403 label": (_entity_comment, "label reads 'PDCD4': YAML read ' # gene symbol'", [_no_op]),
    "EXO501": (_recipients_on_hypoxia, "names recipients but is not exosomal cargo", [_no_op]),
    "EXO502": (
        _cargo_cells("none"),
        "is exosomal cargo with neither donors nor recipients",
        [_cargo_cells("donors"), _cargo_cells("recipients")],
    ),
    "EXO601": (
        _table("Text"),
        "quote is a table row but section is 'Text'",
        [_table("Table 1"), _table("Text", tabbed=False)],
    ),
    "EXO602": (
        _prose_in_table_section(has_tables=True),
        "section is 'Table 1' but the quote is not a table row",
        [_prose_in_table_section(has_tables=False), _table("Table 1")],
    ),
    "EXO801": (
        _delivered("biology"),
        "speaks of engineered delivery ('loaded with') but has scope biology",
        [
            _delivered("engineered"),
            _delivered("biology", "Sorafenib lowered RAB27A levels in exosomes."),
            _table_of_vehicles("engineered"),
        ],
    ),
    "EXO801 table title": (
        _table_of_vehicles("biology"),
        "speaks of engineered delivery ('vehicles for cancer therapy') but has scope biology",
        [_table_of_vehicles("engineered")],
    ),
    "EXO802": (
        _isolation("biology"),
        "speaks of a laboratory method ('isolation yield') but has scope biology",
        [_isolation("method")],
    ),
    "EXO701": (
        _hedged("review", "Knockdown of RAB27A could reduce exosome secretion."),
        "every quote hedges (could) but hypothesis is not set",
        [
            _hedged("primary_research", "Knockdown of RAB27A could reduce exosome secretion."),
            _hedged("review", "Knockdown of RAB27A could reduce exosome secretion (1)."),
            _hedged("review", "RAB27A may regulate exosome secretion.", hypothesis=True),
        ],
    ),
    "EXO702": (_unhedged_hypothesis, "is marked hypothesis but no quote hedges", [_no_op]),
}


def test_every_rule_has_a_case() -> None:
    assert {case.split()[0] for case in CASES} == set(RULES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires(tree: Tree, code: str) -> None:
    setup, message, _ = CASES[code]
    setup(tree)
    found = [f for f in tree.findings() if f.code == code.split(maxsplit=1)[0]]
    assert len(found) == 1, [str(f) for f in tree.findings()]
    assert message in found[0].message
    assert found[0].fix
    assert found[0].file.startswith(("curation/assertions/", "curation/entities/"))


@pytest.mark.parametrize(
    ("code", "case"), [(c, i) for c, (_, _, quiet) in sorted(CASES.items()) for i in range(len(quiet))]
)
def test_rule_stays_quiet_on_near_miss(tree: Tree, code: str, case: int) -> None:
    CASES[code][2][case](tree)
    assert code.split(maxsplit=1)[0] not in tree.codes()


def test_a_go_term_synonym_that_names_another_go_term_is_flagged(tree: Tree) -> None:
    _go_synonym("cell growth")(tree)
    (found,) = [f for f in tree.findings() if f.code == "EXO303"]
    assert "synonym 'cell growth' is the GO name of GO:0016049 (cell growth)" in found.message


def test_an_entity_silences_a_rule_with_a_note(tree: Tree) -> None:
    tree.add_entity("PDCD5", "HGNC:8764", "gene", note="kept for the next paper", lint_ignore=["EXO302"])
    assert tree.findings() == []


def test_an_effect_and_its_stated_absence_contradict(tree: Tree) -> None:
    tree.add_text("Sorafenib raised RAB27A levels.")
    tree.add_assertion("sorafenib-rab27a-up", "sorafenib", "RAB27A", "Sorafenib raised RAB27A levels.")
    (found,) = tree.findings()
    assert found.code == "EXO202"
    assert "says 'increases' but 'mini2024-sorafenib-rab27a'" in found.message and "says 'none'" in found.message


@pytest.mark.parametrize("direction", ["increases", "decreases"])
def test_a_signed_effect_and_the_same_sign_negated_contradict(tree: Tree, direction: str) -> None:
    """'X raises Y' and 'X does not raise Y' for one claim in one context: the second case of EXO202."""
    tree.add_text("Knockdown of RAB27A changed PDCD4 levels. Knockdown of RAB27A left PDCD4 levels alone.")
    tree.add_assertion(
        "rab27a-pdcd4", "RAB27A", "PDCD4", "Knockdown of RAB27A changed PDCD4 levels.", direction=direction
    )
    tree.add_assertion(
        "rab27a-pdcd4-not",
        "RAB27A",
        "PDCD4",
        "Knockdown of RAB27A left PDCD4 levels alone.",
        direction=direction,
        negated=True,
    )
    found = [f for f in tree.findings() if f.code == "EXO202"]
    assert len(found) == 1, [str(f) for f in tree.findings()]
    assert f"says 'not-{direction}' but 'mini2024-rab27a-pdcd4'" in found[0].message


def test_a_suppression_of_a_rule_that_did_not_run_is_not_unused(tree: Tree) -> None:
    _ignore("EXO201")(tree)
    assert tree.codes("EXO0") == []
    assert tree.codes("EXO002", "EXO201") == ["EXO002"]


def test_an_entity_used_only_by_an_invalid_record_is_not_unused(tree: Tree) -> None:
    """human and breast_cancer are used only by the hypoxia assertion, which fails validation here."""
    tree.edit(
        ASSERTIONS,
        "direction: increases\n    aspect: secretion\n    context",
        "direction: up\n    aspect: secretion\n    context",
    )
    report = lint(Layout(tree.root), select=["EXO302"])
    assert [p.message for p in report.problems] != []
    assert report.findings == []

"""The release register: every anonymised release is recorded (aggregates only), and a new one is checked against
the earlier releases of overlapping selections, so that a whole round and its units' exports together give nothing
away – which they do without the register."""

from __future__ import annotations

import json

from sqlmodel import select

from reviewer.domain.disclosure import FrequencyTable, Reason
from reviewer.domain.sex import Sex
from reviewer.services.anonymisation import (
    AnonymisedResult,
    ExportRequest,
    build_anonymised,
    list_releases,
    record_release,
)
from reviewer.storage.models import Case as CaseRow
from reviewer.storage.models import ReleaseRecord
from tests.domain.release_attack import Published, attack
from tests.reports.export_data import add_tempting_round, secrets
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data

OPTIONS = ("beviljat", "delvis", "avslag")
SEXES = (Sex.KVINNA, Sex.MAN, Sex.ANNAT)
# Two units whose exports, each protected on its own, give cells of unit Norr away when the whole round's export is
# beside them (found by tests/domain/test_releases.py): (women, men, annat) per decision.
NORR = ((3, 0, 2), (0, 2, 0), (0, 0, 2))
SODER = ((2, 5, 0), (1, 5, 1), (5, 4, 1))


def _cases(unit: str, cells) -> list[Case]:
    return [
        Case(sex, {"beslut": option}, unit=unit)
        for option, row in zip(OPTIONS, cells, strict=True)
        for sex, n in zip(SEXES, row, strict=True)
        for _ in range(n)
    ]


def _round(app) -> str:
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        return add_round(session, "Två enheter", _cases("Norr", NORR) + _cases("Söder", SODER))


def _export(app, round_uuid: str, unit: str | None, record: bool) -> AnonymisedResult:
    with app.db.session() as session:
        result = build_anonymised(session, ExportRequest((round_uuid,), unit=unit))
        if record:
            record_release(session, result, "csv")
    return result


def _published(result: AnonymisedResult, atoms: tuple[str, ...]) -> Published:
    """The decision question as a reader holds it: its table (women and men only when annat is left out). These
    rounds have no okänt case: its column is published, all zeros, and adds nothing to the total."""
    cells = [tuple(sum(row) for row in zip(*(ATOMS[a][r] for a in atoms), strict=True)) for r in range(3)]
    question = result.question("beslut")
    assert question is not None
    assert result.method.left_out in {(), ("other",)}
    assert all(row.cells["unknown"].count == 0 for row in [*question.rows, question.totals])
    if result.method.left_out:
        table = FrequencyTable(tuple((f, m) for f, m, _o in cells))
        columns = ["female", "male", "total"]
    else:
        table = FrequencyTable(tuple(cells))
        columns = ["female", "male", "other", "total"]
    hidden = {}
    for r, row in enumerate([*question.rows, question.totals]):
        for c, column in enumerate(columns):
            cell = row.cells[column]
            if cell.count is None:
                hidden[(r, c)] = cell.reason
            else:
                assert cell.count == table.values()[(r, c)]
    return Published(atoms, table, hidden)


ATOMS = {"Norr": NORR, "Söder": SODER}


def _releases(app, record: bool) -> tuple[list[Published], list[AnonymisedResult]]:
    round_uuid = _round(app)
    results = [
        _export(app, round_uuid, None, record),
        _export(app, round_uuid, "Norr", record),
        _export(app, round_uuid, "Söder", record),
    ]
    published = [
        _published(results[0], ("Norr", "Söder")),
        _published(results[1], ("Norr",)),
        _published(results[2], ("Söder",)),
    ]
    return published, results


def test_without_the_register_the_whole_round_and_its_units_give_cells_away(app):
    published, _results = _releases(app, record=False)
    assert attack(ATOMS, published, 5)


def test_with_the_register_the_whole_round_and_its_units_give_nothing_away(app):
    published, results = _releases(app, record=True)
    assert attack(ATOMS, published, 5) == []
    assert [r.method.n_earlier_releases for r in results] == [0, 1, 2]
    assert results[0].method.n_hidden_for_earlier == 0
    assert sum(r.method.n_hidden_for_earlier for r in results[1:]) > 0
    assert any(h.reason is Reason.RELEASED for r in results for h in r.hidden)


def test_an_unrelated_round_is_not_held_back(app):
    _releases(app, record=True)
    with app.db.session() as session:
        other = add_round(session, "Annan omgång", _cases("Norr", NORR) + _cases("Söder", SODER), code_prefix="U")
        result = build_anonymised(session, ExportRequest((other,)))
    assert result.method.n_earlier_releases == 0 and result.method.n_hidden_for_earlier == 0


def test_the_register_keeps_aggregates_only(app):
    with app.db.session() as session:
        round_uuid = add_tempting_round(session)
        result = build_anonymised(session, ExportRequest((round_uuid,)))
        record_release(session, result, "xlsx")
        record = session.exec(select(ReleaseRecord)).one()
        codes = set(session.exec(select(CaseRow.case_code)))
    stored = record.rounds_json + record.figures_json + (record.unit or "")
    assert codes and not any(code in stored for code in codes)
    for secret in secrets():
        assert secret.casefold() not in stored.casefold()
    figures = json.loads(record.figures_json)
    assert "fragat" in figures and "kommentar" not in figures  # no free text
    with app.db.session() as session:
        (summary,) = list_releases(session)
    assert (summary.kind, summary.checklist_slug, summary.min_cell) == ("xlsx", "testmall", 5)
    assert summary.n_hidden == result.method.n_hidden

"""Importing earlier reviews from CSV and XLSX files: what is accepted, what is refused, and that a refusal writes
nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func
from sqlmodel import select

from reviewer.checklists.answers import content_sha256
from reviewer.domain.sex import Sex
from reviewer.services.cases import CaseInput, add_case, list_cases
from reviewer.services.checklists import get_version
from reviewer.services.reviews import open_review
from reviewer.services.rounds import create_round
from reviewer.services.spreadsheet_import import (
    MAX_ISSUES,
    ImportSummary,
    SpreadsheetImportError,
    column_letter,
    import_file,
    validate_file,
)
from reviewer.storage.models import Answer, AuditEvent, Case, ImportRecord, Review, ReviewStatus

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "docs/examples/tidigare-granskningar-missbruk.csv"

# Every required question of the missbruk checklist answered, for a decision "beviljat" with outpatient care.
COMPLETE = {
    "arendets_start": "anmalan",
    "beslut": "beviljat",
    "handlaggningstid_dagar": "30",
    "overklagat": "nej",
    "insats": "oppenvard",
    "strukturerad_bedomning": "asi",
    "fragat_om_barn": "ja",
    "fragat_om_vald_utsatt": "ja",
    "fragat_om_vald_utovat": "nej",
    "samsjuklighet_dokumenterad": "ja",
    "egen_uppfattning_dokumenterad": "ja",
    "bedomning_motiverad": "ja",
    "stereotypa_antaganden": "nej",
    "konsbytestest": "ja",
}


def row(code: str, **values: str) -> dict[str, str]:
    return {"case_code": code, "sex": "kvinna", "age_band": "a25_34", "unit": "Norr", "reviewer": "AB"} | values


def write_csv(path: Path, rows: list[dict[str, str]], delimiter: str = ";", bom: bool = False) -> Path:
    columns = list(dict.fromkeys(key for r in rows for key in r))

    def quote(value: str) -> str:
        if delimiter in value or '"' in value or "\n" in value:
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [delimiter.join(columns)]
    lines += [delimiter.join(quote(r.get(c, "")) for c in columns) for r in rows]
    path.write_text(("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def counts(app) -> dict[str, int]:
    with app.db.session() as session:
        return {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in (Case, Review, Answer, AuditEvent, ImportRecord)
        }


def do_import(app, round_uuid, path, **kwargs) -> ImportSummary:
    with app.db.session() as session:
        return import_file(session, round_uuid, path, **kwargs)


def refused(app, round_uuid, path, **kwargs) -> SpreadsheetImportError:
    """The import is refused and nothing at all was written."""
    before = counts(app)
    with pytest.raises(SpreadsheetImportError) as caught:
        do_import(app, round_uuid, path, **kwargs)
    assert counts(app) == before
    return caught.value


def stored(app, round_uuid) -> dict[str, dict]:
    """Per case code: the case, its one review, and its answers as (value, note)."""
    result = {}
    with app.db.session() as session:
        for case in session.exec(select(Case)).all():
            review = session.exec(select(Review).where(Review.case_id == case.id)).one()
            answers = {
                a.question_key: (json.loads(a.value_json), a.note)
                for a in session.exec(select(Answer).where(Answer.review_id == review.id)).all()
            }
            result[case.case_code] = {"case": case, "review": review, "answers": answers}
    return result


# ---------------------------------------------------------------------------------------------------------------
# What is accepted


def test_the_documented_example_imports_cleanly(app, round_uuid):
    summary = do_import(app, round_uuid, EXAMPLE)
    assert summary == ImportSummary(
        file_name=EXAMPLE.name,
        round_name="Missbruk 2024",
        cases=8,
        reviews=8,
        answers=summary.answers,
        complete=6,
        in_progress=2,
    )
    rows = stored(app, round_uuid)
    assert len(rows) == 8
    assert summary.answers == sum(len(r["answers"]) for r in rows.values())
    first = rows["MB-2024-001"]
    assert first["case"].sex is Sex.KVINNA
    assert first["case"].age_band == "a25_34"  # from the Swedish label "25–34 år"
    assert first["case"].unit == "Vuxenenheten Norr"
    assert first["review"].reviewer == "AB"
    assert first["review"].status is ReviewStatus.COMPLETE
    assert first["review"].completed_at is not None
    assert first["answers"]["dygnskostnad"] == (2450.5, None)  # "2 450,50"
    assert first["answers"]["total_kostnad"] == (181337.0, None)
    assert first["answers"]["strukturerad_bedomning"] == (["asi"], None)  # "ASI"
    assert rows["MB-2024-002"]["answers"]["beslut"] == ("beviljat", None)  # the label "Beviljat"
    third = rows["MB-2024-003"]
    assert third["case"].sex is Sex.MAN  # "M"
    assert third["answers"]["insats"] == (["institution_sol", "lvm"], None)  # "lvm|institution_sol"
    assert third["answers"]["beslut"] == ("beviljat", "LVM-vård beslutad av förvaltningsrätten")
    assert rows["MB-2024-004"]["case"].age_band == "a18_24"  # "18-24" with a hyphen
    assert rows["MB-2024-005"]["answers"]["har_minderariga_barn"] == ("ej_aktuellt", None)
    assert rows["MB-2024-007"]["case"].sex is Sex.OKANT  # "Annat/okänt" of earlier versions
    assert rows["MB-2024-007"]["case"].age_band is None
    for code in ("MB-2024-007", "MB-2024-008"):
        assert rows[code]["review"].status is ReviewStatus.IN_PROGRESS
        assert rows[code]["review"].completed_at is None


def test_import_records_the_file_and_an_audit_event(app, round_uuid):
    import hashlib

    do_import(app, round_uuid, EXAMPLE, actor="Chef")
    with app.db.session() as session:
        record = session.exec(select(ImportRecord)).one()
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "import_spreadsheet")).one()
    assert record.file_name == EXAMPLE.name
    assert record.file_sha256 == hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    summary = json.loads(record.summary_json)
    assert summary["round_uuid"] == round_uuid
    assert summary["cases"] == 8
    assert summary["complete"] == 6
    assert event.actor == "Chef"
    assert event.entity_uuid == round_uuid
    assert json.loads(event.detail_json)["cases"] == 8


def test_imported_reviews_open_in_the_review_service_with_their_content_hash(app, round_uuid):
    do_import(app, round_uuid, EXAMPLE)
    rows = stored(app, round_uuid)
    with app.db.session() as session:
        for code, data in rows.items():
            expected = content_sha256(
                {key: (json.dumps(value, ensure_ascii=False), note) for key, (value, note) in data["answers"].items()}
            )
            assert data["review"].content_sha256 == expected, code
            snapshot = open_review(session, data["case"].uuid, data["review"].reviewer)
            assert snapshot.review_uuid == data["review"].uuid
            assert snapshot.answers == {k: v for k, (v, _) in data["answers"].items() if v is not None}
        statuses = {c.case_code: c.status.value for c in list_cases(session, round_uuid)}
    assert list(statuses.values()).count("complete") == 6


@pytest.mark.parametrize(("delimiter", "bom"), [(";", False), (";", True), (",", False), (",", True), ("\t", False)])
def test_csv_with_either_separator_and_with_or_without_bom(app, round_uuid, tmp_path, delimiter, bom):
    path = write_csv(
        tmp_path / "fil.csv",
        [
            row("A-1", **COMPLETE, dygnskostnad="", total_kostnad="2450,5"),
            row("A-2", sex="man", beslut="avslag", avslagsgrund="kostnad, annan"),
        ],
        delimiter=delimiter,
        bom=bom,
    )
    summary = do_import(app, round_uuid, path)
    assert (summary.cases, summary.complete, summary.in_progress) == (2, 1, 1)
    rows = stored(app, round_uuid)
    assert rows["A-1"]["answers"]["total_kostnad"] == (2450.5, None)
    assert rows["A-2"]["answers"]["avslagsgrund"] == (["kostnad", "annan"], None)
    assert rows["A-2"]["case"].sex is Sex.MAN


def test_xlsx_with_numbers_booleans_and_empty_cells(app, round_uuid, tmp_path):
    path = tmp_path / "granskningar.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    header = ["case_code", "sex", "age_band", "unit", "reviewer", *COMPLETE, "total_kostnad", "vardeladdade_ord"]
    sheet.append(header)
    values = [*COMPLETE.values()]
    values[list(COMPLETE).index("handlaggningstid_dagar")] = 30  # an int
    values[list(COMPLETE).index("fragat_om_barn")] = True  # a checkbox-like TRUE
    sheet.append(["X-1", "Kvinna", "25–34 år", None, "AB", *values, 2450.5, 3.0])
    sheet.append(["X-2", "man", None, "Söder", None, *values, None, None])
    sheet.append([None] * len(header))  # an empty row in the middle is skipped
    sheet.append([1001, "k", None, None, "CD", *values, 100, 2])  # a numeric case code
    workbook.save(path)

    summary = do_import(app, round_uuid, path, default_reviewer="Standard")
    assert (summary.cases, summary.complete) == (3, 3)
    rows = stored(app, round_uuid)
    assert rows["X-1"]["answers"]["handlaggningstid_dagar"] == (30, None)
    assert rows["X-1"]["answers"]["fragat_om_barn"] == ("ja", None)
    assert rows["X-1"]["answers"]["total_kostnad"] == (2450.5, None)
    assert rows["X-1"]["answers"]["vardeladdade_ord"] == (3, None)
    assert rows["X-1"]["case"].unit is None
    assert rows["X-2"]["review"].reviewer == "Standard"
    assert "total_kostnad" not in rows["X-2"]["answers"]
    assert rows["1001"]["case"].sex is Sex.KVINNA


def test_xlsx_error_rows_are_numbered_as_excel_shows_them(app, round_uuid, tmp_path):
    path = tmp_path / "fel.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["case_code", "sex", "reviewer", "fragat_om_barn"])
    sheet.append(["Y-1", "kvinna", "AB", "ja"])
    sheet.append([None, None, None, None])
    sheet.append(["Y-2", "kvinna", "AB", "kanske"])
    workbook.save(path)
    error = refused(app, round_uuid, path)
    assert [(i.row, i.column) for i in error.issues] == [(4, "fragat_om_barn")]


def test_decimal_comma_spaces_and_kronor(app, round_uuid, tmp_path):
    path = write_csv(
        tmp_path / "tal.csv",
        [
            row(
                "D-1",
                **COMPLETE | {"insats": "institution_sol", "dygnskostnad": "1 234,5", "total_kostnad": "12 345 kr"},
            ),
            row("D-2", **COMPLETE | {"insats": "lvm", "dygnskostnad": "999,99", "planerade_varddygn": "90"}),
        ],
    )
    do_import(app, round_uuid, path)
    rows = stored(app, round_uuid)
    assert rows["D-1"]["answers"]["dygnskostnad"] == (1234.5, None)
    assert rows["D-1"]["answers"]["total_kostnad"] == (12345.0, None)
    assert rows["D-2"]["answers"]["dygnskostnad"] == (999.99, None)
    assert rows["D-2"]["answers"]["planerade_varddygn"] == (90, None)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("oppenvard|boende", ["oppenvard", "boende"]),
        ("boende, oppenvard", ["oppenvard", "boende"]),
        ("Öppenvård | Familjehem", ["oppenvard", "familjehem"]),
        ("Boende (t.ex. stödboende, träningsboende)", ["boende"]),  # a label with a comma, as the whole cell
        ("LVM", ["lvm"]),
    ],
)
def test_multiple_choice_by_value_or_label(app, round_uuid, tmp_path, cell, expected):
    path = write_csv(tmp_path / "flera.csv", [row("M-1", **(COMPLETE | {"insats": cell}))])
    do_import(app, round_uuid, path)
    assert stored(app, round_uuid)["M-1"]["answers"]["insats"] == (expected, None)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("JA", "ja"), ("Nej", "nej"), ("ej aktuellt", "ej_aktuellt"), ("Ej_Aktuellt", "ej_aktuellt")],
)
def test_yes_no_words(app, round_uuid, tmp_path, cell, expected):
    path = write_csv(tmp_path / "janej.csv", [row("J-1", **COMPLETE, samverkan_region=cell)])
    do_import(app, round_uuid, path)
    assert stored(app, round_uuid)["J-1"]["answers"]["samverkan_region"] == (expected, None)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Kvinna", Sex.KVINNA),
        ("K", Sex.KVINNA),
        ("MAN", Sex.MAN),
        ("m", Sex.MAN),
        ("Annat", Sex.ANNAT),
        ("OKÄNT", Sex.OKANT),
        ("okant", Sex.OKANT),
        ("Vet ej", Sex.OKANT),
        ("uppgift saknas", Sex.OKANT),
        # the one value of earlier versions: which it was cannot be told, so okänt
        ("Annat/okänt", Sex.OKANT),
        ("annat_okant", Sex.OKANT),
    ],
)
def test_sex_words_and_letters(app, round_uuid, tmp_path, cell, expected):
    path = write_csv(tmp_path / "kon.csv", [row("S-1", sex=cell, **COMPLETE)])
    do_import(app, round_uuid, path)
    assert stored(app, round_uuid)["S-1"]["case"].sex is expected


CHILD_CHECKLIST = {
    "format_version": 1,
    "slug": "barn_test",
    "version": 1,
    "area": "annat",
    "title": "Barn (test)",
    "subject": "child",
    "age_bands": [{"value": "b0_5", "label": "0–5 år"}, {"value": "b6_12", "label": "6–12 år"}],
    "sections": [
        {
            "key": "s1",
            "title": "Avsnitt",
            "questions": [
                {"key": "beslutsdatum", "type": "date", "text": "Beslutsdatum"},
                {"key": "kommentar", "type": "text", "text": "Kommentar"},
                {"key": "andel", "type": "decimal", "text": "Andel"},
            ],
        }
    ],
}


@pytest.fixture
def child_round(app) -> str:
    from reviewer.checklists.loader import parse_checklist
    from reviewer.services.checklists import add_definition

    with app.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(CHILD_CHECKLIST), "barn_test.json", "json"))
        return create_round(session, "Barn 2024", get_version(session, "barn_test"), "2024").uuid


def test_child_checklist_takes_flicka_and_pojke(app, child_round, tmp_path):
    path = write_csv(
        tmp_path / "barn.csv",
        [
            {"case_code": "B-1", "sex": "flicka", "reviewer": "AB", "age_band": "0-5 år"},
            {"case_code": "B-2", "sex": "P", "reviewer": "AB"},
            {"case_code": "B-3", "sex": "kvinna", "reviewer": "AB"},
        ],
    )
    error = refused(app, child_round, path)
    assert [(i.row, i.column) for i in error.issues] == [(4, "sex")]
    assert "barn" in error.issues[0].text("sv")
    path.write_text(path.read_text("utf-8").replace("kvinna", "K"), encoding="utf-8")
    do_import(app, child_round, path)
    cases = {code: data["case"] for code, data in stored(app, child_round).items()}
    assert {code: case.sex for code, case in cases.items()} == {"B-1": Sex.FLICKA, "B-2": Sex.POJKE, "B-3": Sex.FLICKA}
    assert cases["B-1"].age_band == "b0_5"


def test_dates_text_and_decimals(app, child_round, tmp_path):
    path = tmp_path / "barn.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["case_code", "sex", "reviewer", "beslutsdatum", "kommentar", "andel"])
    workbook.active.append(["B-1", "pojke", "AB", dt.datetime(2024, 3, 1), "Fri text, med komma", -0.25])
    workbook.active.append(["B-2", "flicka", "AB", "2024-02-29", 42, "0,5"])
    workbook.active.append(["B-3", "flicka", "AB", "1 mars", None, None])
    workbook.save(path)
    error = refused(app, child_round, path)
    assert [(i.row, i.column) for i in error.issues] == [(4, "beslutsdatum")]
    workbook.active.delete_rows(4)
    workbook.save(path)
    do_import(app, child_round, path)
    rows = stored(app, child_round)
    assert rows["B-1"]["answers"] == {
        "beslutsdatum": ("2024-03-01", None),
        "kommentar": ("Fri text, med komma", None),
        "andel": (-0.25, None),
    }
    assert rows["B-2"]["answers"]["kommentar"] == ("42", None)
    assert rows["B-2"]["answers"]["andel"] == (0.5, None)


def test_swedish_column_names_and_note_columns(app, round_uuid, tmp_path):
    path = write_csv(
        tmp_path / "svenska.csv",
        [
            {"Ärendekod": "N-1", "Kön": "kvinna", "Åldersgrupp": "35–44 år", "Enhet": "Väst", "Granskare": "EF"}
            | COMPLETE
            | {"beslut_note": "Beslut efter två möten", "overklagat_anteckning": "Inget överklagande i akten"}
            | {"substans_note": "Framgår inte"},  # a note without an answer
        ],
    )
    do_import(app, round_uuid, path)
    data = stored(app, round_uuid)["N-1"]
    assert data["case"].age_band == "a35_44"
    assert data["review"].reviewer == "EF"
    assert data["answers"]["beslut"] == ("beviljat", "Beslut efter två möten")
    assert data["answers"]["overklagat"] == ("nej", "Inget överklagande i akten")
    assert data["answers"]["substans"] == (None, "Framgår inte")


def test_default_reviewer_fills_empty_cells_only(app, round_uuid, tmp_path):
    path = write_csv(tmp_path / "granskare.csv", [row("R-1", reviewer=""), row("R-2", reviewer="GH")])
    do_import(app, round_uuid, path, default_reviewer="Äldre granskning")
    rows = stored(app, round_uuid)
    assert rows["R-1"]["review"].reviewer == "Äldre granskning"
    assert rows["R-2"]["review"].reviewer == "GH"


def test_validate_file_writes_nothing_and_reports_progress(app, round_uuid):
    reports = []
    before = counts(app)
    with app.db.session() as session:
        summary = validate_file(
            session, round_uuid, EXAMPLE, progress=lambda done, total: reports.append((done, total))
        )
    assert counts(app) == before
    assert summary.cases == 8
    assert reports[-1] == (8, 8)


def test_import_reports_progress_over_checking_and_writing(app, round_uuid):
    reports = []
    do_import(app, round_uuid, EXAMPLE, progress=lambda done, total: reports.append((done, total)))
    assert reports[-1] == (16, 16)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_empty_rows_are_skipped(app, round_uuid, tmp_path):
    path = tmp_path / "tomma.csv"
    path.write_text("case_code;sex;reviewer\n;;\nE-1;kvinna;AB\n ; ; \n", encoding="utf-8")
    assert do_import(app, round_uuid, path).cases == 1


# ---------------------------------------------------------------------------------------------------------------
# What is refused: every problem names its row and column, and nothing is written


def base_rows() -> list[dict[str, str]]:
    return [row("F-1", **COMPLETE), row("F-2", **COMPLETE)]


@pytest.mark.parametrize(
    ("change", "where", "fragment"),
    [
        (lambda rows: rows[0].update(beslut_x="1"), (1, "beslut_x"), "okänd kolumn"),
        (lambda rows: rows[0].update(bslut="1"), (1, "bslut"), "Menade du 'beslut'"),
        (lambda rows: [r.pop("sex") for r in rows], (1, "sex"), "saknas"),
        (lambda rows: rows[1].update(sex="kvinnan"), (3, "sex"), "'kvinnan'"),
        (lambda rows: rows[1].update(sex="okänd"), (3, "sex"), "(kvinna, man, annat, okant)"),
        (lambda rows: rows[1].update(sex="flicka"), (3, "sex"), "vuxna"),
        (lambda rows: rows[1].update(sex=""), (3, "sex"), "kön saknas"),
        (lambda rows: rows[0].update(age_band="80+"), (2, "age_band"), "ingen åldersgrupp"),
        (lambda rows: rows[1].update(case_code="F-1"), (3, "case_code"), "rad 2"),
        (lambda rows: rows[1].update(case_code=""), (3, "case_code"), "saknas"),
        (lambda rows: rows[1].update(case_code="X" * 65), (3, "case_code"), "för lång"),
        (lambda rows: rows[0].update(fragat_om_barn="kanske"), (2, "fragat_om_barn"), "'kanske'"),
        (lambda rows: rows[0].update(overklagat="ej aktuellt"), (2, "overklagat"), "ja, nej"),
        (lambda rows: rows[0].update(handlaggningstid_dagar="trettio"), (2, "handlaggningstid_dagar"), "tal"),
        (lambda rows: rows[0].update(handlaggningstid_dagar="12,5"), (2, "handlaggningstid_dagar"), "heltal"),
        (lambda rows: rows[0].update(handlaggningstid_dagar="-3"), (2, "handlaggningstid_dagar"), "mindre än 0"),
        (lambda rows: rows[0].update(vardeladdade_ord="7"), (2, "vardeladdade_ord"), "1–5"),
        (lambda rows: rows[0].update(beslut="kanske"), (2, "beslut"), "beviljat, delvis_beviljat, avslag"),
        (lambda rows: rows[0].update(insats="oppenvard|hemtjanst"), (2, "insats"), "'hemtjanst'"),
        (lambda rows: rows[0].update(overklagande_utfall="andrat"), (2, "overklagande_utfall"), "visas bara"),
        (lambda rows: rows[1].update(reviewer=""), (3, "reviewer"), "granskaren saknas"),
        (lambda rows: rows[1].update(reviewer="R" * 65), (3, "reviewer"), "för långt"),
        (lambda rows: rows[0].update(unit="U" * 101), (2, "unit"), "för långt"),
        (lambda rows: [r.pop("reviewer") for r in rows], (1, "reviewer"), "kolumnen saknas"),
    ],
)
def test_each_problem_names_row_and_column_and_nothing_is_written(app, round_uuid, tmp_path, change, where, fragment):
    rows = base_rows()
    change(rows)
    path = write_csv(tmp_path / "fel.csv", rows)
    error = refused(app, round_uuid, path)
    assert [(i.row, i.column) for i in error.issues] == [where], error.text("sv")
    text = error.text("sv")
    assert "Ingenting har sparats" in text
    if fragment:
        assert fragment in text
    english = error.text("en")
    assert "Nothing was saved" in english
    assert f"Row {where[0]}, column '{where[1]}'" in english
    assert f"Rad {where[0]}, kolumn '{where[1]}'" in text


def test_a_note_on_a_hidden_question_is_refused(app, round_uuid, tmp_path):
    path = write_csv(tmp_path / "dold.csv", [row("H-1", **COMPLETE, konsbytestest_kommentar_note="varför")])
    error = refused(app, round_uuid, path)
    assert [(i.row, i.column) for i in error.issues] == [(2, "konsbytestest_kommentar_note")]
    assert "'konsbytestest'" in error.issues[0].text("sv")


def test_an_answer_under_a_hidden_parent_is_refused_with_the_reason(app, round_uuid, tmp_path):
    # beslut=avslag hides insats, and so dygnskostnad (shown by insats) too.
    values = COMPLETE | {"beslut": "avslag", "avslagsgrund": "kostnad", "insats": "lvm", "dygnskostnad": "100"}
    path = write_csv(tmp_path / "dold.csv", [row("H-2", **values)])
    error = refused(app, round_uuid, path)
    assert [(i.row, i.column) for i in error.issues] == [(2, "insats"), (2, "dygnskostnad")]
    assert "visas inte 'insats' själv" in error.issues[1].text("sv")


def test_case_code_already_in_the_round(app, round_uuid, tmp_path):
    with app.db.session() as session:
        add_case(session, round_uuid, CaseInput("F-2", Sex.MAN))
    error = refused(app, round_uuid, write_csv(tmp_path / "finns.csv", base_rows()))
    assert [(i.row, i.column) for i in error.issues] == [(3, "case_code")]
    assert "finns redan i omgången" in error.issues[0].text("sv")


def test_duplicate_and_blank_headed_columns(app, round_uuid, tmp_path):
    path = tmp_path / "kolumner.csv"
    path.write_text("case_code;sex;reviewer;beslut;Beslut;;\nK-1;kvinna;AB;avslag;avslag;;\nK-2;man;AB;;;x;\n", "utf-8")
    error = refused(app, round_uuid, path)
    assert [(i.row, i.column) for i in error.issues] == [(1, "Beslut"), (3, "F")]
    assert "två gånger" in error.issues[0].text("sv")
    assert "ingen rubrik" in error.issues[1].text("sv")


def test_every_error_is_collected_not_just_the_first(app, round_uuid, tmp_path):
    rows = [row(f"C-{i}", **COMPLETE) for i in range(5)]
    rows[1]["sex"] = "?"
    rows[3]["beslut"] = "?"
    rows[4]["fragat_om_barn"] = "?"
    rows[4]["case_code"] = "C-0"
    error = refused(app, round_uuid, write_csv(tmp_path / "flera.csv", rows))
    assert [(i.row, i.column) for i in error.issues] == [
        (3, "sex"),
        (5, "beslut"),
        (6, "case_code"),
        (6, "fragat_om_barn"),
    ]
    assert "4 fel" in error.text("sv")


def test_the_list_of_errors_is_capped_with_a_count_of_the_rest(app, round_uuid, tmp_path):
    rows = [row(f"C-{i}", sex="?") for i in range(MAX_ISSUES + 50)]
    error = refused(app, round_uuid, write_csv(tmp_path / "många.csv", rows))
    assert len(error.issues) == MAX_ISSUES
    assert error.more == 50
    assert error.lines("sv")[-1] == "… och 50 fel till"
    assert error.lines("en")[-1] == "… and 50 more"
    assert f"{MAX_ISSUES + 50} fel" in error.text("sv")


# ---------------------------------------------------------------------------------------------------------------
# Personnummer


@pytest.mark.parametrize(
    "number",
    ["19811228-9874", "198112289874", "811228-9874", "8112289874", "xx811228-9874yy", "MB8112289874", "81 12 28-9874"],
)
def test_personnummer_in_case_code_is_refused_without_repeating_it(app, round_uuid, tmp_path, number):
    path = write_csv(tmp_path / "pnr.csv", [row(number, **COMPLETE)])
    error = refused(app, round_uuid, path)
    assert [(i.row, i.column) for i in error.issues] == [(2, "case_code")]
    for lang in ("sv", "en"):
        text = error.text(lang)
        assert number not in text
        assert "8112289874" not in text.replace("-", "")
    assert "personnummer" in error.text("sv")


def test_personnummer_as_a_number_in_an_xlsx_cell_is_refused(app, round_uuid, tmp_path):
    path = tmp_path / "pnr.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["case_code", "sex", "reviewer", "antal_ord_beskrivning"])
    workbook.active.append([198112289874, "kvinna", "AB", 120])
    workbook.save(path)
    error = refused(app, round_uuid, path)
    assert [(i.row, i.column) for i in error.issues] == [(2, "case_code")]
    assert "198112289874" not in error.text("sv")


def test_personnummer_in_a_note_or_text_answer_is_refused_without_repeating_it(app, round_uuid, tmp_path):
    rows = [
        row("P-1", **COMPLETE, beslut_note="Gäller 811228-9874 enligt akten"),
        row("P-2", **COMPLETE | {"konsbytestest": "nej", "konsbytestest_kommentar": "Se 19811228-9874"}),
        row("P-3", **COMPLETE, unit="Enhet 811228-9874"),
    ]
    error = refused(app, round_uuid, write_csv(tmp_path / "anteckning.csv", rows))
    assert [(i.row, i.column) for i in error.issues] == [
        (2, "beslut_note"),
        (3, "konsbytestest_kommentar"),
        (4, "unit"),
    ]
    for lang in ("sv", "en"):
        assert "9874" not in error.text(lang)


def test_personnummer_in_a_column_heading_is_refused_without_repeating_it(app, round_uuid, tmp_path):
    path = tmp_path / "rubrik.csv"
    path.write_text("case_code;sex;reviewer;811228-9874\nQ-1;kvinna;AB;x\n", encoding="utf-8")
    error = refused(app, round_uuid, path)
    assert (error.issues[0].row, error.issues[0].column) == (1, "D")
    assert "9874" not in error.text("sv")


def test_samordningsnummer_is_refused_too(app, round_uuid, tmp_path):
    path = write_csv(tmp_path / "samordning.csv", [row("S-1", **COMPLETE, beslut_note="701063-2391")])
    error = refused(app, round_uuid, path)
    assert "samordningsnummer" in error.text("sv")
    assert "2391" not in error.text("sv")


# ---------------------------------------------------------------------------------------------------------------
# Files


def test_the_same_file_twice_is_refused_with_a_clear_message(app, round_uuid):
    do_import(app, round_uuid, EXAMPLE)
    error = refused(app, round_uuid, EXAMPLE)
    assert "redan importerats" in error.text("sv")
    assert "already imported" in error.text("en")
    assert error.issues == []


def test_the_same_file_may_go_into_another_round(app, round_uuid):
    do_import(app, round_uuid, EXAMPLE)
    with app.db.session() as session:
        other = create_round(session, "Övning", get_version(session, "missbruk"), "2024").uuid
    assert do_import(app, other, EXAMPLE).cases == 8


def test_a_file_that_is_not_utf8_is_refused_with_advice(app, round_uuid, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("case_code;sex;reviewer\nL-1;kvinna;AB\nL-2;kvinna;Åsa\n".encode("latin-1"))
    error = refused(app, round_uuid, path)
    assert "UTF-8" in error.text("sv")
    assert [i.row for i in error.issues] == [3]


@pytest.mark.parametrize(("name", "fragment"), [("gammal.xls", ".xls"), ("kalkyl.ods", "kalkyl.ods")])
def test_other_file_types_are_refused_naming_the_file(app, round_uuid, tmp_path, name, fragment):
    path = tmp_path / name
    path.write_bytes(b"not a spreadsheet")
    assert fragment in refused(app, round_uuid, path).text("sv")


def test_a_broken_xlsx_is_refused(app, round_uuid, tmp_path):
    path = tmp_path / "trasig.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    assert "Excel-arbetsbok" in refused(app, round_uuid, path).text("sv")


def test_missing_file_header_only_and_empty_file(app, round_uuid, tmp_path):
    assert "finns inte" in refused(app, round_uuid, tmp_path / "saknas.csv").text("sv")
    header_only = tmp_path / "rubrik.csv"
    header_only.write_text("case_code;sex;reviewer\n", encoding="utf-8")
    assert "inga rader" in refused(app, round_uuid, header_only).text("sv")
    empty = tmp_path / "tom.csv"
    empty.write_text("", encoding="utf-8")
    assert "ingen rubrikrad" in refused(app, round_uuid, empty).text("sv")


def test_column_letters():
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_dates_from_xlsx_cells_become_iso_dates():
    from reviewer.services.spreadsheet_import.table import _cell_text

    assert _cell_text(dt.datetime(2024, 3, 1)) == "2024-03-01"
    assert _cell_text(2.0) == "2"
    assert _cell_text(2.5) == "2.5"


def test_a_personnummer_in_the_file_name_is_neither_shown_nor_stored(app, round_uuid, tmp_path):
    bad = write_csv(tmp_path / "811228-9874.csv", [row("F-1", sex="?")])
    assert "9874" not in refused(app, round_uuid, bad).text("sv")
    good = write_csv(tmp_path / "811228-9874 granskningar.csv", [row("F-1")])
    summary = do_import(app, round_uuid, good)
    assert "9874" not in summary.file_name
    with app.db.session() as session:
        assert "9874" not in session.exec(select(ImportRecord.file_name)).one()
        assert "9874" not in session.exec(select(AuditEvent.detail_json).where(AuditEvent.action != "create")).one()

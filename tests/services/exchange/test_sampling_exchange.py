"""A round's sampling record travels with it in the exchange file: the round trip, a file made before the field
existed, a round here that gets the record, one that keeps its own different record, and records the reader
refuses."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from reviewer.domain.sampling import Allocation, Design
from reviewer.services.cases import list_cases
from reviewer.services.exchange import ExchangeError, read_exchange
from reviewer.services.rounds import get_round
from reviewer.services.sampling import sample_round, sampling_of
from reviewer.storage.models import ImportRecord, Round
from tests.services.exchange.helpers import fingerprint, load_document, make_round, save_document
from tests.services.exchange.test_importer import export, import_files

VALID_PNR = "811228-9874"


@pytest.fixture
def sampled(app, tmp_path) -> str:
    """The chief's round drawn from a list: 6 women and 6 men, a third reviewed twice by AB, CD and EF."""
    rows = (
        ["ärende;kön;enhet"]
        + [f"K-{i:02d};kvinna;Norr" for i in range(20)]
        + [f"M-{i:02d};man;Söder" for i in range(20)]
    )
    listed = tmp_path / "avslutade.csv"
    listed.write_text("\n".join(rows) + "\n", encoding="utf-8")
    round_uuid = make_round(app, "Missbruk 2027", "2027")
    design = Design(Allocation.EQUAL, 6, seed=2027, double_share=1 / 3, reviewers=("AB", "CD", "EF"))
    with app.db.session() as session:
        sample_round(session, round_uuid, listed, design, actor="Chef")
    return round_uuid


def stored(app, round_uuid):
    with app.db.session() as session:
        return sampling_of(session, round_uuid), {c.uuid for c in list_cases(session, round_uuid)}


def test_the_record_travels_with_its_round_and_names_the_cases_there(app, chief, sampled, tmp_path):
    path = export(app, tmp_path / "chef.granskning")
    [round_record] = load_document(path)["content"]["rounds"]
    assert round_record["sampling"]["design"]["seed"] == 2027
    summary = import_files(chief, path)
    ours, _ = stored(app, sampled)
    theirs, cases = stored(chief, sampled)
    assert theirs == ours
    assert set(theirs.assignments) == cases and theirs.double_reviewed == 4
    assert not any("Urval" in line for line in summary.lines("sv")), "a new round's record needs no word"

    again = import_files(chief, export(app, tmp_path / "igen.granskning"))
    assert stored(chief, sampled)[0] == ours
    assert not any("Urval" in line for line in again.lines("sv")), "the same record again is not news"


def test_a_round_without_a_record_is_written_without_the_field(app, tmp_path):
    make_round(app)
    [round_record] = load_document(export(app, tmp_path / "a.granskning"))["content"]["rounds"]
    assert "sampling" not in round_record, "a file without a drawn round stays readable by older versions"


def test_a_file_made_before_the_field_existed_still_imports(app, chief, sampled, tmp_path):
    document = load_document(export(app, tmp_path / "ny.granskning"))
    del document["content"]["rounds"][0]["sampling"]  # what a program before the sampling record wrote
    old = save_document(tmp_path / "gammal.json", document)
    summary = import_files(chief, old)
    assert summary.new_rounds == ["Missbruk 2027"]
    assert stored(chief, sampled)[0] is None
    with chief.db.session() as session:
        assert len(list_cases(session, sampled)) == 12


def test_a_round_here_without_a_record_takes_the_files_and_says_so(app, chief, sampled, tmp_path):
    document = load_document(export(app, tmp_path / "ny.granskning"))
    del document["content"]["rounds"][0]["sampling"]
    import_files(chief, save_document(tmp_path / "gammal.json", document))
    summary = import_files(chief, export(app, tmp_path / "med-urval.granskning"))
    assert stored(chief, sampled)[0] == stored(app, sampled)[0]
    assert "Urval: omgången 'Missbruk 2027' fick filens beskrivning av hur ärendena drogs" in summary.lines("sv")
    with chief.db.session() as session:
        record = session.exec(select(ImportRecord).order_by(ImportRecord.id.desc())).first()
    assert json.loads(record.summary_json)["sampling_taken"] == ["Missbruk 2027"]


def test_a_round_here_with_another_record_keeps_its_own_and_says_so(app, chief, sampled, tmp_path):
    import_files(chief, export(app, tmp_path / "först.granskning"))
    with chief.db.session() as session:
        round_ = session.exec(select(Round).where(Round.uuid == sampled)).one()
        changed = json.loads(round_.sampling_json)
        changed["design"]["seed"] = 1  # redrawn here with another seed, say
        round_.sampling_json = json.dumps(changed, ensure_ascii=False, sort_keys=True)
        session.add(round_)
        session.commit()
        ours = get_round(session, sampled).sampling_json
    summary = import_files(chief, export(app, tmp_path / "sedan.granskning"))
    with chief.db.session() as session:
        assert get_round(session, sampled).sampling_json == ours
    assert (
        "Urvalet behölls: omgången 'Missbruk 2027' har redan en annan beskrivning av hur ärendena drogs; den "
        "behölls och filens användes inte"
    ) in summary.lines("sv")
    assert any(line.startswith("Sample kept: the round 'Missbruk 2027'") for line in summary.lines("en"))


def test_a_merged_round_gets_the_record_against_its_own_case_uuids(app, chief, sampled, tmp_path):
    """The chief's own copy of the round (same name, checklist, period) holds the same case codes under other
    uuids; the file's assignments are stored against the cases as they are here."""
    from reviewer.services.cases import CaseInput, add_case

    other = make_round(chief, "Missbruk 2027", "2027")
    with app.db.session() as session:
        drawn = [(c.case_code, c.sex) for c in list_cases(session, sampled)]
    with chief.db.session() as session:
        for code, sex in drawn:
            add_case(session, other, CaseInput(code, sex, None, None))
    document = load_document(export(app, tmp_path / "chef.granskning"))
    for case in document["content"]["cases"]:
        case["unit"] = None  # the chief's copies were entered without units
    import_files(chief, save_document(tmp_path / "utan-enhet.json", document))
    record, cases = stored(chief, other)
    assert record is not None and set(record.assignments) == cases


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda s: s["assignments"].update({"00000000-0000-4000-8000-000000000000": ["AB"]}), "inte finns i omgången"),
        (lambda s: s["design"].update({"reviewers": [VALID_PNR]}), "Urvalets beskrivning"),
        (lambda s: s["list"].update({"name": f"lista {VALID_PNR}.csv"}), "Urvalets beskrivning"),
        (lambda s: s.update({"seed": 1}), "sampling"),
    ],
)
def test_a_record_the_reader_refuses_imports_nothing(app, chief, sampled, tmp_path, change, said):
    document = load_document(export(app, tmp_path / "ny.granskning"))
    change(document["content"]["rounds"][0]["sampling"])
    path = save_document(tmp_path / "ändrad.json", document)
    before = fingerprint(chief)
    with pytest.raises(ExchangeError) as refused:
        import_files(chief, path)
    assert said in refused.value.text("sv") and VALID_PNR not in refused.value.text("sv")
    assert fingerprint(chief) == before
    with pytest.raises(ExchangeError):
        read_exchange(path)

"""`reviewer exchange export|import` through the CLI's entry point, with --data-dir."""

import pytest

from reviewer.bootstrap import bootstrap
from reviewer.cli.main import main
from tests.services.exchange.helpers import add_reviewed_case, answer, contents, fingerprint, make_round


@pytest.fixture
def caseworker(tmp_path):
    """A caseworker's data folder with one round of two reviewed cases; the app is closed again."""
    data_dir = tmp_path / "ab"
    app = bootstrap(data_dir=data_dir)
    try:
        round_uuid = make_round(app)
        case_uuid, _ = add_reviewed_case(app, round_uuid, "MB-1")
        add_reviewed_case(app, round_uuid, "MB-2", reviewer="CD")
    finally:
        app.close()
    return data_dir, case_uuid


@pytest.fixture
def passphrase_file(tmp_path):
    path = tmp_path / "lösen.txt"
    path.write_text("en lång lösenfras\r\nandra raden räknas inte\n", encoding="utf-8")
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def state(data_dir):
    app = bootstrap(data_dir=data_dir)
    try:
        return contents(app), fingerprint(app)
    finally:
        app.close()


def test_export_and_import_encrypted(capsys, caseworker, passphrase_file, tmp_path):
    data_dir, _ = caseworker
    target = tmp_path / "ab.granskning"
    code, out, _ = run(
        capsys, "exchange", "export", "-o", target, "--passphrase-file", passphrase_file, "--by", "AB",
        "--data-dir", data_dir,
    )  # fmt: skip
    assert code == 0
    assert out.startswith("Skrev ab.granskning (krypterad): 1 omgång, 2 ärenden, 2 granskningar")
    chief = tmp_path / "chief"
    code, out, _ = run(capsys, "exchange", "import", target, "--passphrase-file", passphrase_file, "--data-dir", chief)
    assert code == 0
    assert "ab.granskning: 2 nya, 0 oförändrade, 0 konflikter" in out
    assert "  CD: 1 nya, 0 oförändrade, 0 konflikter" in out
    assert state(chief)[0] == state(data_dir)[0]

    code, out, _ = run(capsys, "exchange", "import", target, "--passphrase-file", passphrase_file, "--data-dir", chief)
    assert code == 0
    assert "0 nya, 2 oförändrade" in out


def test_refusals_exit_1_and_change_nothing(capsys, caseworker, passphrase_file, tmp_path):
    data_dir, _ = caseworker
    target = tmp_path / "ab.granskning"
    run(capsys, "exchange", "export", "-o", target, "--passphrase-file", passphrase_file, "--data-dir", data_dir)
    chief = tmp_path / "chief"
    run(capsys, "db", "check", "--data-dir", chief)
    before = state(chief)
    wrong = tmp_path / "fel.txt"
    wrong.write_text("fel lösenfras\n", encoding="utf-8")
    empty = tmp_path / "blank.txt"
    empty.write_text("\nlösen\n", encoding="utf-8")
    cut = tmp_path / "cut.granskning"
    cut.write_bytes(target.read_bytes()[:-10])
    for args, words in [
        ((target,), "krypterad"),
        ((target, "--passphrase-file", wrong), "fel lösenfras"),
        ((target, "--passphrase-file", empty), "är tom"),
        ((target, "--passphrase-file", tmp_path / "saknas.txt"), "kunde inte läsas"),
        ((cut, "--passphrase-file", passphrase_file), "avkortad"),
    ]:
        code, _, err = run(capsys, "exchange", "import", *args, "--data-dir", chief)
        assert code == 1
        assert err.startswith("fel: ")
        assert words in err
    assert state(chief) == before


def test_conflicts_stop_the_import_unless_on_conflict_says_what_to_do(capsys, caseworker, tmp_path):
    data_dir, case_uuid = caseworker
    chief = tmp_path / "chief"
    run(capsys, "exchange", "export", "-o", tmp_path / "first.granskning", "--data-dir", data_dir)
    run(capsys, "exchange", "import", tmp_path / "first.granskning", "--data-dir", chief)
    app = bootstrap(data_dir=data_dir)
    try:
        answer(app, case_uuid, "AB", {"fragat_om_barn": "nej"})
    finally:
        app.close()
    second = tmp_path / "second.granskning"
    run(capsys, "exchange", "export", "-o", second, "--round", "Missbruk 2024", "--data-dir", data_dir)
    before = state(chief)
    code, _, err = run(capsys, "exchange", "import", second, "--data-dir", chief)
    assert code == 1
    assert "MB-1" in err
    assert "--on-conflict" in err
    assert state(chief) == before
    code, out, _ = run(capsys, "exchange", "import", second, "--on-conflict", "both", "--data-dir", chief)
    assert code == 0
    assert "1 konflikt (1 behöll båda)" in out
    assert sorted(state(chief)[0]["Missbruk 2024"]["cases"]["MB-1"]["reviews"]) == ["AB", "AB (2)"]


def test_english_output(capsys, caseworker, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    data_dir, _ = caseworker
    target = tmp_path / "ab.granskning"
    code, out, _ = run(capsys, "exchange", "export", "-o", target, "--data-dir", data_dir)
    assert out.startswith("Wrote ab.granskning: 1 round, 2 cases")
    code, out, _ = run(capsys, "exchange", "import", target, "--data-dir", tmp_path / "chief")
    assert "ab.granskning: 2 new, 0 unchanged, 0 conflicts" in out
    code, _, err = run(capsys, "exchange", "export", "-o", target, "--round", "Saknas", "--data-dir", data_dir)
    assert code == 1
    assert err.startswith("error: ")


def test_unknown_round_and_usage_errors(capsys, caseworker, tmp_path):
    data_dir, _ = caseworker
    code, _, err = run(capsys, "exchange", "export", "-o", tmp_path / "x", "--round", "Saknas", "--data-dir", data_dir)
    assert code == 1
    assert "Saknas" in err
    with pytest.raises(SystemExit) as info:
        main(["exchange", "import", "--data-dir", str(data_dir)])
    assert info.value.code == 2
    capsys.readouterr()

"""`reviewer lexicon list|show|export|import` and `reviewer words`: the text counted is never kept."""

from __future__ import annotations

import io
import json

from reviewer.cli.main import main

MARKER = "Zebrafink4711"


def cli(capsys, data_dir, *args):
    code = main([*map(str, args), "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    return code, out, err


def test_words_counts_a_file_in_swedish_and_json_in_english(capsys, data_dir, tmp_path, monkeypatch):
    passage = tmp_path / "utredning.txt"
    passage.write_text("Hon är ledsen och orolig, t.ex. för sin mamma. Hon grät!\nHan är 45 år.", encoding="utf-8")
    code, out, err = cli(capsys, data_dir, "words", passage)
    assert (code, err) == (0, "")
    assert "Ord: 15\nMeningar: 3\nTräffar: 4 (26,7 per 100 ord)" in out
    assert "Känslor och psykiska tillstånd: 3" in out
    assert "Familjeroller: 1" in out
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    code, out, _ = cli(capsys, data_dir, "words", passage, "--format", "json")
    doc = json.loads(out)
    assert doc["words"] == 15
    assert doc["hits_by_group"] == {"emotion": 3, "character": 0, "appearance": 0, "family_role": 1}
    assert doc["hits_per_100_words"] == 26.67
    assert doc["hits_by_lemma"]["mamma"] == 1


def test_words_from_standard_input_leaves_no_trace_of_the_text(capsys, data_dir, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{MARKER} är arg. "))
    code, out, _ = cli(capsys, data_dir, "words", "-", "--format", "json")
    assert code == 0
    assert json.loads(out)["hits"] == 1
    assert MARKER not in out
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes(), path


def test_words_refuses_a_missing_file(capsys, data_dir, tmp_path):
    code, _, err = cli(capsys, data_dir, "words", tmp_path / "saknas.txt")
    assert code == 1
    assert "Filen saknas.txt kunde inte läsas" in err


def test_export_edit_import_list_and_show(capsys, data_dir, tmp_path):
    exported = tmp_path / "ordlista.csv"
    code, out, _ = cli(capsys, data_dir, "lexicon", "export", "-o", exported)
    assert code == 0
    assert "Skrev ordlista version 1" in out
    text = exported.read_text(encoding="utf-8-sig")
    exported.write_text(text + "gapig;karaktär;gapigt, gapiga\r\n", encoding="utf-8-sig")
    code, out, _ = cli(capsys, data_dir, "lexicon", "import", exported, "--note", "Gapig tillagd")
    assert code == 0
    assert "som ordlista version 2" in out
    code, out, _ = cli(capsys, data_dir, "lexicon", "list")
    lines = out.splitlines()
    assert lines[1].split()[0] == "2"
    assert lines[1].endswith("Gapig tillagd")
    assert lines[2].endswith("inbyggd")
    code, out, _ = cli(capsys, data_dir, "lexicon", "show")
    assert "Ordlista version 2" in out
    assert "gapig" in out
    code, out, _ = cli(capsys, data_dir, "lexicon", "show", "--version", "1")
    assert "gapig" not in out
    code, _, err = cli(capsys, data_dir, "lexicon", "show", "--version", "9")
    assert (code, err.strip()) == (1, "fel: Ordlistan har ingen version 9.")


def test_a_broken_import_names_the_row_and_saves_nothing(capsys, data_dir, tmp_path):
    broken = tmp_path / "trasig.csv"
    broken.write_text("grundform;grupp;former\narg;känslor;argt\nsur;humör;\n", encoding="utf-8")
    code, _, err = cli(capsys, data_dir, "lexicon", "import", broken)
    assert code == 1
    assert "trasig.csv: Rad 3: Okänd ordgrupp ”humör”" in err
    code, out, _ = cli(capsys, data_dir, "lexicon", "list")
    assert len(out.splitlines()) == 2

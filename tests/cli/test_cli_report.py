"""`reviewer report`: the PDF written where asked, the round chosen by name or by default, and its refusals."""

from __future__ import annotations

import subprocess

import pytest

from reviewer.bootstrap import bootstrap
from reviewer.cli.main import main
from tests.services.report_data import known_round_with_secrets
from tests.tools import require_tool


@pytest.fixture
def rounds(data_dir):
    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            known_round_with_secrets(session)
    finally:
        app.close()
    return data_dir


def report_cli(capsys, data_dir, *args):
    code = main(["report", "--data-dir", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path):
    pdftotext = require_tool("pdftotext")
    return " ".join(subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True).stdout.split())


def test_writes_the_report(capsys, rounds, tmp_path):
    target = tmp_path / "ut" / "Rapport.PDF"
    code, out, err = report_cli(capsys, rounds, "--round", "Känd 2026", "-o", target)
    assert (code, err, out.strip()) == (0, "", f"Skrev {target}")
    assert target.read_bytes().startswith(b"%PDF-")
    text = pdf_text(target)
    assert "Omgång och period Känd 2026 (2026)" in text
    assert "Jämförs med Före 2024 (2026)" in text  # the round's own baseline
    assert list(target.parent.iterdir()) == [target]  # written atomically: no temporary file left


def test_compare_with_a_named_round_and_a_unit(capsys, rounds, tmp_path):
    target = tmp_path / "rapport.pdf"
    code, _, _ = report_cli(capsys, rounds, "--round", "Före 2024", "--compare", "Känd 2026", "-o", target)
    assert code == 0
    assert "Jämförs med Känd 2026 (2026)" in pdf_text(target)
    code, _, _ = report_cli(capsys, rounds, "--round", "Känd 2026", "--unit", "Söder", "-o", target)
    assert code == 0
    text = pdf_text(target)
    assert "Enhet Söder" in text
    assert "Granskningen omfattar 0 ärenden" in text


def test_english_messages(capsys, rounds, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    target = tmp_path / "report.pdf"
    code, out, _ = report_cli(capsys, rounds, "--round", "Känd 2026", "-o", target)
    assert (code, out.strip()) == (0, f"Wrote {target}")
    code, _, err = report_cli(capsys, rounds, "-o", target)
    assert (code, err.strip()) == (
        1,
        "error: Say which round the report is about with --round NAME (see 'reviewer round list')",
    )


def test_refusals(capsys, rounds, tmp_path):
    target = tmp_path / "rapport.pdf"
    code, _, err = report_cli(capsys, rounds, "-o", target)
    assert (code, err.strip()) == (
        1,
        "fel: Ange vilken omgång rapporten gäller med --round NAMN (se 'reviewer round list')",
    )
    code, _, err = report_cli(capsys, rounds, "--round", "Känd 2026", "-o", tmp_path / "rapport.txt")
    assert (code, err.strip()) == (1, "fel: Rapporten skrivs som PDF; ge filen ändelsen .pdf (rapport.txt)")
    code, _, err = report_cli(capsys, rounds, "--round", "Känd 2026", "--min-cell", "5", "-o", target)
    assert (code, err.strip()) == (1, "fel: --min-cell gäller bara den anonymiserade rapporten (--anonymised)")
    code, _, err = report_cli(
        capsys, rounds, "--round", "Känd 2026", "--round", "Före 2024", "--compare", "Före 2024", "-o", target
    )
    assert code == 1
    assert "en omgång i taget" in err
    code, _, err = report_cli(capsys, rounds, "--round", "Finns inte", "-o", target)
    assert (code, err.strip()) == (1, "fel: Det finns ingen omgång som heter 'Finns inte'")
    assert not target.exists()
    with pytest.raises(SystemExit):
        main(["report", "--data-dir", str(rounds), "--round", "Känd 2026"])  # -o is required


def test_the_only_round_is_the_default(capsys, data_dir, tmp_path):
    main(["round", "create", "Ensam 2026", "--checklist", "missbruk", "--period", "2026", "--data-dir", str(data_dir)])
    capsys.readouterr()
    target = tmp_path / "ensam.pdf"
    code, _, err = report_cli(capsys, data_dir, "-o", target)
    assert (code, err) == (0, "")
    text = pdf_text(target)
    assert "Omgång och period Ensam 2026 (2026)" in text
    assert "Granskningen omfattar 0 ärenden" in text


def test_the_anonymised_report(capsys, rounds, tmp_path):
    target = tmp_path / "till-namnden.pdf"
    code, _, err = report_cli(capsys, rounds, "--round", "Känd 2026", "--anonymised", "--min-cell", "5", "-o", target)
    assert (code, err) == (0, "")
    text = pdf_text(target)
    assert "Anonymiserad sammanställning" in text
    assert "Intern rapport" not in text
    assert "Granskningen omfattar 99 ärenden om kvinnor och män" in text  # two annat, one okänt: each fewer than k
    code, _, _ = report_cli(capsys, rounds, "--round", "Känd 2026", "--anonymised", "--min-cell", "10", "-o", target)
    assert code == 0
    assert "x = dolt: färre än 10 ärenden" in pdf_text(target)


def test_anonymised_refusals(capsys, rounds, tmp_path):
    target = tmp_path / "rapport.pdf"
    code, _, err = report_cli(capsys, rounds, "--round", "Känd 2026", "--anonymised", "--min-cell", "2", "-o", target)
    assert code == 1
    assert err.startswith("fel: Minsta antal ärenden per cell måste vara minst 3 (angivet: 2)")
    code, _, err = report_cli(capsys, rounds, "--round", "Före 2024", "--anonymised", "--min-cell", "20", "-o", target)
    assert code == 1
    assert "färre än 20 granskade ärenden" in err
    assert not target.exists()


def test_a_trend_over_three_rounds(capsys, data_dir, tmp_path):
    from tests.services.test_report_trend import add_rounds

    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            add_rounds(session)
    finally:
        app.close()
    target = tmp_path / "trend.pdf"
    names = ["--round", "År 2024", "--round", "År 2025", "--round", "År 2026"]
    code, _, err = report_cli(capsys, data_dir, *names, "--trend", "--anonymised", "-o", target)
    assert (code, err) == (0, "")
    text = pdf_text(target)
    assert "Trend över omgångarna År 2024 – År 2025 – År 2026." in text
    assert "skillnaden har minskat" in text
    code, _, err = report_cli(capsys, data_dir, *names[:4], "--trend", "-o", target)
    assert (code, err.strip()) == (1, "fel: En trend behöver minst tre omgångar; jämför två omgångar med före/efter")
    code, _, err = report_cli(capsys, data_dir, *names, "--trend", "--compare", "År 2024", "-o", target)
    assert (code, err.strip()) == (1, "fel: Välj antingen --trend eller --compare")

"""`reviewer --self-test`: the real start, reporting what it found; what CI and IT run against an installed program."""

from PySide6.QtWidgets import QApplication

from reviewer.ui import app as ui_app
from reviewer.ui.about_dialog import third_party_components
from reviewer.ui.icon import application_icon


def test_a_first_start_passes_and_reports_the_swedish_window(tmp_path, qapp, swedish, capsys):
    assert ui_app.run_gui(tmp_path / "d", None, ["reviewer"], self_test=True) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "title: Jämställdhetsgranskning",
        "areas: Granskningar | Checklistor | Utbildning | Sammanställning | Export och rapport",
        f"database: {tmp_path / 'd' / 'reviewer.sqlite'}",
        "icon sizes: 16, 24, 32, 48, 64, 128, 256, 512",
        "dialogs closed: Välkommen",
        f"licences: EUPL-1.2, LGPL-3.0, GPL-3.0 and {len(third_party_components('sv'))} third-party notices",
        "self-test: ok",
    ]
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_a_start_that_ends_in_an_error_dialog_fails(tmp_path, qapp, swedish, capsys):
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    (data_dir / "reviewer.sqlite").write_bytes(b"not a database at all" * 64)
    assert ui_app.run_gui(data_dir, None, ["reviewer"], self_test=True) == 1
    assert "self-test: error dialog: " in capsys.readouterr().err
    assert (data_dir / "reviewer.sqlite").read_bytes() == b"not a database at all" * 64


def test_the_icon_has_every_size_from_16_to_512(qapp):
    sizes = sorted(size.width() for size in application_icon().availableSizes())
    assert sizes == [16, 24, 32, 48, 64, 128, 256, 512]

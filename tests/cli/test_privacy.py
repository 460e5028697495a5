"""Files are private and logs hold no case data: every command run over planted data, with a umask that would
make files readable by everyone."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
import yaml

from tests.faults import assert_nothing_planted, cli, log_text, planted_csv

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")]
ROUND = "ZZUNIT runda"


def ok(*args, data_dir, **kw):
    result = cli(*args, data_dir=data_dir, umask=0, **kw)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


def written_files(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*"))


def test_every_command_writes_private_files_and_logs_no_case_data(tmp_path):
    data, chief, out = tmp_path / "caseworker", tmp_path / "chief", tmp_path / "out"
    out.mkdir()
    sheet = planted_csv(tmp_path / "tidigare.csv", 40)
    passphrase = tmp_path / "lösen.txt"
    passphrase.write_text("ett långt och hemligt lösenord\n", encoding="utf-8")

    ok("round", "create", ROUND, "--checklist", "missbruk", "--period", "2024", data_dir=data)
    ok("cases", "import", sheet, "--round", ROUND, "--reviewer", "ZZREVIEWER9", data_dir=data)
    ok("round", "list", data_dir=data)
    ok("checklist", "list", data_dir=data)
    ok("checklist", "show", "missbruk", data_dir=data)
    ok("checklist", "export", "missbruk@3", "-o", out / "missbruk.yaml", data_dir=data)
    ok("checklist", "validate", out / "missbruk.yaml", data_dir=data)
    draft = yaml.safe_load((out / "missbruk.yaml").read_text(encoding="utf-8"))
    draft["version"], draft["previous"] = 4, {"version": 3}
    (out / "missbruk-4.json").write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    ok("checklist", "import", out / "missbruk-4.json", "--draft", data_dir=data)
    ok("checklist", "publish", "missbruk@4", data_dir=data)
    ok("checklist", "retire", "missbruk@3", data_dir=data)
    ok("demo", "--cases", "6", data_dir=data)
    ok("aggregate", "--round", ROUND, "--format", "json", "-o", out / "resultat.json", data_dir=data)
    ok("aggregate", "--round", ROUND, data_dir=data)
    ok("export", "-o", out / "anonym.csv", "--round", ROUND, data_dir=data)
    ok("report", "-o", out / "rapport.pdf", "--round", ROUND, data_dir=data)
    ok("exchange", "export", "-o", out / "till-chefen.granskning", "--by", "ZZREVIEWER1", data_dir=data)
    ok("exchange", "export", "-o", out / "krypterad.granskning", "--passphrase-file", passphrase, data_dir=data)
    ok("exchange", "import", out / "till-chefen.granskning", data_dir=chief)
    ok("exchange", "import", out / "krypterad.granskning", "--passphrase-file", passphrase, data_dir=chief)
    ok("db", "check", data_dir=data)
    ok("db", "recount", data_dir=data)
    backup = ok("db", "backup", data_dir=data).stdout.split(": ", 1)[1].strip()
    ok("db", "backup", "-o", tmp_path / "usb", data_dir=data)
    ok("db", "backups", data_dir=data)
    ok("db", "restore", backup, data_dir=data)
    refused = cli("cases", "import", sheet, "--round", "ingen sådan", data_dir=data, umask=0)
    assert refused.returncode == 1

    mine = [p for p in written_files(data, chief, out, tmp_path / "usb") if p.name != "missbruk-4.json"]
    assert any(p.name.endswith("-wal") or p.name.endswith(".log") for p in mine)
    wrong = [
        f"{p.relative_to(tmp_path)} {stat.filemode(p.stat().st_mode)}"
        for p in mine
        if stat.S_IMODE(p.stat().st_mode) != (0o700 if p.is_dir() else 0o600)
    ]
    assert wrong == [], "every file the program wrote is 0600 and every folder 0700"
    assert_nothing_planted(log_text(data), log_text(chief))

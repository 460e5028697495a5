"""Starting a training round from the pack list: a built-in pack or an imported one, by slug and version."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reviewer.services.training import TrainingError, import_pack, list_packs
from reviewer.services.training_session import start_pack_round, training_round_uuids
from reviewer.storage.models import RoundKind

ROOT = Path(__file__).parents[2]


def test_a_new_round_of_a_built_in_or_an_imported_pack(app, tmp_path):
    data = yaml.safe_load((ROOT / "resources/training/missbruk.yaml").read_text("utf-8"))
    data.update(slug="eget", title={"sv": "Eget paket"})
    path = tmp_path / "eget.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with app.db.session() as session:
        built_in = start_pack_round(session, "fardtjanst-ovning", 2, "KF")  # the built-in pack answering version 3
        assert built_in.kind is RoundKind.TRAINING
        imported = import_pack(session, path, "KF")
        again = start_pack_round(session, "eget", imported.pack.version, "KF")
        assert again.name == f"{imported.round_name} (2)"
        uuids = training_round_uuids(session)
        assert set(uuids) == {built_in.name, imported.round_name, again.name}
        assert (uuids[built_in.name], uuids[again.name]) == (built_in.uuid, again.uuid)
        eget = next(p for p in list_packs(session) if p.slug == "eget")
        assert eget.round_names == (imported.round_name, again.name)
        with pytest.raises(TrainingError, match="The pack okant version 1 is not here"):
            start_pack_round(session, "okant", 1)

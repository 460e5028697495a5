"""Fuzzing the exchange reader and import: random bytes, truncations, flipped bits in encrypted files, and edits of
the content with every checksum recomputed. Only the documented errors (ExchangeError and its subclasses) may come
out, a refused file writes nothing, and each example takes bounded time."""

from __future__ import annotations

import copy
import gzip
import hashlib
import json
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.bootstrap import bootstrap
from reviewer.services.exchange import ExchangeError, Resolution, apply_import, plan_import, read_exchange
from reviewer.services.exchange.envelope import MAGIC, seal
from reviewer.services.exchange.format import canonical_json
from tests.services.exchange.helpers import export_two_cases, fingerprint, save_document

FUZZ = settings(
    max_examples=40,
    deadline=timedelta(seconds=5),  # a bomb or a loop would take far longer; the machine is shared
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PASSPHRASE = "lösen"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A caseworker's export (plain, encrypted, as a document) and a chief's database that imports what is sound."""
    root = tmp_path_factory.mktemp("fuzz")
    source = bootstrap(data_dir=root / "source")
    try:
        exported = export_two_cases(source, root / "ab.granskning")
    finally:
        source.close()
    chief = bootstrap(data_dir=root / "chief")
    data = exported.read_bytes()
    yield {
        "root": root,
        "gzip": data,
        "sealed": seal(data, PASSPHRASE),
        "document": json.loads(gzip.decompress(data)),
        "places": [p for p in _paths(json.loads(gzip.decompress(data))["content"]) if p],
        # outside the checklist definitions, whose own hashes an edit would break at once
        "record_places": [
            p for p in _paths(json.loads(gzip.decompress(data))["content"]) if p and p[0] != "checklist_versions"
        ],
        "chief": chief,
    }
    chief.close()


def refused_or_read(path, passphrase=None):
    try:
        return read_exchange(path, passphrase)
    except ExchangeError as error:
        refusal = error
    assert refusal.text("sv")
    assert refusal.text("en")
    return None


@FUZZ
@given(
    prefix=st.sampled_from([b"", b"\x1f\x8b", b"\x1f\x8b\x08\x00", MAGIC, MAGIC + b"\x01\x0f\x08\x01", b"{"]),
    body=st.binary(max_size=400),
)
def test_random_bytes_are_refused_with_a_message(world, tmp_path, prefix, body):
    path = tmp_path / "random.granskning"
    path.write_bytes(prefix + body)
    assert refused_or_read(path, PASSPHRASE) is None


@FUZZ
@given(form=st.sampled_from(["gzip", "json", "sealed"]), fraction=st.floats(min_value=0, max_value=1, exclude_max=True))
def test_a_truncated_file_is_refused_with_a_message(world, tmp_path, form, fraction):
    data = gzip.decompress(world["gzip"]) if form == "json" else world[form]
    path = tmp_path / "cut.granskning"
    path.write_bytes(data[: int(len(data) * fraction)])
    assert refused_or_read(path, PASSPHRASE) is None


@settings(FUZZ, max_examples=12)  # each example derives a key with scrypt
@given(data=st.data())
def test_a_flipped_bit_in_an_encrypted_file_is_refused(world, tmp_path, data):
    sealed = bytearray(world["sealed"])
    position = data.draw(st.integers(min_value=0, max_value=len(sealed) - 1))
    sealed[position] ^= 1 << data.draw(st.integers(min_value=0, max_value=7))
    path = tmp_path / "flipped.granskning"
    path.write_bytes(bytes(sealed))
    assert refused_or_read(path, PASSPHRASE) is None


def _paths(node, place=()):
    yield place
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*place, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*place, index))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["ja", "nej", "complete", "not_started", "kvinna", "2024-01-15T10:00:00+00:00", "811228-9874"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)


def _save(path, document):
    """Written with every checksum recomputed; where an edit broke the shape the recomputing needs, only the
    manifest's hash is recomputed (the reader then refuses the shape)."""
    try:
        return save_document(path, copy.deepcopy(document))
    except (KeyError, TypeError, AttributeError):
        document["manifest"]["content_sha256"] = hashlib.sha256(
            canonical_json(document["content"]).encode()
        ).hexdigest()
        return save_document(path, document, rehash=False)


def _edited(world, data, places="places", fewest=1):
    """The document with one to three edits at places drawn from the original's (edits that no longer fit after an
    earlier one are skipped, so what is drawn never depends on the edited content)."""
    document = copy.deepcopy(world["document"])
    content = document["content"]
    for _ in range(data.draw(st.integers(min_value=fewest, max_value=3))):
        place = data.draw(st.sampled_from(world[places]))
        action = data.draw(st.sampled_from(["replace", "delete", "duplicate", "retext"]))
        value = copy.deepcopy(data.draw(json_values))  # hypothesis may hand out the same value again
        text = data.draw(st.text(max_size=12))
        try:
            parent = content
            for part in place[:-1]:
                parent = parent[part]
            if action == "delete" and isinstance(parent, dict):
                del parent[place[-1]]
            elif action == "duplicate" and isinstance(parent, list):
                parent.append(copy.deepcopy(parent[place[-1]]))
            elif action == "retext":  # a text changed to another: often still a sound file
                if isinstance(parent[place[-1]], str):
                    parent[place[-1]] = parent[place[-1]][:3] + text
            else:
                parent[place[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    return document


@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_edited_content_with_recomputed_checksums_is_read_or_refused_with_a_message(world, tmp_path, data):
    refused_or_read(_save(tmp_path / "edited.json", _edited(world, data)))


@settings(FUZZ, max_examples=25)
@given(data=st.data())
def test_an_edited_file_the_reader_accepts_is_imported_or_refused_without_writing(world, tmp_path, data):
    read = refused_or_read(_save(tmp_path / "edited.json", _edited(world, data, "record_places", fewest=0)))
    if read is None:
        return
    world["imported"] = world.get("imported", 0) + 1
    chief = world["chief"]
    before = fingerprint(chief)
    with chief.db.session() as session:
        try:
            apply_import(session, plan_import(session, [read]), Resolution.BOTH, "AB")
        except ExchangeError as error:
            refusal = error
        else:
            return
    assert refusal.text("sv")
    assert refusal.text("en")
    assert fingerprint(chief) == before


def test_the_import_fuzzing_reached_the_database(world):
    """The test above is only worth its time if some edited files got past the reader (it runs first)."""
    assert world.get("imported", 0) > 0

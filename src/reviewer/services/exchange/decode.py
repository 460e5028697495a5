"""From the bytes of an exchange file to its JSON document: size caps, decryption, streamed decompression with a
cap, JSON, the format's name and version, the manifest's hash, and no NUL character in any text.

A gzip bomb is the reason decompression is streamed: a small file may unpack to gigabytes. The plain form may be at
most MAX_RATIO times the file (real exports unpack to 4-11 times their size), at least MIN_PLAIN_CAP and never more
than MAX_PLAIN_BYTES; a first pass only counts what the stream unpacks to, in small chunks, so a bomb is refused after
unpacking at most the cap and without holding it, in a fraction of a second and a few MB of memory.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from pathlib import Path
from typing import Any, NoReturn

from reviewer.domain.personnummer import redact
from reviewer.domain.text import Message
from reviewer.services.exchange.envelope import is_sealed, unseal
from reviewer.services.exchange.errors import ExchangeFormatError
from reviewer.services.exchange.format import FORMAT_NAME, FORMAT_VERSION, canonical_json
from reviewer.services.files import read_bytes

GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"
MAX_FILE_BYTES = 256 * 1024 * 1024  # a real export of 9 000 reviews is under 2 MB
MAX_PLAIN_BYTES = 1 << 30
MAX_RATIO = 50
MIN_PLAIN_CAP = 8 * 1024 * 1024
CHUNK = 256 * 1024


def read_document(path: Path, passphrase: str | None, name: str) -> tuple[dict[str, Any], bytes, bool]:
    """The checked JSON document, its plain bytes (what the file's hash is over) and whether it was encrypted."""
    data = read_bytes(path, name, format_error, MAX_FILE_BYTES)
    encrypted = is_sealed(data)
    if encrypted:
        data = unseal(data, passphrase, name)
    plain = decompress(data, name)
    document = _parse_json(plain, name)
    _check_format(document, name)
    _check_content_hash(document, name)
    if b"\\u0000" in plain:  # JSON can only write a NUL character in a string as \u0000
        _refuse_nul(document, name)
    return document, plain, encrypted


def plain_limit(compressed: int) -> int:
    """How large the plain form of a compressed file of this size may be."""
    return min(MAX_PLAIN_BYTES, max(MIN_PLAIN_CAP, MAX_RATIO * compressed))


def decompress(data: bytes, name: str) -> bytes:
    """The JSON document's bytes, from gzip or as they are."""
    if not data:
        raise format_error(f"Filen {name} är tom.", f"The file {name} is empty.")
    if data.startswith(GZIP_MAGIC):
        limit = plain_limit(len(data))
        _inflate(data, name, limit, keep=False)
        return _inflate(data, name, limit, keep=True)
    if data.lstrip(UTF8_BOM + b" \t\r\n").startswith(b"{"):
        return data
    raise _not_exchange_file(name)


def _inflate(data: bytes, name: str, limit: int, *, keep: bool) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    parts: list[bytes] = []
    size = 0
    pending = data
    try:
        while True:
            chunk = inflater.decompress(pending, CHUNK)
            size += len(chunk)
            if size > limit:
                raise damaged(
                    name,
                    f"den packas upp till mer än {limit // 1_000_000} MB, orimligt mycket för sin storlek",
                    f"it unpacks to more than {limit // 1_000_000} MB, unreasonably much for its size",
                )
            if keep:
                parts.append(chunk)
            pending = inflater.unconsumed_tail
            if inflater.eof or not (chunk or pending):
                break
    except zlib.error:
        raise damaged(name, "komprimeringen är trasig", "the compression is broken") from None
    if not inflater.eof:
        raise _truncated(name)
    if inflater.unused_data:
        raise damaged(name, "data efter filens slut", "data after the end of the file")
    return b"".join(parts)


def _refuse_nul(document: Any, name: str) -> None:
    place = _nul_at(document, ())
    if place is not None:
        where = ".".join(place)
        raise format_error(
            f"Filen {name} kan inte importeras: texten i {where} innehåller ett NUL-tecken (tecken 0), som ingen "
            "text får innehålla. Be om en ny export.",
            f"The file {name} cannot be imported: the text at {where} contains a NUL character (character 0), which "
            "no text may contain. Ask for a new export.",
        )


def _nul_at(node: Any, place: tuple[str, ...]) -> tuple[str, ...] | None:
    """Where the first NUL character is (a key counts as well as a value), or None."""
    if isinstance(node, str):
        return place if "\x00" in node else None
    items: Any = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        part = key if isinstance(key, str) else str(key)
        if "\x00" in part:
            return (*place, redact(part.replace("\x00", "\\0")))
        found = _nul_at(value, (*place, part))
        if found is not None:
            return found
    return None


def format_error(sv: str, en: str) -> ExchangeFormatError:
    return ExchangeFormatError(Message(sv, en))


def _not_exchange_file(name: str) -> ExchangeFormatError:
    return format_error(
        f"Filen {name} är ingen utbytesfil från granskningsprogrammet.",
        f"The file {name} is not an exchange file from the review program.",
    )


def _truncated(name: str) -> ExchangeFormatError:
    return format_error(
        f"Filen {name} är avkortad (den tar slut för tidigt). Kopiera den igen från originalet eller be om en ny "
        "export.",
        f"The file {name} is truncated (it ends too early). Copy it again from the original or ask for a new export.",
    )


def damaged(name: str, detail_sv: str, detail_en: str) -> ExchangeFormatError:
    return format_error(
        f"Filen {name} är skadad ({detail_sv}). Be om en ny export.",
        f"The file {name} is damaged ({detail_en}). Ask for a new export.",
    )


def _refuse_constant(constant: str) -> NoReturn:
    raise ValueError(f"{constant} is not a JSON number")


def _parse_json(plain: bytes, name: str) -> Any:
    try:
        text = plain.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":  # cut inside a character
            raise _truncated(name) from None
        raise damaged(name, "inte UTF-8", "not UTF-8") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        complete = text.rstrip()
        if not complete.endswith("}") or error.pos >= len(complete):  # the document (an object) never ends
            raise _truncated(name) from None
        raise damaged(name, f"ogiltig JSON på rad {error.lineno}", f"invalid JSON at line {error.lineno}") from None
    except (ValueError, RecursionError):
        raise damaged(name, "ogiltig JSON", "invalid JSON") from None


def _check_format(document: Any, name: str) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise _not_exchange_file(name)
    version = document.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise format_error(
            f"Filen {name} är skapad av en nyare version av programmet (formatversion {version}; den här versionen "
            f"läser version {FORMAT_VERSION}). Uppdatera programmet och försök igen.",
            f"The file {name} was made by a newer version of the program (format version {version}; this version "
            f"reads version {FORMAT_VERSION}). Update the program and try again.",
        )
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise format_error(
            f"Filen {name} har ett okänt format (formatversion {version!r}).",
            f"The file {name} has an unknown format (format version {version!r}).",
        )


def _check_content_hash(document: dict[str, Any], name: str) -> None:
    manifest = document.get("manifest")
    expected = manifest.get("content_sha256") if isinstance(manifest, dict) else None
    if not isinstance(expected, str) or "content" not in document:
        raise damaged(name, "manifestet saknas eller är ofullständigt", "the manifest is missing or incomplete")
    actual = hashlib.sha256(canonical_json(document["content"]).encode("utf-8")).hexdigest()
    if actual != expected:
        raise format_error(
            f"Filen {name} har ändrats efter exporten: innehållet stämmer inte med manifestets kontrollsumma. "
            "Be om en ny export.",
            f"The file {name} was changed after it was exported: the content does not match the manifest's "
            "checksum. Ask for a new export.",
        )

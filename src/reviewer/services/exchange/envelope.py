"""The encrypted form of an exchange file: a small binary container around the plain form.

Layout (all integers big-endian)::

    offset  size  field
     0      10    magic b"REVIEWERX\\x00"
    10       1    container version (1)
    11       1    scrypt cost as log2(n) (15)
    12       1    scrypt block size r (8)
    13       1    scrypt parallelism p (1)
    14      16    salt (random)
    30      12    AES-GCM nonce (random)
    42       8    length of what follows (ciphertext + 16-byte tag)
    50       …    AES-256-GCM ciphertext of the plain form, tag appended

The key is scrypt(passphrase as NFC-normalised UTF-8, salt, n, r, p) → 32 bytes. The 50 header bytes are the
associated data, so a changed parameter, salt or length fails authentication like a changed ciphertext does; the
length field lets a cut-off file be called truncated instead of "wrong passphrase". scrypt with n = 2^15, r = 8 needs
128·n·r = 32 MiB and about a tenth of a second, which is the point: guessing passphrases is slow. The passphrase is
never stored or logged.
"""

from __future__ import annotations

import os
import struct
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from reviewer.domain.text import Message
from reviewer.services.exchange.errors import (
    ExchangeFormatError,
    PassphraseRequiredError,
    WrongPassphraseError,
)

MAGIC = b"REVIEWERX\x00"
CONTAINER_VERSION = 1
LOG2_N, R, P = 15, 8, 1
SALT_BYTES, NONCE_BYTES, TAG_BYTES = 16, 12, 16
_HEADER = struct.Struct(f">{len(MAGIC)}sBBBB{SALT_BYTES}s{NONCE_BYTES}sQ")
HEADER_BYTES = _HEADER.size
# A header may ask for any cost; these bounds keep a hostile file from asking for gigabytes of memory.
MAX_SCRYPT_MEMORY = 256 * 1024 * 1024
MAX_LOG2_N, MAX_R, MAX_P = 20, 32, 16


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


def _key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(secret)


def seal(plain: bytes, passphrase: str) -> bytes:
    """The container holding `plain`, encrypted with a key derived from the passphrase."""
    if not passphrase:
        raise PassphraseRequiredError(Message("Lösenfrasen får inte vara tom", "The passphrase must not be empty"))
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    header = _HEADER.pack(MAGIC, CONTAINER_VERSION, LOG2_N, R, P, salt, nonce, len(plain) + TAG_BYTES)
    ciphertext = AESGCM(_key(passphrase, salt, LOG2_N, R, P)).encrypt(nonce, plain, header)
    return header + ciphertext


def unseal(data: bytes, passphrase: str | None, name: str) -> bytes:
    """The plain form inside the container; `name` (already free of personal data) is for messages."""
    if len(data) < HEADER_BYTES:
        raise ExchangeFormatError(
            Message(
                f"Filen {name} är avkortad: den krypterade filen slutar redan i sitt huvud. Be om en ny kopia.",
                f"The file {name} is truncated: the encrypted file ends inside its header. Ask for a new copy.",
            )
        )
    magic, version, log2_n, r, p, salt, nonce, length = _HEADER.unpack_from(data)
    assert magic == MAGIC
    if version > CONTAINER_VERSION:
        raise ExchangeFormatError(
            Message(
                f"Filen {name} är krypterad av en nyare version av programmet; uppdatera programmet för att läsa den.",
                f"The file {name} was encrypted by a newer version of the program; update the program to read it.",
            )
        )
    if version < 1 or not (1 <= log2_n <= MAX_LOG2_N and 1 <= r <= MAX_R and 1 <= p <= MAX_P):
        raise _damaged(name)
    if 128 * r * 2**log2_n > MAX_SCRYPT_MEMORY:
        raise _damaged(name)
    body = memoryview(data)[HEADER_BYTES:]
    if len(body) < length:
        raise ExchangeFormatError(
            Message(
                f"Filen {name} är avkortad: {len(body)} av {length} krypterade byte finns. Kopiera den igen från "
                "originalet.",
                f"The file {name} is truncated: {len(body)} of {length} encrypted bytes are there. Copy it again "
                "from the original.",
            )
        )
    if len(body) > length or length < TAG_BYTES:
        raise _damaged(name)
    if not passphrase:
        raise PassphraseRequiredError(
            Message(
                f"Filen {name} är krypterad; ange lösenfrasen som den krypterades med.",
                f"The file {name} is encrypted; give the passphrase it was encrypted with.",
            )
        )
    try:
        return AESGCM(_key(passphrase, salt, log2_n, r, p)).decrypt(nonce, bytes(body), data[:HEADER_BYTES])
    except InvalidTag:
        raise WrongPassphraseError(
            Message(
                f"Filen {name} kunde inte dekrypteras: fel lösenfras, eller så har filen ändrats.",
                f"The file {name} could not be decrypted: wrong passphrase, or the file has been changed.",
            )
        ) from None


def _damaged(name: str) -> ExchangeFormatError:
    return ExchangeFormatError(
        Message(
            f"Filen {name} är skadad: den krypterade filens huvud är ogiltigt. Be om en ny kopia.",
            f"The file {name} is damaged: the encrypted file's header is invalid. Ask for a new copy.",
        )
    )

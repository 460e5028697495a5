"""Reading an exchange file: decrypting, decompressing and checking every record, without touching the database.

Everything that can be checked from the file alone is checked here, so that the import proper (`importer`) only has
to compare with the database: the format and its version, the manifest's hash and counts, each record's shape
(pydantic, extra fields refused), each answer against its question, and every free text for personnummer.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from reviewer.checklists.answers import AnswerError, AnswerValue, EncodedAnswer, content_sha256, encode
from reviewer.checklists.loader import ChecklistFileError, parse_checklist
from reviewer.checklists.schema import ChecklistDefinition, QuestionType
from reviewer.domain.personnummer import PersonnummerError, guard_text, redact
from reviewer.domain.text import Message, ReviewerError
from reviewer.services.cases import CaseError, CaseInput, check_case
from reviewer.services.exchange.decode import damaged, format_error, read_document
from reviewer.services.exchange.errors import ExchangeError, ExchangeFormatError
from reviewer.services.exchange.format import (
    AnswerRecord,
    ExchangeContent,
    ExchangeDocument,
    Manifest,
    checklist_ref,
)
from reviewer.services.memory import collector_paused
from reviewer.services.reviews import MAX_TEXT, status_problem

MAX_REPORTED = 5
MAX_REMEMBERED = 200_000  # distinct answers an encoder keeps (a few tens of MB at most)

REVIEWER_FIELD = Message("Granskare", "Reviewer")
NOTE_FIELD = Message("Anteckning", "Note")
EXPORTED_BY_FIELD = Message("Exporterad av", "Exported by")
ROUND_NAME_FIELD = Message("Omgångens namn", "Round name")
PERIOD_FIELD = Message("Period", "Period")
SAMPLING_FIELD = Message("Urvalets beskrivning", "The sample's description")


@dataclass(frozen=True)
class PreparedReview:
    """A review's answers as the database stores them, and the fingerprint the database keeps for them."""

    reviewer: str
    answers: dict[str, tuple[EncodedAnswer, str | None]]
    content_sha256: str


@dataclass(frozen=True, eq=False)
class ExchangeFile:
    """A read and fully checked exchange file, ready to be compared with a database."""

    name: str  # the file's name, free of personnummer, for messages and the import record
    file_sha256: str  # of the plain JSON document, so the encrypted and the plain copy are the same file
    encrypted: bool
    manifest: Manifest
    content: ExchangeContent
    definitions: dict[str, ChecklistDefinition]  # by slug@version
    case_facts: dict[str, CaseInput]  # by case uuid, cleaned as the program stores them
    prepared: dict[str, PreparedReview]  # by review uuid


def read_exchange(path: Path, passphrase: str | None = None) -> ExchangeFile:
    """Read and check one file; raises an ExchangeError subclass saying what is wrong. Writes nothing."""
    with collector_paused():
        return _read(Path(path), passphrase)


def _read(path: Path, passphrase: str | None) -> ExchangeFile:
    name = redact(path.name)[:260]
    document, plain, encrypted = read_document(path, passphrase, name)
    try:
        parsed = ExchangeDocument.model_validate(document)
    except ValidationError as error:
        raise _invalid_structure(name, error) from None
    _check_counts(parsed, name)
    checker = _RecordChecker(name)
    try:
        exported_by = parsed.manifest.exported_by
        guard_text(exported_by, EXPORTED_BY_FIELD)
        definitions = checker.checklists(parsed.content)
        checker.rounds(parsed.content, definitions)
        case_facts = checker.cases(parsed.content, definitions)
        checker.sampling(parsed.content)
        prepared = checker.reviews(parsed.content, definitions)
    except ExchangeError:
        raise
    except ReviewerError as error:
        checker.refuse(None, error.message)
    return ExchangeFile(
        name=name,
        file_sha256=hashlib.sha256(plain).hexdigest(),
        encrypted=encrypted,
        manifest=parsed.manifest,
        content=parsed.content,
        definitions=definitions,
        case_facts=case_facts,
        prepared=prepared,
    )


def _invalid_structure(name: str, error: ValidationError) -> ExchangeFormatError:
    """Where the records break the format; pydantic's messages name the place and the rule, never the value."""
    problems = error.errors(include_input=False, include_url=False)
    shown = "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}" for problem in problems[:MAX_REPORTED]
    )
    more_sv = f" (och {len(problems) - MAX_REPORTED} fel till)" if len(problems) > MAX_REPORTED else ""
    more_en = f" (and {len(problems) - MAX_REPORTED} more)" if len(problems) > MAX_REPORTED else ""
    return format_error(
        f"Filen {name} följer inte utbytesformatet: {shown}{more_sv}",
        f"The file {name} does not follow the exchange format: {shown}{more_en}",
    )


def _check_counts(document: ExchangeDocument, name: str) -> None:
    content, counts = document.content, document.manifest.counts
    for index, review in enumerate(content.reviews):
        if type(review.answers) is not dict:
            raise format_error(
                f"Filen {name} följer inte utbytesformatet: content.reviews.{index}.answers ska vara ett objekt",
                f"The file {name} does not follow the exchange format: content.reviews.{index}.answers must be an "
                "object",
            )
    actual = (
        len(content.checklist_versions),
        len(content.rounds),
        len(content.cases),
        len(content.reviews),
        sum(len(review.answers) for review in content.reviews),
    )
    declared = (counts.checklist_versions, counts.rounds, counts.cases, counts.reviews, counts.answers)
    if actual != declared:
        raise damaged(
            name,
            "antalet poster stämmer inte med manifestet",
            "the number of records does not match the manifest",
        )


# ----------------------------------------------------------------------------------------------------------------
# Records


class _RecordChecker:
    """The checks that span records: references, uniqueness, answers against their questions, free text."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.round_checklists: dict[str, str] = {}
        self.case_checklists: dict[str, str] = {}
        self.encoders: dict[str, _AnswerEncoder] = {}

    def refuse(self, where: Message | None, problem: Message) -> NoReturn:
        prefix_sv = f"{where.sv}: " if where else ""
        prefix_en = f"{where.en}: " if where else ""
        raise ExchangeFormatError(
            Message(
                f"Filen {self.name} kan inte importeras. {prefix_sv}{problem.sv}",
                f"The file {self.name} cannot be imported. {prefix_en}{problem.en}",
            )
        )

    def checklists(self, content: ExchangeContent) -> dict[str, ChecklistDefinition]:
        definitions: dict[str, ChecklistDefinition] = {}
        for record in content.checklist_versions:
            ref = checklist_ref(record.slug, record.version)
            where = Message(f"Checklistan {ref}", f"The checklist {ref}")
            if ref in definitions:
                self.refuse(where, Message("finns två gånger", "is there twice"))
            try:
                definition, sha256, encoder = _checklist(record.definition, record.sha256, ref)
            except ChecklistFileError as error:
                self.refuse(where, Message(error.text("sv"), error.text("en")))
            if (definition.slug, definition.version) != (record.slug, record.version):
                self.refuse(where, Message("definitionen har ett annat namn", "the definition has another name"))
            if sha256 != record.sha256:
                self.refuse(
                    where,
                    Message(
                        "definitionen stämmer inte med sin kontrollsumma", "the definition does not match its hash"
                    ),
                )
            definitions[ref] = definition
            self.encoders[ref] = encoder
        return definitions

    def rounds(self, content: ExchangeContent, definitions: dict[str, ChecklistDefinition]) -> None:
        for record in content.rounds:
            where = Message(f"Omgången '{redact(record.name)}'", f"The round '{redact(record.name)}'")
            if record.uuid in self.round_checklists:
                self.refuse(where, Message("finns två gånger", "is there twice"))
            definition = definitions.get(record.checklist)
            if definition is None:
                self.refuse(
                    where,
                    Message(
                        f"checklistan {record.checklist} saknas i filen",
                        f"the checklist {record.checklist} is missing from the file",
                    ),
                )
            if definition.area.value != record.area:
                self.refuse(
                    where, Message("området stämmer inte med checklistan", "the area does not fit the checklist")
                )
            if not record.name.strip():
                self.refuse(where, Message("namnet är tomt", "the name is empty"))
            if record.baseline_round_uuid == record.uuid:
                self.refuse(where, Message("jämförs med sig själv", "is compared with itself"))
            guard_text(record.name, ROUND_NAME_FIELD)
            guard_text(record.period_label, PERIOD_FIELD)
            self.round_checklists[record.uuid] = record.checklist
        used = set(self.round_checklists.values())
        for ref in definitions:
            if ref not in used:
                self.refuse(
                    Message(f"Checklistan {ref}", f"The checklist {ref}"),
                    Message(
                        "används inte av någon omgång i filen (en export tar bara med de checklistor som omgångarna "
                        "använder)",
                        "is not used by any round in the file (an export holds only the checklists its rounds use)",
                    ),
                )

    def cases(self, content: ExchangeContent, definitions: dict[str, ChecklistDefinition]) -> dict[str, CaseInput]:
        facts: dict[str, CaseInput] = {}
        codes: set[tuple[str, str]] = set()
        for record in content.cases:

            def where(code: str = record.case_code) -> Message:
                return Message(f"Ärendet '{redact(code)}'", f"The case '{redact(code)}'")

            if record.uuid in facts:
                self.refuse(where(), Message("finns två gånger", "is there twice"))
            ref = self.round_checklists.get(record.round_uuid)
            if ref is None:
                self.refuse(where(), Message("har ingen omgång i filen", "has no round in the file"))
            try:
                checked = check_case(
                    definitions[ref], CaseInput(record.case_code, record.sex, record.age_band, record.unit)
                )
            except PersonnummerError as error:
                self.refuse(None, error.message)
            except CaseError as error:
                self.refuse(where(), error.message)
            if (record.round_uuid, checked.case_code) in codes:
                self.refuse(where(), Message("finns två gånger i omgången", "is in the round twice"))
            codes.add((record.round_uuid, checked.case_code))
            facts[record.uuid] = checked
            self.case_checklists[record.uuid] = ref
        return facts

    def sampling(self, content: ExchangeContent) -> None:
        """A round's sampling record names only cases of that round in the file, and no personnummer."""
        round_of = {case.uuid: case.round_uuid for case in content.cases}
        for record in content.rounds:
            sampling = record.sampling
            if sampling is None:
                continue
            where = Message(f"Omgången '{redact(record.name)}'", f"The round '{redact(record.name)}'")
            if any(round_of.get(uuid) != record.uuid for uuid in sampling.assignments):
                self.refuse(
                    where,
                    Message(
                        "urvalets fördelning nämner ett ärende som inte finns i omgången",
                        "the sample's assignments name a case that is not in the round",
                    ),
                )
            texts = [sampling.list_.name or "", *sampling.design.reviewers, *(s.unit or "" for s in sampling.strata)]
            texts += [name for names in sampling.assignments.values() for name in names]
            guard_text("\n".join(texts), SAMPLING_FIELD)

    def reviews(
        self, content: ExchangeContent, definitions: dict[str, ChecklistDefinition]
    ) -> dict[str, PreparedReview]:
        prepared: dict[str, PreparedReview] = {}
        taken: set[tuple[str, str]] = set()
        encoders = self.encoders
        codes = {record.uuid: record.case_code for record in content.cases}
        for record in content.reviews:
            reviewer = record.reviewer.strip()

            def where(case_uuid: str = record.case_uuid, reviewer: str = reviewer) -> Message:
                who = redact(reviewer)
                if case_uuid not in codes:
                    return Message(f"En granskning av '{who}'", f"A review by '{who}'")
                code = redact(codes[case_uuid])
                return Message(f"Granskningen av ärende '{code}' av '{who}'", f"The review of case '{code}' by '{who}'")

            if record.uuid in prepared:
                self.refuse(where(), Message("finns två gånger", "is there twice"))
            ref = self.case_checklists.get(record.case_uuid)
            if ref is None:
                self.refuse(where(), Message("har inget ärende i filen", "has no case in the file"))
            if record.checklist != ref:
                self.refuse(
                    where(),
                    Message("är gjord med en annan checklista än omgångens", "uses another checklist than its round"),
                )
            if not reviewer:
                self.refuse(where(), Message("granskarens namn är tomt", "the reviewer's name is empty"))
            guard_text(reviewer, REVIEWER_FIELD)
            if (record.case_uuid, reviewer) in taken:
                self.refuse(where(), Message("finns två gånger", "is there twice"))
            taken.add((record.case_uuid, reviewer))
            try:
                answers, written, canonical, values = encoders[ref].review(record.answers)
            except ReviewerError as error:
                self.refuse(where(), error.message)
            problem = status_problem(definitions[ref], record.status, record.completed_at is not None, values, answers)
            if problem is not None:
                self.refuse(where(), problem)
            fingerprint = content_sha256(written)
            if fingerprint != record.content_sha256:
                self.refuse(
                    where(),
                    Message(
                        "svaren stämmer inte med granskningens kontrollsumma (filen har ändrats)",
                        "the answers do not match the review's checksum (the file was changed)",
                    ),
                )
            if not canonical:
                fingerprint = content_sha256({key: (enc.value_json, note) for key, (enc, note) in answers.items()})
            prepared[record.uuid] = PreparedReview(reviewer, answers, fingerprint)
        return prepared


_CHECKLISTS: dict[str, tuple[dict[str, Any], ChecklistDefinition, str, _AnswerEncoder]] = {}
MAX_CHECKLISTS = 16


def _checklist(data: dict[str, Any], claimed_sha256: str, ref: str) -> tuple[ChecklistDefinition, str, _AnswerEncoder]:
    """A definition from a file, parsed, validated and hashed once per process, with an encoder that remembers the
    answers it has checked: a batch of a hundred files from one round carries the same definition a hundred times.
    Remembered under the hash the file claims, and used again only for a definition equal to the one parsed."""
    known = _CHECKLISTS.get(claimed_sha256)
    if known is not None and known[0] == data:
        return known[1:]
    definition = parse_checklist(json.dumps(data, ensure_ascii=False), ref, "json")
    result = (definition, definition.sha256(), _AnswerEncoder(definition))
    if len(_CHECKLISTS) >= MAX_CHECKLISTS:
        _CHECKLISTS.clear()
    _CHECKLISTS[claimed_sha256] = (copy.deepcopy(data), *result)
    return result


class _AnswerEncoder:
    """`encode` for one checklist, remembering each distinct (question, value): ten thousand reviews hold a few
    thousand distinct answers, so checking each once makes reading fast."""

    def __init__(self, definition: ChecklistDefinition) -> None:
        self.definition = definition
        # (key, type, value) or (key, token) → (stored encoding, JSON text as written, whether the two agree, the
        # value as stored)
        self.known: dict[tuple[Any, ...], tuple[EncodedAnswer, str, bool, AnswerValue]] = {}

    def review(
        self, answers: dict[str, AnswerRecord]
    ) -> tuple[
        dict[str, tuple[EncodedAnswer, str | None]], dict[str, tuple[str, str | None]], bool, dict[str, AnswerValue]
    ]:
        """A review's answers encoded for storage, the values' JSON text as written (for the review's checksum),
        whether the two agree for every answer (they do, unless the file was not written by this program), and the
        values as the review form reads them back (answers with only a note left out)."""
        known = self.known
        stored: dict[str, tuple[EncodedAnswer, str | None]] = {}
        written: dict[str, tuple[str, str | None]] = {}
        values: dict[str, AnswerValue] = {}
        canonical = True
        for key, answer in answers.items():
            if (
                type(answer) is not dict
                or "value" not in answer
                or len(answer) != 1 + ("note" in answer)
                or type(answer.get("note", "")) is not str
            ):
                raise AnswerError(
                    Message(
                        f"svaret på '{key}' ska ha ett värde (value) och kan ha en anteckning (note), inget annat",
                        f"the answer to '{key}' must have a value and may have a note, nothing else",
                    )
                )
            value = answer["value"]
            kind = type(value)
            if kind is str or kind is int:
                token: tuple[Any, ...] | None = (key, kind, value)
            else:
                sub = _token(value)
                token = (key, sub) if sub is not None else None
            hit = known.get(token) if token is not None else None
            if hit is None:
                hit = self._learn(key, value, token)
            note = answer.get("note")
            if note is not None:
                if len(note) > MAX_TEXT:
                    raise AnswerError(Message("anteckningen är för lång", "the note is too long"))
                guard_text(note, NOTE_FIELD)
            stored[key] = (hit[0], note)
            written[key] = (hit[1], note)
            canonical = canonical and hit[2]
            if hit[3] is not None:
                values[key] = hit[3]
        return stored, written, canonical, values

    def _learn(
        self, key: str, value: Any, token: tuple[Any, ...] | None
    ) -> tuple[EncodedAnswer, str, bool, AnswerValue]:
        question = self.definition.question(key)
        if question is None:
            raise AnswerError(
                Message(f"frågan '{key}' finns inte i checklistan", f"the question '{key}' is not in the checklist")
            )
        if question.type is QuestionType.TEXT and isinstance(value, str):
            if len(value) > MAX_TEXT:
                raise AnswerError(
                    Message(
                        f"svaret på frågan ”{question.text.text('sv')}” är för långt",
                        f"the answer to the question “{question.text.text('en')}” is too long",
                    )
                )
            guard_text(value, Message(f"Svaret på '{question.text.sv}'", f"The answer to '{question.text.text('en')}'"))
        encoded = encode(question, value)
        text = json.dumps(value, ensure_ascii=False)
        result = (encoded, text, encoded.value_json == text, json.loads(encoded.value_json))
        if token is not None:
            if len(self.known) >= MAX_REMEMBERED:
                self.known.clear()
            self.known[token] = result
        return result


def _token(value: Any) -> object | None:
    """A hashable stand-in that tells apart values JSON tells apart (1, 1.0, true, "1"), or None for odd shapes."""
    if isinstance(value, list):
        items = tuple((type(item), item) for item in value)
        try:
            hash(items)
        except TypeError:
            return None
        return (list, items)
    if isinstance(value, float):
        return (float, repr(value))
    if isinstance(value, str | int | bool) or value is None:
        return (type(value), value)
    return None

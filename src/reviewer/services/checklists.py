"""Checklist versions in the database: drafts, publishing with key mappings, retiring, and checklist files.

A draft is work in progress: its row holds the raw definition (the file format as JSON) even while it is invalid, so
the editor can autosave every keystroke. Publishing validates it completely, checks that every question of the version
it follows is kept, mapped or retired, and stores the canonical definition, which never changes afterwards.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from reviewer.checklists.loader import (
    ChecklistFileError,
    builtin_checklists,
    definition_from_dict,
    dump_checklist,
    load_checklist_file,
    parse_checklist,
    validate_dict,
)

# Re-exported: the editor reads issues through the services, without reaching below them.
from reviewer.checklists.rules import Issue as Issue
from reviewer.checklists.rules import check_mapping
from reviewer.checklists.schema import FORMAT_VERSION, Area, ChecklistDefinition
from reviewer.checklists.xlsx import read_checklist_xlsx, write_checklist_xlsx
from reviewer.domain.personnummer import guard_text, redact
from reviewer.domain.sex import Subject
from reviewer.domain.text import Message, ReviewerError
from reviewer.services import audit
from reviewer.services.files import write_atomically
from reviewer.storage.models import ChecklistStatus, ChecklistVersion, Round, utcnow

_SLUG = re.compile(r"^[a-z][a-z0-9_-]{0,62}$")

_DEFAULT_AGE_BANDS = {
    Subject.ADULT: [
        ("a18_29", "18–29 år", "18–29"),
        ("a30_49", "30–49 år", "30–49"),
        ("a50_64", "50–64 år", "50–64"),
        ("a65_plus", "65 år och äldre", "65 and over"),
    ],
    Subject.CHILD: [
        ("a0_5", "0–5 år", "0–5"),
        ("a6_12", "6–12 år", "6–12"),
        ("a13_17", "13–17 år", "13–17"),
    ],
}


class ChecklistConflictError(ReviewerError):
    pass


class ChecklistNotFoundError(ReviewerError):
    pass


class ChecklistInvalidError(ChecklistFileError):
    """A stored draft that cannot be used as it is: publishing it, or reading it as a definition, is refused."""

    def __init__(self, slug: str, version: int, issues: list[Issue]) -> None:
        self.source = f"{slug}@{version}"
        self.issues = issues
        count = len(issues)
        ReviewerError.__init__(
            self,
            Message(
                f"Checklistan {slug} version {version} är inte giltig ({count} fel)",
                f"Checklist {slug} version {version} is not valid ({count} error{'' if count == 1 else 's'})",
            ),
        )


class ImportOutcome(StrEnum):
    CREATED = "created"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ChecklistSummary:
    slug: str
    version: int
    area: str
    title: str
    status: ChecklistStatus
    builtin: bool
    question_count: int
    rounds: tuple[str, ...]

    @property
    def round_count(self) -> int:
        return len(self.rounds)


@dataclass(frozen=True)
class PublishPlan:
    """What publishing a draft means for the keys of the version it follows, for the mapping dialog."""

    previous_version: int | None
    kept: list[str]
    unresolved: list[str]
    new_keys: list[str]
    key_map: dict[str, str]
    retired: list[str]


def validate_data(data: dict[str, Any]) -> list[Issue]:
    """Every problem of a definition in file form (empty = valid); pure, and fast enough for each keystroke."""
    return validate_dict(data)


def _row_for(session: Session, slug: str, version: int) -> ChecklistVersion | None:
    return session.exec(
        select(ChecklistVersion).where(ChecklistVersion.slug == slug, ChecklistVersion.version == version)
    ).first()


def _exact_row(session: Session, slug: str, version: int) -> ChecklistVersion:
    row = _row_for(session, slug, version)
    if row is None:
        raise ChecklistNotFoundError(
            Message(f"Det finns ingen checklista '{slug}@{version}'", f"There is no checklist '{slug}@{version}'")
        )
    return row


def _draft_row(session: Session, slug: str, version: int) -> ChecklistVersion:
    row = _exact_row(session, slug, version)
    if row.status is not ChecklistStatus.DRAFT:
        raise ChecklistConflictError(
            Message(
                f"{slug} version {version} är publicerad och kan inte ändras; skapa en ny version i stället.",
                f"{slug} version {version} is published and cannot be changed; create a new version instead.",
            )
        )
    return row


def _canonical_text(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _title_of(data: Mapping[str, Any]) -> str:
    title = data.get("title")
    text = title.get("sv") if isinstance(title, dict) else title
    return text.strip()[:200] if isinstance(text, str) else ""


def _area_of(data: Mapping[str, Any]) -> str:
    area = data.get("area")
    return area if area in {a.value for a in Area} else ""


def _question_keys(data: Mapping[str, Any]) -> list[str]:
    """The question keys of a definition in file form, as far as they can be read."""
    keys: list[str] = []
    sections = data.get("sections")
    for section in sections if isinstance(sections, list) else []:
        questions = section.get("questions") if isinstance(section, dict) else None
        for question in questions if isinstance(questions, list) else []:
            key = question.get("key") if isinstance(question, dict) else None
            if isinstance(key, str):
                keys.append(key)
    return keys


def _raw_question_count(data: Mapping[str, Any]) -> int:
    sections = data.get("sections")
    return sum(
        len(s["questions"])
        for s in (sections if isinstance(sections, list) else [])
        if isinstance(s, dict) and isinstance(s.get("questions"), list)
    )


def add_definition(
    session: Session,
    definition: ChecklistDefinition,
    status: ChecklistStatus = ChecklistStatus.PUBLISHED,
    builtin: bool = False,
    actor: str = "",
) -> ImportOutcome:
    """Store a version; the same content twice is a no-op, different content under a taken version is refused."""
    existing = _row_for(session, definition.slug, definition.version)
    digest = definition.sha256()
    if existing is not None:
        if existing.sha256 == digest:
            return ImportOutcome.UNCHANGED
        raise ChecklistConflictError(
            Message(
                f"Checklistan {definition.slug} version {definition.version} finns redan med annat innehåll. "
                "Ge den nya versionen ett högre versionsnummer.",
                f"Checklist {definition.slug} version {definition.version} already exists with different content. "
                "Give the new version a higher version number.",
            )
        )
    row = ChecklistVersion(
        slug=definition.slug,
        version=definition.version,
        area=definition.area.value,
        title=definition.title.sv,
        status=status,
        builtin=builtin,
        definition_json=definition.canonical_json(),
        sha256=digest,
        published_at=utcnow() if status is ChecklistStatus.PUBLISHED else None,
    )
    session.add(row)
    if not builtin:
        _record(session, actor, row, "import")
    session.commit()
    return ImportOutcome.CREATED


def _record(session: Session, actor: str, row: ChecklistVersion, action: str) -> None:
    audit.record(session, actor, "checklist", row.uuid, action, checklist=f"{row.slug}@{row.version}", title=row.title)


def ensure_builtins(session: Session) -> int:
    """Add shipped checklist versions the database lacks; returns how many were added."""
    added = 0
    for definition in builtin_checklists():
        if _row_for(session, definition.slug, definition.version) is None:
            add_definition(session, definition, ChecklistStatus.PUBLISHED, builtin=True)
            added += 1
    return added


def list_checklists(session: Session) -> list[ChecklistSummary]:
    rounds: dict[int, list[str]] = {}
    for version_id, name in session.exec(select(Round.checklist_version_id, Round.name).order_by(col(Round.name))):
        rounds.setdefault(version_id, []).append(name)
    rows = session.exec(select(ChecklistVersion).order_by(col(ChecklistVersion.slug), col(ChecklistVersion.version)))
    return [
        ChecklistSummary(
            slug=row.slug,
            version=row.version,
            area=row.area,
            title=row.title,
            status=row.status,
            builtin=row.builtin,
            question_count=_raw_question_count(json.loads(row.definition_json)),
            rounds=tuple(rounds.get(row.id or 0, ())),
        )
        for row in rows
    ]


def definition_of(row: ChecklistVersion) -> ChecklistDefinition:
    if row.status is ChecklistStatus.DRAFT:
        data = json.loads(row.definition_json)
        issues = validate_data(data)
        if issues:
            raise ChecklistInvalidError(row.slug, row.version, issues)
        return definition_from_dict(data, f"{row.slug}@{row.version}")
    return parse_checklist(row.definition_json, f"{row.slug}@{row.version}", "json")


def parse_reference(reference: str) -> tuple[str, int | None]:
    """`slug` or `slug@version`."""
    slug, _, version = reference.partition("@")
    if version and not version.isdigit():
        raise ChecklistNotFoundError(
            Message(f"Ogiltigt versionsnummer i '{reference}'", f"Invalid version number in '{reference}'")
        )
    return slug, int(version) if version else None


def get_version(session: Session, slug: str, version: int | None = None) -> ChecklistVersion:
    """A given version, or the newest published one (the newest of any status if none is published)."""
    query = select(ChecklistVersion).where(ChecklistVersion.slug == slug)
    if version is not None:
        query = query.where(ChecklistVersion.version == version)
    rows = list(session.exec(query.order_by(col(ChecklistVersion.version).desc())))
    published = [r for r in rows if r.status is ChecklistStatus.PUBLISHED]
    if not rows:
        name = slug if version is None else f"{slug}@{version}"
        raise ChecklistNotFoundError(Message(f"Det finns ingen checklista '{name}'", f"There is no checklist '{name}'"))
    return (published or rows)[0]


def _refuse_second_draft(session: Session, slug: str) -> None:
    draft = session.exec(
        select(ChecklistVersion).where(ChecklistVersion.slug == slug, ChecklistVersion.status == ChecklistStatus.DRAFT)
    ).first()
    if draft is not None:
        raise ChecklistConflictError(
            Message(
                f"Det finns redan ett utkast av {slug} (version {draft.version}). Arbeta vidare i det, "
                "eller publicera eller ta bort det först.",
                f"There already is a draft of {slug} (version {draft.version}). Continue in it, "
                "or publish or delete it first.",
            )
        )


def _check_new_slug(session: Session, slug: str) -> None:
    if not _SLUG.match(slug):
        shown = redact(slug)
        raise ChecklistConflictError(
            Message(
                f"'{shown}' kan inte vara en checklistas id: använd små bokstäver a–z, siffror, _ och -, "
                "och börja med en bokstav (högst 63 tecken).",
                f"'{shown}' cannot be a checklist id: use lowercase a–z, digits, _ and -, "
                "starting with a letter (at most 63 characters).",
            )
        )
    if session.exec(select(ChecklistVersion.id).where(ChecklistVersion.slug == slug)).first() is not None:
        raise ChecklistConflictError(
            Message(
                f"Det finns redan en checklista med id '{slug}'; välj ett annat id eller utgå från den.",
                f"There already is a checklist with the id '{slug}'; choose another id or start from it.",
            )
        )


def _slug_from_title(session: Session, title: str) -> str:
    """A free slug spelled like the title (å, ä, ö become a, a, o), so a unit chief never has to invent one."""
    plain = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^a-z0-9]+", "_", plain).strip("_").lstrip("0123456789_")[:50] or "checklista"
    taken = set(session.exec(select(ChecklistVersion.slug).where(col(ChecklistVersion.slug).startswith(base))))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}_{number}", number + 1
    return slug


def _store_draft(session: Session, data: dict[str, Any], slug: str, version: int) -> None:
    text = _canonical_text(data)
    session.add(
        ChecklistVersion(
            slug=slug,
            version=version,
            area=_area_of(data),
            title=_title_of(data),
            status=ChecklistStatus.DRAFT,
            definition_json=text,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )
    )
    session.commit()


def _empty_definition(slug: str, title_sv: str, area: Area | None, subject: Subject | None) -> dict[str, Any]:
    bands = _DEFAULT_AGE_BANDS[subject or Subject.ADULT]
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "slug": slug,
        "version": 1,
        "title": {"sv": title_sv},
        "age_bands": [{"value": value, "label": {"sv": sv, "en": en}} for value, sv, en in bands],
        "sections": [
            {
                "key": "avsnitt_1",
                "title": {"sv": ""},
                "questions": [
                    {
                        "key": "fraga_1",
                        "type": "yes_no",
                        "text": {"sv": ""},
                        "required": False,
                        "compare_by_sex": False,
                    }
                ],
            }
        ],
    }
    if area is not None:
        data["area"] = area.value
    if subject is not None:
        data["subject"] = subject.value
    return data


def new_draft(
    session: Session,
    source: tuple[str, int] | None = None,
    *,
    slug: str | None = None,
    title_sv: str = "",
    area: Area | None = None,
    subject: Subject | None = None,
) -> tuple[str, int]:
    """Start a draft: the next version of `source` (or a copy under a new `slug`), or a new checklist.

    A next version records `source` as its previous version, so that publishing asks what became of each of its
    questions. A new checklist gets an id from `slug` or, without one, from the title, and one empty section and
    question to start from; it is invalid until they are written, which a draft may be.
    """
    if source is None:
        if slug is None:
            slug = _slug_from_title(session, title_sv)
        else:
            _check_new_slug(session, slug)
        _store_draft(session, _empty_definition(slug, title_sv, area, subject), slug, 1)
        return slug, 1
    source_row = _exact_row(session, *source)
    data = json.loads(source_row.definition_json)
    if slug is None or slug == source_row.slug:
        slug = source_row.slug
        _refuse_second_draft(session, slug)
        highest = session.exec(select(func.max(ChecklistVersion.version)).where(ChecklistVersion.slug == slug)).one()
        version = (highest or 0) + 1
        data["previous"] = {"version": source_row.version, "key_map": {}, "retired": []}
    else:
        _check_new_slug(session, slug)
        version = 1
        data.pop("previous", None)
    data["slug"], data["version"] = slug, version
    if title_sv:
        data["title"] = {"sv": title_sv}
    if area is not None:
        data["area"] = area.value
    if subject is not None:
        data["subject"] = subject.value
    _store_draft(session, data, slug, version)
    return slug, version


def draft_data(session: Session, slug: str, version: int) -> dict[str, Any]:
    """The draft in file form, exactly as last saved (valid or not)."""
    data: dict[str, Any] = json.loads(_draft_row(session, slug, version).definition_json)
    return data


def save_draft_data(session: Session, slug: str, version: int, data: dict[str, Any]) -> list[Issue]:
    """Store a draft as it is and return its problems; only a personnummer in a text is refused outright."""
    row = _draft_row(session, slug, version)
    if data.get("slug") != slug or data.get("version") != version or isinstance(data.get("version"), bool):
        raise ChecklistConflictError(
            Message(
                f"Utkastet är {slug} version {version}; id och versionsnummer kan inte ändras i det.",
                f"The draft is {slug} version {version}; its id and version number cannot be changed in it.",
            )
        )
    try:
        text = _canonical_text(data)
    except (TypeError, ValueError):
        raise ChecklistConflictError(
            Message(
                "Utkastet innehåller värden som inte kan sparas (bara text, tal, ja/nej, listor och objekt går).",
                "The draft holds values that cannot be stored (only text, numbers, booleans, lists and objects).",
            )
        ) from None
    _guard_personnummer(data, "")
    row.definition_json = text
    row.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    row.title = _title_of(data)
    row.area = _area_of(data)
    session.add(row)
    session.commit()
    return validate_data(data)


def _guard_personnummer(node: Any, path: str) -> None:
    if isinstance(node, str):
        guard_text(node, Message(f"'{path}' i checklistan", f"'{path}' of the checklist"))
    elif isinstance(node, dict):
        for key, value in node.items():
            _guard_personnummer(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _guard_personnummer(value, f"{path}[{index}]")


def _previous_row(session: Session, slug: str, previous_version: int) -> ChecklistVersion | None:
    row = _row_for(session, slug, previous_version)
    return row if row is not None and row.status is not ChecklistStatus.DRAFT else None


def publish_plan(session: Session, slug: str, version: int) -> PublishPlan:
    """Which keys of the previous version the draft keeps, which it does not account for yet, and which are new."""
    data = json.loads(_exact_row(session, slug, version).definition_json)
    keys = _question_keys(data)
    previous = data.get("previous")
    previous_version = previous.get("version") if isinstance(previous, dict) else None
    if not isinstance(previous_version, int) or isinstance(previous_version, bool):
        return PublishPlan(None, [], [], keys, {}, [])
    assert isinstance(previous, dict)
    old_row = _previous_row(session, slug, previous_version)
    if old_row is None:
        raise ChecklistNotFoundError(
            Message(
                f"Den föregående versionen {slug} version {previous_version} finns inte bland de publicerade.",
                f"The previous version {slug} version {previous_version} is not among the published ones.",
            )
        )
    old_keys = [q.key for q in definition_of(old_row).questions()]
    raw_map = previous.get("key_map")
    key_map = {k: v for k, v in (raw_map.items() if isinstance(raw_map, dict) else []) if isinstance(v, str) and k != v}
    raw_retired = previous.get("retired")
    retired = [k for k in (raw_retired if isinstance(raw_retired, list) else []) if isinstance(k, str)]
    new_set, old_set = set(keys), set(old_keys)
    accounted = new_set | set(key_map.values()) | set(retired)
    return PublishPlan(
        previous_version=previous_version,
        kept=[k for k in old_keys if k in new_set],
        unresolved=[k for k in old_keys if k not in accounted],
        new_keys=[k for k in keys if k not in old_set],
        key_map=key_map,
        retired=retired,
    )


def _mapping_issues(session: Session, definition: ChecklistDefinition) -> list[Issue]:
    previous = definition.previous
    if previous is None:
        return []
    old_row = _previous_row(session, definition.slug, previous.version)
    if old_row is None:
        return [
            Issue(
                "previous.version",
                Message(
                    f"den föregående versionen {previous.version} finns inte bland de publicerade",
                    f"the previous version {previous.version} is not among the published ones",
                ),
            )
        ]
    return check_mapping(definition, definition_of(old_row))


def publish(
    session: Session,
    slug: str,
    version: int,
    key_map: Mapping[str, str] | None = None,
    retired: Sequence[str] | None = None,
    actor: str = "",
) -> None:
    """Make a draft an immutable version; `key_map` (new → old) and `retired` replace the draft's own when given."""
    row = _exact_row(session, slug, version)
    if row.status is not ChecklistStatus.DRAFT:
        raise ChecklistConflictError(
            Message(
                f"{slug} version {version} är inte ett utkast och kan inte publiceras igen",
                f"{slug} version {version} is not a draft and cannot be published again",
            )
        )
    data = json.loads(row.definition_json)
    if key_map is not None or retired is not None:
        previous = data.get("previous")
        if not isinstance(previous, dict):
            raise ChecklistConflictError(
                Message(
                    f"{slug} version {version} bygger inte på någon tidigare version, så det finns inga nycklar "
                    "att mappa.",
                    f"{slug} version {version} does not follow an earlier version, so there are no keys to map.",
                )
            )
        previous = dict(previous)
        if key_map is not None:
            previous["key_map"] = dict(key_map)
        if retired is not None:
            previous["retired"] = list(retired)
        data["previous"] = previous
    issues = validate_data(data)
    if not issues:
        issues = _mapping_issues(session, definition_from_dict(data, f"{slug}@{version}"))
    if issues:
        raise ChecklistInvalidError(slug, version, issues)
    definition = definition_from_dict(data, f"{slug}@{version}")
    row.definition_json = definition.canonical_json()
    row.sha256 = definition.sha256()
    row.title = definition.title.sv
    row.area = definition.area.value
    row.status = ChecklistStatus.PUBLISHED
    row.published_at = utcnow()
    session.add(row)
    _record(session, actor, row, "publish")
    session.commit()


def retire(session: Session, slug: str, version: int, actor: str = "") -> None:
    """No new rounds may use the version; rounds that already do keep working."""
    row = _exact_row(session, slug, version)
    if row.status is ChecklistStatus.DRAFT:
        raise ChecklistConflictError(
            Message(
                f"{slug} version {version} är ett utkast; ett utkast dras inte tillbaka utan tas bort.",
                f"{slug} version {version} is a draft; a draft is deleted, not retired.",
            )
        )
    if row.status is ChecklistStatus.RETIRED:
        raise ChecklistConflictError(
            Message(f"{slug} version {version} är redan tillbakadragen", f"{slug} version {version} is already retired")
        )
    row.status = ChecklistStatus.RETIRED
    session.add(row)
    _record(session, actor, row, "retire")
    session.commit()


def delete_draft(session: Session, slug: str, version: int) -> None:
    row = _exact_row(session, slug, version)
    if row.status is not ChecklistStatus.DRAFT:
        used = session.exec(select(func.count()).where(Round.checklist_version_id == row.id)).one()
        in_use_sv = f" Den används av {used} {'omgång' if used == 1 else 'omgångar'}." if used else ""
        in_use_en = f" It is used by {used} round{'' if used == 1 else 's'}." if used else ""
        raise ChecklistConflictError(
            Message(
                f"{slug} version {version} är publicerad och kan inte tas bort, bara dras tillbaka.{in_use_sv}",
                f"{slug} version {version} is published and cannot be deleted, only retired.{in_use_en}",
            )
        )
    session.delete(row)
    session.commit()


class ChecklistFormatError(ReviewerError):
    pass


def checklist_file_format(path: Path) -> str:
    """The format by the file's suffix (json, yaml or xlsx); anything else is refused before any work is done."""
    formats = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".xlsx": "xlsx"}
    suffix = path.suffix.lower()
    if suffix not in formats:
        raise ChecklistFormatError(
            Message(
                f"Okänt filformat '{suffix}' för en checklista; använd .json, .yaml, .yml eller .xlsx",
                f"Unknown file format '{suffix}' for a checklist; use .json, .yaml, .yml or .xlsx",
            )
        )
    return formats[suffix]


def read_checklist_file(path: Path) -> ChecklistDefinition:
    """A checklist file of any of the three formats, validated; nothing is stored."""
    return read_checklist_xlsx(path) if checklist_file_format(path) == "xlsx" else load_checklist_file(path)


def import_checklist_file(
    session: Session, path: Path, as_draft: bool = False, actor: str = ""
) -> tuple[ImportOutcome, str, int]:
    """Add a checklist file (JSON, YAML or a workbook); the same version twice is a no-op, changed content refused."""
    definition = read_checklist_file(path)
    slug, version = definition.slug, definition.version
    existing = _row_for(session, slug, version)
    if as_draft:
        if existing is not None:
            raise ChecklistConflictError(
                Message(
                    f"{slug} version {version} finns redan. Ge utkastet ett högre versionsnummer i filen.",
                    f"{slug} version {version} already exists. Give the draft a higher version number in the file.",
                )
            )
        _refuse_second_draft(session, slug)
        _store_draft(session, definition.canonical_dict(), slug, version)
        return ImportOutcome.CREATED, slug, version
    if existing is not None and existing.status is ChecklistStatus.DRAFT:
        raise ChecklistConflictError(
            Message(
                f"{slug} version {version} finns redan som utkast. Publicera eller ta bort utkastet först.",
                f"{slug} version {version} already exists as a draft. Publish or delete the draft first.",
            )
        )
    previous = definition.previous
    if existing is None and previous is not None and _previous_row(session, slug, previous.version) is not None:
        # A version that follows one this database has must account for its questions, as when publishing here.
        issues = _mapping_issues(session, definition)
        if issues:
            raise ChecklistInvalidError(slug, version, issues)
    return add_definition(session, definition, actor=actor), slug, version


def export_checklist_file(session: Session, slug: str, version: int | None, path: Path) -> None:
    """Write a version (the newest published without `version`) as JSON, YAML or a workbook, by the file's suffix."""
    file_format = checklist_file_format(path)
    definition = definition_of(get_version(session, slug, version))
    if file_format == "xlsx":
        buffer = io.BytesIO()
        write_checklist_xlsx(definition, buffer)
        write_atomically(path, buffer.getvalue())
    else:
        write_atomically(path, dump_checklist(definition, "json" if file_format == "json" else "yaml"))

"""The one public way to read and write checklist files; reading is validating.

Built-in and user checklists go through the same functions. A file either yields a complete, valid definition or a
`ChecklistFileError` listing every problem found, each naming the file, the JSON path or question key, and what is
wrong, so nothing partial is ever stored.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ValidationError

from reviewer.checklists.rules import Issue, SectionPart, check_parts, check_rules
from reviewer.checklists.schema import ChecklistDefinition, PreviousVersion, Question, QuestionType
from reviewer.domain.personnummer import contains_personnummer, redact
from reviewer.domain.text import Language, Message, ReviewerError, language_from_environment

FileFormat = Literal["json", "yaml"]
MAX_FILE_BYTES = 5_000_000


class ChecklistFileError(ReviewerError):
    def __init__(self, source: str, issues: list[Issue]) -> None:
        self.source = source
        self.issues = issues
        super().__init__(
            Message(
                f"Checklistan i {source} är inte giltig ({len(issues)} fel)",
                f"The checklist in {source} is not valid ({len(issues)} error{'' if len(issues) == 1 else 's'})",
            )
        )

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        lines = [self.message.text(lang)]
        lines += [f"  {self.source}: {issue.text(lang)}" for issue in self.issues]
        return "\n".join(lines)


class _DuplicateKeyError(Exception):
    def __init__(self, key: str, where: str = "") -> None:
        super().__init__(key)
        self.key = key
        self.where = where


def _reject_duplicate_json_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


# libyaml's parser is about ten times faster than the pure-Python one; PyYAML wheels ship it.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictYamlLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """A safe loader that refuses a mapping with the same key twice instead of keeping the last one."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise _DuplicateKeyError(str(key), f"rad {key_node.start_mark.line + 1}")
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def detect_format(source: str, text: str) -> FileFormat:
    lower = source.lower()
    if lower.endswith((".yaml", ".yml")):
        return "yaml"
    if lower.endswith(".json") or text.lstrip().startswith("{"):
        return "json"
    return "yaml"


def parse_document(text: str, source: str, file_format: FileFormat) -> Any:
    """The JSON or YAML document in `text` (duplicate keys refused), or a `ChecklistFileError` saying why not."""
    try:
        if file_format == "json":
            return json.loads(text, object_pairs_hook=_reject_duplicate_json_keys)
        return yaml.load(text, Loader=_StrictYamlLoader)  # noqa: S506 - a SafeLoader subclass
    except _DuplicateKeyError as dup:
        where = f" ({dup.where})" if dup.where else ""
        raise ChecklistFileError(
            source,
            [
                Issue(
                    "",
                    Message(
                        f"nyckeln '{dup.key}' förekommer två gånger i samma objekt{where}",
                        f"the key '{dup.key}' appears twice in the same object{where.replace('rad', 'line')}",
                    ),
                )
            ],
        ) from None
    except json.JSONDecodeError as exc:
        raise ChecklistFileError(
            source,
            [
                Issue(
                    "",
                    Message(
                        f"filen är inte giltig JSON (rad {exc.lineno}, kolumn {exc.colno}: {exc.msg})",
                        f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
                    ),
                )
            ],
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (rad {mark.line + 1})" if mark is not None else ""
        raise ChecklistFileError(
            source,
            [
                Issue(
                    "",
                    Message(
                        f"filen är varken giltig JSON eller YAML{line}",
                        f"the file is neither valid JSON nor YAML{line.replace('rad', 'line')}",
                    ),
                )
            ],
        ) from None


def parse_checklist(text: str, source: str, file_format: FileFormat | None = None) -> ChecklistDefinition:
    return definition_from_dict(parse_document(text, source, file_format or detect_format(source, text)), source)


def definition_from_dict(data: Any, source: str) -> ChecklistDefinition:
    """The definition in a parsed file, or a `ChecklistFileError` naming `source` and every problem."""
    definition, issues = _validate(data)
    if issues or definition is None:
        raise ChecklistFileError(source, issues)
    return definition


def validate_dict(data: Any) -> list[Issue]:
    """Every problem of a definition in file form, empty when it is valid; never raises on bad content.

    Fast enough to run on each keystroke of the editor. Rules that span fields still run on the readable parts of a
    definition the schema refuses, so a draft with one empty text still shows its duplicate keys.
    """
    return _validate(data)[1]


def _validate(data: Any) -> tuple[ChecklistDefinition | None, list[Issue]]:
    if not isinstance(data, dict):
        message = Message("filen ska innehålla ett objekt på toppnivå", "the file must hold an object at the top")
        return None, [Issue("", message)]
    personal = personnummer_issues(data)
    try:
        definition = ChecklistDefinition.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        schema_issues = [issue_from_pydantic(err, data) for err in errors]
        return None, schema_issues + _partial_rules(data, errors) + personal
    return definition, check_rules(definition) + personal


def personnummer_issues(data: dict[str, Any]) -> list[Issue]:
    # One scan of all texts at once is several times faster; a line break never joins two texts into a match.
    texts: list[str] = []
    _collect_texts(data, texts)
    if not contains_personnummer("\n".join(texts)):
        return []
    issues = []
    for loc, text in _strings(data, ()):
        if contains_personnummer(text):
            issues.append(
                Issue(
                    _json_path(loc),
                    Message(
                        "texten innehåller något som ser ut som ett personnummer eller samordningsnummer; "
                        "sådana får inte sparas",
                        "the text contains something that looks like a personal identity or coordination number; "
                        "those must not be stored",
                    ),
                    _question_key_at(loc, data),
                )
            )
    return issues


def _collect_texts(node: Any, texts: list[str]) -> None:
    if isinstance(node, str):
        texts.append(node)
    elif isinstance(node, dict):
        for value in node.values():
            _collect_texts(value, texts)
    elif isinstance(node, list):
        for value in node:
            _collect_texts(value, texts)


def _strings(node: Any, loc: tuple[int | str, ...]) -> list[tuple[tuple[int | str, ...], str]]:
    if isinstance(node, str):
        return [(loc, node)]
    found: list[tuple[tuple[int | str, ...], str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _strings(value, (*loc, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _strings(value, (*loc, index))
    return found


def _partial_rules(data: dict[str, Any], errors: list[Any]) -> list[Issue]:
    """`check_parts` over what the schema accepted, each refused question standing in by its raw key."""
    broken: dict[tuple[Any, ...], set[Any]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        for length in range(1, min(len(loc), 4) + 1):
            broken.setdefault(loc[:length], set())
        if len(loc) >= 5:
            broken[loc[:4]].add(loc[4])
    raw_sections = data.get("sections")
    sections: list[SectionPart] = []
    for s_index, raw in enumerate(raw_sections if isinstance(raw_sections, list) else []):
        if not isinstance(raw, dict):
            continue
        s_key = raw.get("key") if ("sections", s_index, "key") not in broken else None
        questions: list[tuple[int, Question | str]] = []
        raw_questions = raw.get("questions")
        for q_index, raw_question in enumerate(raw_questions if isinstance(raw_questions, list) else []):
            readable = _readable_question(raw_question, broken.get(("sections", s_index, "questions", q_index)))
            if readable is not None:
                questions.append((q_index, readable))
        sections.append(SectionPart(s_index, s_key if isinstance(s_key, str) else None, questions))
    raw_bands = data.get("age_bands")
    bands: list[str | None] = [
        band.get("value") if isinstance(band, dict) and isinstance(band.get("value"), str) else None
        for band in (raw_bands if isinstance(raw_bands, list) else [])
    ]
    previous = None
    if data.get("previous") is not None and ("previous",) not in broken:
        previous = PreviousVersion.model_validate(data["previous"])
    version = data.get("version") if ("version",) not in broken and isinstance(data.get("version"), int) else None
    return check_parts(version, bands, sections, previous)


_PATCHABLE = {"text": {"sv": "-"}, "help": None}


def _readable_question(raw: Any, broken_fields: set[Any] | None) -> Question | str | None:
    """The question as a model, or its raw key when only the key is usable, or None when not even that is."""
    if not isinstance(raw, dict):
        return None
    if broken_fields is None:
        return Question.model_validate(raw)
    key = raw.get("key") if "key" not in broken_fields else None
    if broken_fields and broken_fields <= _PATCHABLE.keys():
        # An empty or missing text is the usual state of a question being written: check the rest as if it had one.
        patched = {k: v for k, v in raw.items() if k not in broken_fields}
        patched.update({k: _PATCHABLE[k] for k in broken_fields if _PATCHABLE[k] is not None})
        try:
            return Question.model_validate(patched)
        except ValidationError:
            pass
    return key if isinstance(key, str) else None


def read_text(path: Path, too_large: Message) -> str:
    """The UTF-8 text of a file of at most MAX_FILE_BYTES, or a `ChecklistFileError` naming the file and why not."""
    source = str(path)
    try:
        with path.open("rb") as handle:  # never more than the limit, even from a file that grows or never ends
            oversized = os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES
            data = b"" if oversized else handle.read(MAX_FILE_BYTES + 1)
        if oversized or len(data) > MAX_FILE_BYTES:
            raise ChecklistFileError(source, [Issue("", too_large)])
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ChecklistFileError(
            source, [Issue("", Message("filen är inte UTF-8-kodad text", "the file is not UTF-8 text"))]
        ) from None
    except OSError as exc:
        raise ChecklistFileError(
            source,
            [Issue("", Message(f"filen kan inte läsas ({exc.strerror})", f"the file cannot be read ({exc.strerror})"))],
        ) from None


def load_checklist_file(path: Path) -> ChecklistDefinition:
    text = read_text(path, Message("filen är för stor för en checklista", "the file is too large"))
    return parse_checklist(text, str(path))


def dump_checklist(definition: ChecklistDefinition, file_format: FileFormat) -> str:
    data = definition.canonical_dict()
    if file_format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def builtin_checklists() -> list[ChecklistDefinition]:
    """The checklists shipped inside the package, in a fixed order."""
    folder = resources.files("reviewer.checklists") / "builtin"
    return [
        parse_checklist(entry.read_text(encoding="utf-8"), f"builtin/{entry.name}")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
    ]


def _json_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path


def _question_key_at(loc: tuple[int | str, ...], data: Any) -> str | None:
    """The key of the question a pydantic error lies in, read from the raw data since validation failed."""
    node = data
    key = None
    for index, part in enumerate(loc):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return key
        if index >= 1 and loc[index - 1] == "questions" and isinstance(node, dict):
            raw = node.get("key")
            key = raw if isinstance(raw, str) else key
    return key


_TYPES = ", ".join(t.value for t in QuestionType)


def issue_from_pydantic(err: Any, data: Any) -> Issue:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    path = _json_path(loc)
    key = _question_key_at(loc, data)
    kind = err["type"]
    given = err.get("input")
    if isinstance(given, str):
        given = redact(given)  # messages may end up in a log; a mistyped field must not carry a personnummer there
    field = loc[-1] if loc else ""
    if field == "type" and kind == "enum":
        message = Message(
            f"okänd frågetyp {given!r}; tillåtna typer: {_TYPES}",
            f"unknown question type {given!r}; allowed types: {_TYPES}",
        )
    elif field == "sv" and kind in {"missing", "string_too_short"}:
        message = Message("svensk text saknas", "Swedish text is missing")
    elif kind == "missing":
        message = Message("fältet saknas", "the field is missing")
    elif kind == "extra_forbidden":
        message = Message(f"okänt fält '{field}'", f"unknown field '{field}'")
    elif kind == "string_pattern_mismatch":
        message = Message(
            f"{given!r} är inte en giltig nyckel (små bokstäver a–z, siffror och _, börjar med en bokstav)",
            f"{given!r} is not a valid key (lowercase a–z, digits and _, starting with a letter)",
        )
    elif kind in {"enum", "literal_error"}:
        expected = err.get("ctx", {}).get("expected", "")
        message = Message(
            f"ogiltigt värde {given!r}; tillåtet: {expected}", f"invalid value {given!r}; allowed: {expected}"
        )
    else:
        message = Message(f"ogiltigt värde ({err['msg']})", f"invalid value ({err['msg']})")
    return Issue(path, message, key)

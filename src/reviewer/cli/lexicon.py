"""`reviewer lexicon …` (the versions of the lexicon of value-laden words, to edit in Excel) and `reviewer words`
(counting a passage with the current version): docs/wording-lexicon.md.

`reviewer words` reads the passage into memory, counts it and forgets it: the text is never written to the database,
a log or a file; only the counts are printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from reviewer.bootstrap import App, bootstrap
from reviewer.cli.database import warn
from reviewer.cli.output import emit
from reviewer.domain.text import Message, ReviewerError, count_of, language_from_environment
from reviewer.domain.wording import GROUP_LABELS, Lexicon, TextCount, count_text, format_forms
from reviewer.services.lexicon import current_lexicon, get_lexicon, list_versions
from reviewer.services.lexicon_files import import_lexicon, write_lexicon_file
from reviewer.services.settings import load_settings


def _t(sv: str, en: str) -> str:
    return en if language_from_environment() == "en" else sv


def _open(args: argparse.Namespace) -> App:
    return warn(bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None)))


def _lexicon(args: argparse.Namespace, version: int | None = None) -> Lexicon:
    app = _open(args)
    try:
        with app.db.session() as session:
            return current_lexicon(session) if version is None else get_lexicon(session, version)
    finally:
        app.close()


def lexicon_list(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        with app.db.session() as session:
            versions = list_versions(session)
    finally:
        app.close()
    header = (
        _t("version", "version"),
        _t("ord", "words"),
        _t("omgångar", "rounds"),
        _t("sparad", "saved"),
        _t("av", "by"),
        _t("anteckning", "note"),
    )
    rows = [
        (
            str(v.version),
            str(v.entries),
            str(v.rounds),
            v.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            v.created_by or "–",
            _t("inbyggd", "built-in") if v.builtin else v.note,
        )
        for v in versions
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row[:5], widths, strict=True)) + "  " + row[5])
    return 0


def lexicon_show(args: argparse.Namespace) -> int:
    lexicon = _lexicon(args, args.version)
    language = language_from_environment()
    print(_t(f"Ordlista version {lexicon.version}", f"Lexicon version {lexicon.version}"))
    for group, label in GROUP_LABELS.items():
        entries = [entry for entry in lexicon.entries if entry.group is group]
        print(f"\n{label.text(language)} ({count_of(len(entries), _t('ord', 'word'), _t('ord', 'words'))})")
        for entry in entries:
            print(f"  {entry.lemma:<24} {format_forms(entry.forms)}")
    return 0


def lexicon_export(args: argparse.Namespace) -> int:
    lexicon = _lexicon(args, args.version)
    write_lexicon_file(lexicon, args.output)
    print(
        _t(
            f"Skrev ordlista version {lexicon.version} ({len(lexicon.entries)} ord) till {args.output}",
            f"Wrote lexicon version {lexicon.version} ({len(lexicon.entries)} words) to {args.output}",
        )
    )
    return 0


def lexicon_import(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        with app.db.session() as session:
            actor = load_settings(app.paths.config_dir).reviewer or ""
            version = import_lexicon(session, args.file, actor, args.note or "")
    finally:
        app.close()
    print(
        _t(
            f"Sparade {args.file.name} som ordlista version {version}; nya omgångar räknar med den",
            f"Saved {args.file.name} as lexicon version {version}; new rounds count with it",
        )
    )
    return 0


def _read_passage(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ReviewerError(
            Message(f"Filen {path.name} är inte sparad som UTF-8.", f"The file {path.name} is not saved as UTF-8.")
        ) from None
    except OSError as error:
        raise ReviewerError(
            Message(
                f"Filen {path.name} kunde inte läsas ({error.strerror}).",
                f"Could not read {path.name} ({error.strerror}).",
            )
        ) from None


def words_to_json(count: TextCount, lexicon: Lexicon) -> dict[str, Any]:
    lemmas = Counter(hit.lemma for hit in count.hits)
    return {
        "lexicon_version": lexicon.version,
        "words": count.words,
        "sentences": count.sentences,
        "hits": len(count.hits),
        "hits_per_100_words": None if count.hits_per_100_words is None else round(count.hits_per_100_words, 2),
        "hits_by_group": {group.value: n for group, n in count.hits_by_group.items()},
        "hits_by_lemma": dict(sorted(lemmas.items(), key=lambda item: (-item[1], item[0]))),
    }


def _words_text(count: TextCount, lexicon: Lexicon) -> str:
    language = language_from_environment()
    rate = "–" if count.hits_per_100_words is None else f"{count.hits_per_100_words:.1f}".replace(".", ",")
    if language == "en":
        rate = rate.replace(",", ".")
    lines = [
        _t(f"Ordlista version {lexicon.version}", f"Lexicon version {lexicon.version}"),
        _t(f"Ord: {count.words}", f"Words: {count.words}"),
        _t(f"Meningar: {count.sentences}", f"Sentences: {count.sentences}"),
        _t(f"Träffar: {len(count.hits)} ({rate} per 100 ord)", f"Hits: {len(count.hits)} ({rate} per 100 words)"),
    ]
    lines += [f"  {GROUP_LABELS[group].text(language)}: {n}" for group, n in count.hits_by_group.items()]
    lemmas = Counter(hit.lemma for hit in count.hits)
    if lemmas:
        top = ", ".join(f"{lemma} {n}" for lemma, n in sorted(lemmas.items(), key=lambda item: (-item[1], item[0])))
        lines.append(_t(f"Ord som träffade: {top}", f"Words hit: {top}"))
    return "\n".join(lines) + "\n"


def run_words(args: argparse.Namespace) -> int:
    lexicon = _lexicon(args)
    count = count_text(_read_passage(args.file), lexicon)
    if args.format == "json":
        text = json.dumps(words_to_json(count, lexicon), ensure_ascii=False, indent=2) + "\n"
    else:
        text = _words_text(count, lexicon)
    emit(text, args.output)
    return 0

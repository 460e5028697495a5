"""A sample plan and a drawn sample in plain words (Swedish or English), the plan also as JSON: what a unit chief
reads before the round and can hand to the nämnd."""

from __future__ import annotations

from typing import Any

from reviewer.domain.sampling import Allocation
from reviewer.domain.sex import SexGroup, Subject
from reviewer.domain.text import Language
from reviewer.services.aggregation.text import format_number, group_words
from reviewer.services.planning import ChecklistPlan
from reviewer.services.sampling import SamplingRecord


def level_label(key: str, n_compared: int, language: Language) -> str:
    if key == "single":
        return (
            "A question tested on its own (a primary question decided before the round)"
            if language == "en"
            else "En fråga som prövas för sig (en huvudfråga bestämd före omgången)"
        )
    return (
        f"Any of the round's {n_compared} compared questions (hardest case: only one of them really differs)"
        if language == "en"
        else f"Vilken som helst av omgångens {n_compared} jämförda frågor (svåraste fallet: bara en av dem skiljer sig)"
    )


def assumptions(result: ChecklistPlan, language: Language) -> list[str]:
    r = result.plan.request
    base, diff, target = (format_number(v, language) for v in (r.base_pct, r.difference_pp, result.plan.other_pct))
    power, alpha = format_number(r.power * 100, language), format_number(r.alpha * 100, language)
    if language == "en":
        lines = [
            f"A yes/no question whose share is {base} % for one sex; the difference to find is {diff} percentage "
            f"points ({base} % against {target} %).",
            f"Power {power} %: a real difference of that size shows in {power} of 100 rounds.",
            f"Significance level {alpha} %, two-sided; as many files for women as for men; files drawn at random "
            "and independent of each other.",
            f"The checklist compares {result.n_compared} questions by sex"
            + (f" and has {result.n_primary} primary questions" if result.n_primary else "")
            + ". The round's findings are adjusted for testing that many questions (Benjamini–Hochberg), hence "
            "two levels below.",
            "Computed with the normal approximation for two proportions (Cohen's h, statsmodels). Below about 30 "
            "files per sex Fisher's exact test, which the round uses, is a little more cautious: allow a few more "
            "files.",
        ]
    else:
        lines = [
            f"En ja/nej-fråga där andelen är {base} % för det ena könet; skillnaden som ska kunna upptäckas är {diff} "
            f"procentenheter ({base} % mot {target} %).",
            f"Styrka {power} %: finns en sådan skillnad på riktigt syns den i {power} omgångar av 100.",
            f"Signifikansnivå {alpha} %, tvåsidig prövning; lika många akter för kvinnor som för män; akterna dras "
            "slumpmässigt och oberoende av varandra.",
            f"Checklistan jämför {result.n_compared} frågor mellan könen"
            + (f" och har {result.n_primary} huvudfrågor" if result.n_primary else "")
            + ". Omgångens fynd justeras för att så många frågor prövas (Benjamini–Hochberg), därför två nivåer "
            "nedan.",
            "Beräknat med normalapproximationen för två andelar (Cohens h, statsmodels). Under ungefär 30 akter per "
            "kön är Fishers exakta test, som omgången använder, något försiktigare: räkna med några akter till.",
        ]
    if r.difference_pp < result.min_difference_pp:
        size = format_number(result.min_difference_pp, language)
        lines.append(
            f"Note: a round flags a difference only from {size} percentage points on; a smaller one is shown but "
            "never flagged, however many files there are."
            if language == "en"
            else f"Obs: en omgång flaggar en skillnad först från {size} procentenheter; en mindre skillnad visas men "
            "flaggas aldrig, hur många akter det än är."
        )
    return lines


def detectable_text(value: float | None, language: Language) -> str:
    if value is None:
        return "no difference within 0–100 %" if language == "en" else "ingen skillnad inom 0–100 %"
    figure = format_number(value, language)
    return (
        f"a difference of at least {figure} percentage points"
        if language == "en"
        else f"en skillnad på minst {figure} procentenheter"
    )


def files_text(files: int, language: Language) -> str:
    return f"{files} women and {files} men" if language == "en" else f"{files} kvinnor och {files} män"


def render_plan_text(result: ChecklistPlan, language: Language) -> str:
    en = language == "en"
    r = result.plan.request
    title = result.title.text(language)
    lines = [
        (
            f"Sample plan: {title} ({result.slug}, version {result.version})"
            if en
            else f"Urvalsplanering: {title} ({result.slug}, version {result.version})"
        ),
        "",
        "Assumptions" if en else "Antaganden",
        *(f"- {line}" for line in assumptions(result, language)),
        "",
        "Files needed per sex" if en else "Akter som behövs per kön",
    ]
    for level in result.plan.levels:
        lines.append(
            f"  {level_label(level.key, result.n_compared, language)}: {files_text(level.files_per_sex, language)}"
        )
    if r.available_women is not None and r.available_men is not None:
        lines += [
            "",
            (
                f"With {r.available_women} women and {r.available_men} men the round can find"
                if en
                else f"Med {r.available_women} kvinnor och {r.available_men} män kan omgången upptäcka"
            ),
        ]
        for level in result.plan.levels:
            label = level_label(level.key, result.n_compared, language)
            lines.append(f"  {label}: {detectable_text(level.detectable_pp, language)}")
    return "\n".join(lines) + "\n"


def plan_to_json(result: ChecklistPlan) -> dict[str, Any]:
    r = result.plan.request
    return {
        "format": "reviewer-sample-plan",
        "format_version": 1,
        "checklist": {"slug": result.slug, "version": result.version},
        "n_compared": result.n_compared,
        "n_primary": result.n_primary,
        "min_difference_pp": result.min_difference_pp,
        "assumptions": {
            "question": "yes_no",
            "base_percent": r.base_pct,
            "difference_pp": r.difference_pp,
            "other_percent": result.plan.other_pct,
            "power": r.power,
            "alpha": r.alpha,
            "alternative": "two-sided",
            "method": "normal approximation, Cohen's h (statsmodels NormalIndPower)",
            "available_women": r.available_women,
            "available_men": r.available_men,
        },
        "levels": [
            {
                "key": level.key,
                "alpha": level.alpha,
                "files_per_sex": level.files_per_sex,
                "detectable_pp": level.detectable_pp,
            }
            for level in result.plan.levels
        ],
    }


def method_sentence(record: SamplingRecord, subject: Subject, language: Language) -> str:
    """How the cases are chosen, in a sentence the nämnd can be given (the preview shows it before the draw)."""
    en = language == "en"
    design = record.design
    words = group_word_map(subject, language)
    if design.allocation is Allocation.EQUAL:
        how = (
            f"{design.size} {words[SexGroup.FEMALE]} and {design.size} {words[SexGroup.MALE]}"
            if en
            else f"{design.size} {words[SexGroup.FEMALE]} och {design.size} {words[SexGroup.MALE]}"
        )
        if design.by_unit:
            how += " in each unit" if en else " i varje enhet"
    else:
        how = (
            f"{design.size} in all, in proportion to the list"
            if en
            else f"{design.size} totalt, i proportion till listan"
        )
        if design.by_unit:
            how += " and its units" if en else " och dess enheter"
    return (
        f"Method: a stratified random sample, {how}; each case's random number comes from the seed {design.seed} "
        "and its case code (SHA-256), so the same list and seed always give the same sample."
        if en
        else f"Metod: stratifierat slumpmässigt urval, {how}; varje ärendes slumptal kommer ur fröet "
        f"{design.seed} och ärendekoden (SHA-256), så samma lista och frö ger alltid samma urval."
    )


def review_load_lines(record: SamplingRecord, language: Language) -> list[str]:
    """How many cases each reviewer gets and how many of them are reviewed twice; nothing without reviewers."""
    if not record.assignments:
        return []
    en = language == "en"
    load: dict[str, list[int]] = {}
    for reviewers in record.assignments.values():
        for reviewer in reviewers:
            counts = load.setdefault(reviewer, [0, 0])
            counts[0] += 1
            counts[1] += len(reviewers) > 1
    return [
        (
            f"{record.double_reviewed} cases are reviewed twice, shared among every pair of reviewers."
            if en
            else f"{record.double_reviewed} ärenden granskas två gånger, fördelade på alla par av granskare."
        ),
        "Reviewer | Cases | Of which reviewed twice" if en else "Granskare | Ärenden | Varav dubbelgranskade",
        *(f"{reviewer} | {total} | {double}" for reviewer, (total, double) in load.items()),
    ]


def render_sample_text(record: SamplingRecord, round_name: str, subject: Subject, language: Language) -> str:
    """What was drawn and how, in words a nämnd can be given; who reviews what when reviewers were named. The CLI
    prints it after a draw and the GUI's "Om urvalet" shows it, from the record the round keeps."""
    en = language == "en"
    words = group_word_map(subject, language)
    listed = record.list_name or ("a list" if en else "en lista")
    if record.list_name:
        listed = f"the list {listed}" if en else f"listan {listed}"
    lines = [
        (
            f"Drew {record.drawn} cases from {listed} ({record.list_rows} rows) into the round {round_name}."
            if en
            else f"Drog {record.drawn} ärenden ur {listed} ({record.list_rows} rader) till omgången {round_name}."
        ),
        method_sentence(record, subject, language),
    ]
    if record.decided_from or record.decided_to:
        start = record.decided_from.isoformat() if record.decided_from else "–"
        end = record.decided_to.isoformat() if record.decided_to else "–"
        lines.append(
            f"Period of decision: {start} to {end}; {record.eligible} of the list's rows were decided within it."
            if en
            else f"Beslutsperiod: {start} till {end}; {record.eligible} av listans rader har beslutats inom perioden."
        )
    when = record.drawn_at.astimezone().strftime("%Y-%m-%d %H:%M")
    lines += [
        f"The sample was drawn {when}; the list's checksum (SHA-256) {record.list_sha256} shows whether a list is "
        "the same one."
        if en
        else f"Urvalet drogs {when}; listans kontrollsumma (SHA-256) {record.list_sha256} visar om en lista är "
        "densamma.",
        "",
        "Unit | Sex | In the list | Drawn" if en else "Enhet | Kön | I listan | Dragna",
    ]
    for stratum in record.strata:
        unit = stratum.unit or ("all" if en else "alla")
        lines.append(f"{unit} | {words[stratum.group]} | {stratum.available} | {stratum.drawn}")
    load = review_load_lines(record, language)
    if load:
        lines += ["", *load]
    return "\n".join(lines) + "\n"


def group_word_map(subject: Subject, language: Language) -> dict[SexGroup, str]:
    """The sex groups' words in lower case, for the middle of a sentence or a table cell."""
    female, male, other, unknown = (w.lower() for w in group_words(subject, language))
    return {SexGroup.FEMALE: female, SexGroup.MALE: male, SexGroup.OTHER: other, SexGroup.UNKNOWN: unknown}

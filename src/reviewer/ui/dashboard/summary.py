"""Words for the sex groups and the one-line description of what a computation covered."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView, QTableView

from reviewer.domain.sex import SexGroup
from reviewer.domain.text import Language
from reviewer.services.aggregation import Aggregate
from reviewer.services.aggregation.model import OptionSource


def group_names(subject: str) -> tuple[str, str, str, str]:
    """Women/men for adults, girls/boys for children; annat and okänt are counted, never compared."""
    if subject == "child":
        female = QCoreApplication.translate("Dashboard", "Girls")
        male = QCoreApplication.translate("Dashboard", "Boys")
    else:
        female = QCoreApplication.translate("Dashboard", "Women")
        male = QCoreApplication.translate("Dashboard", "Men")
    other = QCoreApplication.translate("Dashboard", "Other")
    return female, male, other, QCoreApplication.translate("Dashboard", "Unknown")


def option_source_text(source: OptionSource) -> str:
    """Why this option is the one compared: fixed in advance, or the most different one (and then from what)."""
    texts = {
        "yes": QCoreApplication.translate("Dashboard", "A yes/no question is compared at “yes”."),
        "checklist": QCoreApplication.translate("Dashboard", "The option compared is set in the checklist."),
        "most_different": QCoreApplication.translate(
            "Dashboard",
            "The option that differs most between the sexes. For single choice the test covers the whole "
            "distribution of answers; for multiple choice it is adjusted for the choice of option.",
        ),
        "pooled": QCoreApplication.translate(
            "Dashboard",
            "The option that differs most between the sexes in both rounds together, chosen before the later "
            "round is looked at.",
        ),
    }
    return texts[source]


def p_header_text() -> str:
    """What the raw p-value beside a finding tests, for the header of every table that shows one."""
    return QCoreApplication.translate(
        "Dashboard",
        "The test's own p-value, before the adjustment for the number of questions. Yes/no and multiple choice: "
        "Fisher's exact test of the share. Single choice and scales: a test of the whole distribution of "
        "answers, not of the one option shown. Numbers: Mann–Whitney, whether the distributions differ (not a "
        "test of the medians).",
    )


def sex_of_text(result: Aggregate, language: Language) -> str:
    """Whose sex the split is, from the checklist: "Kön avser: sökande"."""
    return QCoreApplication.translate("Dashboard", "Sex of: %1").replace("%1", result.subject_label.text(language))


def population_text(result: Aggregate, language: Language) -> str:
    female, male, other, unknown = group_names(result.subject)
    counts = result.n_by_group
    rounds = ", ".join(f"{r.name} ({r.period_label})" for r in result.rounds)
    text = QCoreApplication.translate("Dashboard", "%1: %n case(s) – %3 %4, %5 %6, %7 %8, %9 %10.", "", result.n_cases)
    for index, value in enumerate(
        (
            rounds,
            "",
            female.lower(),
            str(counts.get(SexGroup.FEMALE, 0)),
            male.lower(),
            str(counts.get(SexGroup.MALE, 0)),
            other.lower(),
            str(counts.get(SexGroup.OTHER, 0)),
            unknown.lower(),
            str(counts.get(SexGroup.UNKNOWN, 0)),
        ),
        start=1,
    ):
        if value:
            text = text.replace(f"%{index}", value, 1)
    text += " " + sex_of_text(result, language) + "."
    if result.n_double_reviewed:
        text += " " + QCoreApplication.translate(
            "Dashboard",
            "%n case(s) were reviewed by two people; each case is counted once.",
            "",
            result.n_double_reviewed,
        )
    return text


def fit_question_table(view: QTableView, question_width: int = 320) -> None:
    """Figures sized to their contents, the question column wide enough to read and wrapped, the last one stretched."""
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(0, question_width)
    view.setWordWrap(True)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

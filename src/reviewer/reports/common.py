"""What the anonymised exports share: the marks for hidden figures, the column and statistic labels, the public
reasons, and every fixed text they write (which the guard treats as the exports' own vocabulary).

The exports never say whether a hidden count is one of the small ones or a complement: both get the same mark and
reason, because telling them apart would let a reader narrow the small ones down (docs/anonymisation.md).
"""

from __future__ import annotations

from enum import StrEnum

from reviewer.checklists.schema import QuestionType
from reviewer.domain.disclosure import Reason, Rules
from reviewer.domain.sex import Subject
from reviewer.domain.statistics import ComparisonState
from reviewer.domain.text import Language, Message
from reviewer.services.anonymisation import COLUMNS, Column, Method, NumberCell

HIDDEN = "x"  # a hidden figure (röjandeskydd)
NO_VALUE = "–"  # nothing to show: no base for a percentage, no comparison, no value

_GROUPS: dict[Subject, dict[Column, Message]] = {
    Subject.ADULT: {
        "female": Message("Kvinnor", "Women"),
        "male": Message("Män", "Men"),
        "other": Message("Annat", "Other"),
        "unknown": Message("Okänt", "Unknown"),
        "total": Message("Totalt", "Total"),
    },
    Subject.CHILD: {
        "female": Message("Flickor", "Girls"),
        "male": Message("Pojkar", "Boys"),
        "other": Message("Annat", "Other"),
        "unknown": Message("Okänt", "Unknown"),
        "total": Message("Totalt", "Total"),
    },
}


# The total column's heading when small groups are left out: the groups it counts.
_PARTIAL_TOTALS: dict[Subject, dict[tuple[Column, ...], Message]] = {
    Subject.ADULT: {
        ("other", "unknown"): Message("Kvinnor och män", "Women and men"),
        ("other",): Message("Kvinnor, män och okänt", "Women, men and unknown"),
        ("unknown",): Message("Kvinnor, män och annat", "Women, men and other"),
    },
    Subject.CHILD: {
        ("other", "unknown"): Message("Flickor och pojkar", "Girls and boys"),
        ("other",): Message("Flickor, pojkar och okänt", "Girls, boys and unknown"),
        ("unknown",): Message("Flickor, pojkar och annat", "Girls, boys and other"),
    },
}


def group_label(column: Column, method: Method) -> Message:
    """A column's heading; the total column names the groups it counts when a small annat or okänt group is left
    out ("Kvinnor och män" when both are)."""
    if column == "total" and method.left_out:
        return _PARTIAL_TOTALS[method.subject][method.left_out]
    return _GROUPS[method.subject][column]


def fewer_than(rules: Rules) -> Message:
    """What a left-out annat or okänt group's number of cases is given as."""
    return Message(f"färre än {rules.min_cell}", f"fewer than {rules.min_cell}")


def case_count(method: Method, column: Column, language: Language = "sv") -> str:
    """A number of cases in the method and the summary: the count, "färre än k" for a left-out annat or okänt
    group, or the hidden mark."""
    cell = method.cases[column]
    if cell.count is not None:
        return str(cell.count)
    if column in method.left_out:
        return fewer_than(method.rules).text(language)
    return HIDDEN


class PublicReason(StrEnum):
    """The reasons an export gives. SMALL covers both the frequency rule and its complements."""

    SMALL = "small"
    DOMINANCE = "dominance"
    DERIVED = "derived"  # a percentage whose base is hidden, or a comparison of hidden figures


def public_reason(reason: Reason) -> PublicReason:
    return PublicReason.DOMINANCE if reason is Reason.DOMINANCE else PublicReason.SMALL


def reason_text(reason: PublicReason, rules: Rules) -> Message:
    if reason is PublicReason.DOMINANCE:
        return Message(
            f"Dold: de {rules.dominance_n} största beloppen utgör mer än {rules.dominance_percent:g} % av summan "
            "(dominansregeln), eller dold för att en sådan summa inte ska kunna räknas fram",
            f"Hidden: the {rules.dominance_n} largest amounts make up more than {rules.dominance_percent:g}% of the "
            "sum (dominance rule), or hidden so that such a sum cannot be worked out",
        )
    if reason is PublicReason.DERIVED:
        return Message(
            "Dold: skulle räknas fram ur en dold uppgift", "Hidden: it would be worked out from a hidden figure"
        )
    return Message(
        f"Dold: färre än {rules.min_cell} ärenden, eller dold för att en annan dold uppgift inte ska kunna räknas fram",
        f"Hidden: fewer than {rules.min_cell} cases, or hidden so that another hidden figure cannot be worked out",
    )


STATE_LABELS = {
    ComparisonState.OK: Message("Jämförd", "Compared"),
    ComparisonState.TOO_SMALL: Message("För litet underlag", "Too few answers"),
    ComparisonState.NO_VARIATION: Message("Ingen variation", "No variation"),
}
COMPARISON_HIDDEN = Message("Dold", "Hidden")
FLAGGED = Message("Flaggad skillnad", "Flagged difference")
YES, NO = Message("ja", "yes"), Message("nej", "no")

# Number statistics in the order they are shown; the Totalt column has no median or quartiles.
STATISTICS: tuple[tuple[str, Message], ...] = (
    ("n", Message("Antal (n)", "Count (n)")),
    ("medel", Message("Medelvärde", "Mean")),
    ("median", Message("Median", "Median")),
    ("q1", Message("Nedre kvartil", "Lower quartile")),
    ("q3", Message("Övre kvartil", "Upper quartile")),
    ("summa", Message("Summa", "Sum")),
)
UNITS = {"days": Message("dagar", "days"), "money": Message("kr", "SEK"), "none": Message("", "")}
TEST_NAMES = {
    "fisher": Message("Fishers exakta test", "Fisher's exact test"),
    "chi2": Message("Chi-två-test", "Chi-square test"),
    "permutation": Message("Permutationstest", "Permutation test"),
    "mann_whitney": Message("Mann–Whitney U-test", "Mann–Whitney U test"),
}

METHOD = Message("Metod", "Method")
GLOSSARY = Message("Ordlista", "Glossary")
CHECKLIST = Message("Checklista", "Checklist")
ROUNDS = Message("Omgångar", "Rounds")
UNIT = Message("Enhet", "Unit")
SEX_OF = Message("Kön avser", "Sex of")
ALL_UNITS = Message("Alla enheter", "All units")
CASES = Message("Antal granskade ärenden", "Number of reviewed cases")
REVIEWERS = Message("Antal granskare", "Number of reviewers")
MIN_CELL = Message("Minsta antal ärenden per uppgift (k)", "Minimum number of cases per figure (k)")
DOMINANCE = Message("Dominansregel för belopp (n, p %)", "Dominance rule for amounts (n, p %)")
HIDDEN_COUNT = Message("Antal dolda uppgifter", "Number of hidden figures")
EXPORTED_ON = Message("Exportdatum", "Export date")
ANSWERED = Message("Svarande (totalt)", "Answered (total)")
COUNT = Message("Antal", "Count")
PERCENT = Message("%", "%")
ANSWER = Message("Svar", "Answer")
FIGURE = Message("Mått", "Figure")
COMPARED = Message("Jämfört svar", "Compared answer")
DIFFERENCE = Message("Skillnad (procentenheter)", "Difference (percentage points)")
RATIO = Message("Kvot mellan medianer", "Ratio of medians")
P_VALUE = Message("p-värde", "p-value")
P_ADJUSTED = Message(
    "p-värde justerat för antalet jämförda frågor (Benjamini–Hochberg)",
    "p-value adjusted for the number of questions compared (Benjamini–Hochberg)",
)
DIFFERENCE_CI = Message(
    "Skillnad, 95 % konfidensintervall (Newcombe)", "Difference, 95% confidence interval (Newcombe)"
)
RATIO_CI = Message("Kvot mellan medianer, 95 % konfidensintervall (bootstrap)", "Ratio of medians, 95% CI (bootstrap)")
MEAN_RATIO = Message("Kvot mellan medelvärden", "Ratio of means")
MEAN_RATIO_CI = Message(
    "Kvot mellan medelvärden, 95 % konfidensintervall (bootstrap)", "Ratio of means, 95% CI (bootstrap)"
)
PRIMARY = Message("Huvudfråga (prövas utan justering)", "Primary question (tested without adjustment)")
TEST = Message("Test", "Test")
SECTION = Message("Avsnitt", "Section")
QUESTION = Message("Fråga", "Question")
QUESTION_KEY = Message("Frågans kod", "Question code")
QUESTION_TYPE = Message("Frågetyp", "Question type")
# The words the checklist editor uses for the types, for readers of an export (the codes stay in CSV and JSON).
QUESTION_TYPE_NAMES = {
    QuestionType.YES_NO: Message("Ja/nej", "Yes/no"),
    QuestionType.YES_NO_NA: Message("Ja/nej/ej aktuellt", "Yes/no/not applicable"),
    QuestionType.SINGLE_CHOICE: Message("Ett av flera alternativ", "One of several options"),
    QuestionType.MULTIPLE_CHOICE: Message("Flera alternativ", "Several options"),
    QuestionType.INTEGER: Message("Heltal", "Whole number"),
    QuestionType.DECIMAL: Message("Decimaltal", "Decimal number"),
    QuestionType.MONEY: Message("Belopp (kr)", "Amount (SEK)"),
    QuestionType.DAYS: Message("Antal dagar", "Number of days"),
    QuestionType.DATE: Message("Datum", "Date"),
    QuestionType.SCALE: Message("Skala 1–5", "Scale 1–5"),
    QuestionType.TEXT: Message("Fritext", "Free text"),
}
OPTION_CODE = Message("Svarets kod", "Answer code")
OPTION = Message("Svarsalternativ", "Answer option")
MARKS = (
    Message(
        f"{HIDDEN} = uppgiften är dold av röjandeskydd: den bygger på färre än k ärenden, eller skulle låta någon "
        "räkna fram en sådan uppgift ur summor och andra uppgifter. Dolda uppgifter i andra celler kan inte räknas "
        "fram ur det som visas.",
        f"{HIDDEN} = the figure is hidden for disclosure control: it rests on fewer than k cases, or would let "
        "someone work out such a figure from totals and other figures. Hidden figures cannot be worked out from "
        "what is shown.",
    ),
    Message(
        f"{NO_VALUE} = det finns ingen uppgift att visa (till exempel en andel när ingen svarat).",
        f"{NO_VALUE} = there is no figure to show (for example a percentage when nobody answered).",
    ),
    Message(
        "Fritextsvar, anteckningar, datum, ärendekoder och granskarnas namn finns aldrig med i en anonymiserad "
        "sammanställning. Det minsta och största värdet av ett tal visas inte, eftersom vart och ett beskriver ett "
        "enda ärende.",
        "Free-text answers, notes, dates, case codes and reviewers' names are never part of an anonymised "
        "summary. The smallest and largest value of a number are not shown, as each describes a single case.",
    ),
    Message(
        "En skillnad flaggas när den är minst så stor som tröskeln och statistiskt säker (p under alfa). "
        "Jämförelsen gäller kvinnor och män (flickor och pojkar); annat och okänt räknas var för sig men jämförs "
        "inte.",
        "A difference is flagged when it is at least the threshold and statistically significant (p below alpha). "
        "The comparison is of women and men (girls and boys); other and unknown are each counted but not "
        "compared.",
    ),
)
LEGEND = Message(
    f"{HIDDEN} = dold uppgift, {NO_VALUE} = ingen uppgift (se fliken Metod)",
    f"{HIDDEN} = hidden figure, {NO_VALUE} = no figure (see the Method sheet)",
)
COMPARISON = Message("Jämförelse kvinnor–män", "Comparison women–men")
THRESHOLDS = Message(
    "Flaggas från (procentenheter, kvot, justerat p under q)",
    "Flagged from (percentage points, ratio, adjusted p below q)",
)
TITLE = Message("Anonymiserad sammanställning", "Anonymised summary")
# Answer labels the aggregation gives (yes/no questions, the 1–5 scale), for the guard's vocabulary.
_ANSWER_WORDS = ("Ja", "Nej", "Ej aktuellt", "Yes", "No", "Not applicable", "av", "of")


def statistic(cell: NumberCell, code: str) -> float | None:
    """A statistic of a number question's column by its code in STATISTICS."""
    values: dict[str, float | None] = {
        "n": None if cell.n is None else float(cell.n),
        "medel": cell.mean,
        "median": cell.median,
        "q1": cell.q1,
        "q3": cell.q3,
        "summa": cell.total,
    }
    return values[code]


SEX_GROUPS_ONLY = frozenset({"median", "q1", "q3"})  # no median or quartiles in the Totalt column
WITH_SUM = frozenset({"medel", "summa"})  # the mean gives the sum away: the two are hidden together


def program_texts() -> list[str]:
    """Every fixed text an export may write, in both languages: with the checklist's texts, the words a name
    must differ from to be recognised as a name (see reports.guard)."""
    messages: list[Message] = [value for value in globals().values() if isinstance(value, Message)]
    messages += [*MARKS, *STATE_LABELS.values(), *UNITS.values(), *TEST_NAMES.values()]
    messages += [label for _, label in STATISTICS]
    messages += [m for groups in _GROUPS.values() for m in groups.values()]
    messages += [m for totals in _PARTIAL_TOTALS.values() for m in totals.values()]
    messages += [Message("färre än", "fewer than")]
    rules = Rules()
    messages += [reason_text(reason, rules) for reason in PublicReason]
    return [*(t for m in messages for t in (m.sv, m.en)), *_ANSWER_WORDS, *COLUMNS]

"""The workbook's layout: sheet and column names, the settings rows, the type names, the help sheet."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.checklists.schema import QuestionType

QUESTIONS, OPTIONS, SETTINGS = "Frågor", "Alternativ", "Inställningar"
SHEET_NAMES = {
    QUESTIONS: ("frågor", "questions"),
    OPTIONS: ("alternativ", "options"),
    SETTINGS: ("inställningar", "settings"),
}
HELP_SHEET = "Hjälp"
AGE_BAND = "åldersgrupp"  # not a valid question key (å), so it can never clash with one

TYPE_NAMES: dict[QuestionType, str] = {
    QuestionType.YES_NO: "ja_nej",
    QuestionType.YES_NO_NA: "ja_nej_ej_aktuellt",
    QuestionType.SINGLE_CHOICE: "ett_val",
    QuestionType.MULTIPLE_CHOICE: "flera_val",
    QuestionType.INTEGER: "heltal",
    QuestionType.DECIMAL: "decimaltal",
    QuestionType.MONEY: "belopp",
    QuestionType.DAYS: "dagar",
    QuestionType.DATE: "datum",
    QuestionType.SCALE: "skala",
    QuestionType.TEXT: "fritext",
}
SUBJECT_NAMES = {"adult": "vuxen", "child": "barn"}
YES, NO = "ja", "nej"
TRUE = {"ja", "yes", "true", "sant", "x", "1"}
FALSE = {"nej", "no", "false", "falskt", "0"}


@dataclass(frozen=True)
class Column:
    """One column: the field it holds, its Swedish heading (written) and English heading (also read)."""

    name: str
    sv: str
    en: str
    width: int
    wrap: bool = False


QUESTION_COLUMNS = (
    Column("section", "avsnitt", "section", 14),
    Column("section_title", "avsnittets rubrik", "section title", 24, wrap=True),
    Column("key", "nyckel", "key", 24),
    Column("type", "typ", "type", 18),
    Column("text", "frågetext", "question text", 48, wrap=True),
    Column("help", "hjälptext", "help text", 60, wrap=True),
    Column("required", "obligatorisk", "required", 13),
    Column("show_if", "visas om", "show if", 26),
    Column("compare_by_sex", "jämförs per kön", "compare by sex", 15),
    Column("min", "min", "min", 8),
    Column("max", "max", "max", 8),
    Column("section_title_en", "avsnittets rubrik (engelska)", "section title (English)", 24, wrap=True),
    Column("text_en", "frågetext (engelska)", "question text (English)", 40, wrap=True),
    Column("help_en", "hjälptext (engelska)", "help text (English)", 50, wrap=True),
    Column("section_description", "avsnittets beskrivning", "section description", 40, wrap=True),
    Column("section_description_en", "avsnittets beskrivning (engelska)", "section description (English)", 40, True),
    Column("anchor_low", "skalans 1", "scale 1 means", 30, wrap=True),
    Column("anchor_high", "skalans 5", "scale 5 means", 30, wrap=True),
    Column("anchor_low_en", "skalans 1 (engelska)", "scale 1 means (English)", 30, wrap=True),
    Column("anchor_high_en", "skalans 5 (engelska)", "scale 5 means (English)", 30, wrap=True),
    Column("measure", "räknat mått", "counted measure", 22),
    Column("measure_group", "ordgrupp", "word group", 14),
    Column("text_aid", "textstödet fyller", "text aid fills", 40, wrap=True),
)
OPTION_COLUMNS = (
    Column("question", "fråga", "question", 24),
    Column("value", "värde", "value", 20),
    Column("label", "etikett", "label", 40, wrap=True),
    Column("label_en", "etikett (engelska)", "label (English)", 40, wrap=True),
)
SETTING_COLUMNS = (
    Column("setting", "inställning", "setting", 22),
    Column("value", "värde", "value", 50, wrap=True),
    Column("old_key", "gammal nyckel", "old key", 24),
    Column("explanation", "förklaring", "explanation", 70, wrap=True),
)
REQUIRED_COLUMNS = {QUESTIONS: ("section", "key", "type", "text"), OPTIONS: ("question", "value", "label")}


@dataclass(frozen=True)
class Setting:
    name: str
    sv: str
    en: str
    explanation: str
    repeated: bool = False


SETTINGS_ROWS = (
    Setting("format_version", "formatversion", "format version", "Filformatets version; alltid 1."),
    Setting("slug", "id", "slug", "Checklistans fasta id: a–z, 0–9, _ och -, börjar med en bokstav."),
    Setting("version", "version", "version", "Heltal; en publicerad version ändras aldrig, en ändring blir en ny."),
    Setting("title", "titel", "title", "Checklistans namn."),
    Setting("title_en", "titel (engelska)", "title (English)", "Namnet på engelska (valfritt)."),
    Setting("description", "beskrivning", "description", "Visas ovanför formuläret (valfritt)."),
    Setting("description_en", "beskrivning (engelska)", "description (English)", "Beskrivningen på engelska."),
    Setting("area", "område", "area", "fardtjanst, barnomsorg, missbruk eller annat."),
    Setting("subject", "ärendet gäller", "subject", "vuxen (kvinna/man) eller barn (flicka/pojke)."),
    Setting(
        "subject_label",
        "kön avser",
        "sex of",
        "Den person vars kön ärendet registrerar, t.ex. sökande eller barnet; står vid varje tabell (valfritt).",
    ),
    Setting("subject_label_en", "kön avser (engelska)", "sex of (English)", "Samma på engelska (valfritt)."),
    Setting("previous", "föregående version", "previous version", "Versionen denna bygger på (tomt om ingen).", False),
    Setting(
        "key_change",
        "nyckelbyte",
        "key change",
        "En rad per fråga som bytt nyckel eller delats: ny nyckel under värde, den gamla under gammal nyckel.",
        repeated=True,
    ),
    Setting(
        "retired",
        "borttagen fråga",
        "retired question",
        "En rad per fråga i föregående version som inte finns kvar: dess nyckel under värde.",
        repeated=True,
    ),
)
REQUIRED_SETTINGS = ("slug", "version", "title", "area", "subject")

HELP_LINES = (
    "Så här fungerar arbetsboken (mer i docs/checklist-excel.md):",
    "",
    "Frågor: en rad per fråga. 'avsnitt' är avsnittets nyckel; rubriken skrivs på avsnittets första rad. Ett tomt",
    "avsnitt betyder samma avsnitt som raden ovanför. Ett avsnitts frågor står i följd.",
    "Nycklar (avsnitt, nyckel, värde): små bokstäver a–z, siffror och _, börjar med en bokstav. Ändra inte nyckeln",
    "på en fråga som redan används; lägg i stället till ett nyckelbyte på bladet Inställningar.",
    "typ: " + ", ".join(TYPE_NAMES.values()) + ".",
    "obligatorisk och jämförs per kön: ja eller nej (tomt = nej).",
    "visas om: 'fraga = ja' eller 'fraga in (a, b)' – frågan visas bara när en tidigare fråga har ett av svaren.",
    "  Svaren på ja_nej-frågor heter ja, nej och ej_aktuellt; skalfrågor har 1–5; valfrågor sina värden.",
    "min och max: gränser för tal (heltal, decimaltal, belopp, dagar).",
    "skalans 1 och skalans 5: vad ändpunkterna betyder på en skalfråga; visas under skalan i formuläret.",
    "räknat mått: words, sentences, lexicon_hits eller lexicon_hits_per_100 – svaret räknas av textstödet;",
    "  ordgrupp (emotion, character, appearance, family_role) begränsar träffarna; textstödet fyller: nycklarna.",
    "Alternativ: en rad per svarsalternativ för ett_val och flera_val; 'fråga' är frågans nyckel.",
    f"  Åldersgrupperna står under frågan '{AGE_BAND}'.",
    "Inställningar: checklistans id, version, titel, område och vem ärendena gäller.",
    "Kolumner vars rubrik börjar med # och bladet Hjälp läses inte; skriv gärna egna anteckningar där.",
)

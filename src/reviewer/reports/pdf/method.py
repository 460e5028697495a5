"""The method: the sample and the reviewers, how the groups are compared and tested, what the adjustment for many
questions means, the flag rule, and a glossary of the tables' words and marks."""

from __future__ import annotations

from reviewer.domain.text import count_of
from reviewer.reports.pdf.agreement import agreement
from reviewer.reports.pdf.document import HIDDEN_MARK, HIDDEN_NOTE
from reviewer.reports.pdf.story import Story, join
from reviewer.reports.pdf.summary import GROUP_WORDS, flag_rule
from reviewer.services.aggregation import MIN_PERCENT_BASE
from reviewer.services.aggregation.text import TEST_WORDS, format_number, format_percent


def method(story: Story) -> None:
    data = story.data
    female, male = story.words
    women, men, other, unknown, total = story.case_counts()
    story.heading("Metod", 0)
    story.heading("Urval och granskare", 1)
    rounds = ", ".join(f"{r.name} ({r.period_label})" for r in data.rounds)
    story.para(
        f"Underlaget är {count_of(total, 'ärende', 'ärenden')} ur {rounds}: {female} {women}, {male} {men}, "
        f"annat {other} och okänt {unknown}. {story.sex_of}. Ärendena granskades av {data.n_reviewers} granskare "
        f"med checklistan ”{data.checklist_title.sv}” version {data.checklist_version}."
    )
    not_counted = story.aggregate.n_not_counted if story.anonymised is None else 0
    story.para(
        "Bara klara granskningar räknas. Varje ärende räknas en gång, även om två granskare har läst det."
        + (
            f" {count_of(not_counted, 'ärende', 'ärenden')} i omgången saknar en klar granskning och ingår inte."
            if not_counted
            else ""
        )
    )
    if story.anonymised is None:
        for warning in story.aggregate.warnings:
            story.para(warning.sv, "bullet", bullet="•")
    story.heading("Jämförelser och tester", 1)
    _comparisons(story)
    explanations(story)
    agreement(story)


def _comparisons(story: Story) -> None:
    female, male = story.words
    t = story.data.thresholds
    story.para(
        f"För varje fråga som jämförs mellan {female} och {male} visas andelen som valt det jämförda svaret (för "
        "ja/nej-frågor andelen ja) inom varje grupp och totalt, med antal och 95 % konfidensintervall (Wilson), och "
        f"under den könsfördelningen: hur de som valt svaret fördelar sig på {female}, {male}, annat och okänt. För "
        "tal som dagar och kronor visas median, medelvärde och för kronor summan per grupp och totalt. Ingen "
        f"procentsats ges där färre än {MIN_PERCENT_BASE} har svarat; då står bara antalet. Grupperna annat och "
        "okänt räknas och redovisas var för sig men ingår aldrig i jämförelsen."
    )
    story.para(
        f"Skillnaden är {female} minus {male} i procentenheter (p.e.) med 95 % konfidensintervall (Newcombe). För "
        f"tal jämförs medianerna och medelvärdena som kvoter ({female} delat med {male}), med 95 % intervall från "
        "en bootstrap med fast startvärde, så att samma uppgifter alltid ger samma intervall."
    )
    used = sorted({c.test.name for c in story.comparisons() if c.test is not None}, key=list(TEST_WORDS).index)
    story.para(
        "Testerna passar små urval. Fishers exakta test prövar andelen för ja/nej-frågor och för ett svar i "
        "flervalsfrågor (Bonferroni-justerat när svaret är det med störst skillnad). För frågor med ett av flera "
        "svar prövar chi två-testet, eller ett permutationstest när underlaget är litet, hela svarsfördelningen – "
        "inte bara det jämförda svaret. För tal prövar Mann–Whitneys test om fördelningarna skiljer sig, inte om "
        "medianerna gör det."
        + (f" I den här rapporten: {join([TEST_WORDS[name].sv for name in used])}." if used else "")
    )
    q = format_percent(100 * t.fdr_q, "sv")
    story.para(
        "Med många frågor blir några skillnader stora av en slump. Därför justeras p-värdena för alla frågor som "
        f"prövas i urvalet tillsammans (Benjamini–Hochberg, q = {format_number(t.fdr_q, 'sv', 3)}): bland de "
        f"flaggade skillnaderna väntas högst {q} vara slumpfynd. Tabellerna visar både p (ojusterat) och justerat p. "
        "En checklista kan ange några huvudfrågor, bestämda före omgången; de prövas var för sig utan justering "
        f"(p under {format_number(t.alpha, 'sv', 3)})."
    )
    story.para(
        f"En skillnad flaggas när den är {flag_rule(story, False)}. Med färre än {t.min_group_n} svar i någon av "
        "grupperna prövas ingenting (för litet underlag)."
    )


def explanations(story: Story) -> None:
    female, male = story.words
    t = story.data.thresholds
    story.heading("Ord och tecken i tabellerna", 1)
    terms = [
        ("n", "antal ärenden som besvarat frågan; för frågor med svaret ”ej aktuellt” räknas de svaren inte in"),
        ("21 av 50", "21 ärenden av de 50 som besvarat frågan valde svaret"),
        (
            f"2 av {MIN_PERCENT_BASE - 1}",
            f"färre än {MIN_PERCENT_BASE} har svarat: bara antalet visas, ingen procentsats",
        ),
        ("(29–56)", "95 % konfidensintervall (KI): värden som stämmer med underlaget; brett intervall, stor osäkerhet"),
        ("Annat, Okänt", "kön som varken är kvinna eller man, och kön som inte framgår av akten; räknas, jämförs inte"),
        ("Totalt", f"alla ärenden: {female}, {male}, annat och okänt")
        if not story.left_out
        else (
            story.total_header,
            f"{story.total_header.lower()} tillsammans: "
            + " och ".join(GROUP_WORDS[g] for g in story.left_out)
            + f" har färre än {story.min_cell} ärenden och redovisas bara så",
        ),
        ("Könsfördelning", f"hur de som valt svaret fördelar sig på {female}, {male}, annat och okänt"),
        ("p.e.", "procentenheter: skillnaden mellan två procentsatser"),
        ("kvot", f"{female}s median (eller medelvärde) delad med {male}s; 1 betyder lika"),
        ("p", "sannolikheten att få minst så stor skillnad av en slump, om det inte finns någon verklig skillnad"),
        ("justerat p", "p justerat för antalet prövade frågor (Benjamini–Hochberg); det avgör om en skillnad flaggas"),
        ("huvudfråga", "bestämd före omgången och prövad utan justering (ojusterat)"),
        ("för litet underlag", f"färre än {t.min_group_n} svar i någon grupp"),
        ("Flaggad", f"skillnaden är {flag_rule(story, False)}; raden är färgmarkerad"),
        ("–", "uppgift saknas (ingen har svarat)"),
    ]
    if story.anonymised is not None:
        terms.append((HIDDEN_MARK, HIDDEN_NOTE.format(k=story.anonymised.method.rules.min_cell)))
    for term, meaning in terms:
        story.para(f"{term}: {meaning}", "small", bullet="•")

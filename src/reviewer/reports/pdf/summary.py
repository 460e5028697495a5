"""The summary: the cases, what was tested and what that means, the flagged differences as the aggregation words
them, and – with a baseline – how the gaps changed, every verdict counted."""

from __future__ import annotations

from collections import Counter

from reviewer.reports.pdf.before_after import shown_changes
from reviewer.reports.pdf.story import Story
from reviewer.services.aggregation.text import comparisons_summary, format_number

GROUP_WORDS = {"other": "annat", "unknown": "okänt"}


def summary(story: Story) -> None:
    female, male = story.words
    women, men, other, unknown, total = story.case_counts()
    story.heading("Sammanfattning", 0)
    counts = {"other": other, "unknown": unknown}
    shown = [f"{female} {women}", f"{male} {men}"]
    shown += [f"{GROUP_WORDS[g]} {counts[g]}" for g in ("other", "unknown") if g not in story.left_out]
    left = " och ".join(f"{counts[g]} ärenden med {GROUP_WORDS[g]} kön" for g in story.left_out)
    if story.women_and_men:
        story.para(f"Granskningen omfattar {total} ärenden om {female} och {male} ({', '.join(shown)}) och {left}.")
    elif story.left_out:
        story.para(f"Granskningen omfattar {total} ärenden ({', '.join(shown)}) och {left}.")
    else:
        story.para(f"Granskningen omfattar {total} ärenden ({', '.join(shown)}).")
    _findings(story)
    _changes(story)


def flag_rule(story: Story, plural: bool) -> str:
    """What a flagged difference is, in plain words: material and clear after the adjustment."""
    t = story.data.thresholds
    clear = "tydliga" if plural else "tydlig"
    return (
        f"minst {format_number(t.min_difference_pp, 'sv')} procentenheter (för tal minst "
        f"{format_number(t.min_relative_difference * 100, 'sv')} % högre för någon av grupperna) och {clear} även "
        f"efter justeringen för antalet jämförelser (justerat p under {format_number(t.fdr_q, 'sv', 3)})"
    )


def _findings(story: Story) -> None:
    female, male = story.words
    t = story.data.thresholds
    n_tested, n_primary, n_hidden = story.tested()
    text = comparisons_summary(n_tested, n_primary, t.fdr_q, t.alpha, "sv")
    if n_hidden:
        text += (
            f" Ytterligare {n_hidden} {'jämförelse' if n_hidden == 1 else 'jämförelser'} redovisas inte för att "
            "skydda enskilda; de som kunde prövas ingår ändå i justeringen."
        )
    story.para(text)
    findings = story.findings()
    if findings:
        many = len(findings) > 1
        story.para(
            f"{len(findings)} {'skillnader' if many else 'skillnad'} mellan {female} och {male} flaggas: "
            f"{'de' if many else 'den'} är {flag_rule(story, many)}. " + ("De största först:" if many else "")
        )
        for finding in findings:
            story.para(finding.message.sv, "bullet", bullet="•")
    elif not n_tested + n_primary:
        story.para("Därför flaggas inga skillnader.")
    else:
        story.para(
            f"Inga skillnader mellan {female} och {male} uppfyller kraven för att flaggas: ingen skillnad är "
            f"{flag_rule(story, False)}. Det betyder inte att det saknas skillnader – med få ärenden syns bara stora "
            "(se avsnittet Metod)."
        )
    if story.anonymised is not None and story.anonymised.method.n_hidden:
        story.para(
            "Skillnader i frågor där uppgifter har dolts för att skydda enskilda redovisas inte (se avsnittet "
            "Dolda uppgifter)."
        )


def _changes(story: Story) -> None:
    changes = story.changes()
    baseline = story.data.baseline
    if changes is None or baseline is None:
        return
    female, male = story.words
    questions, hidden = shown_changes(story, changes)
    verdicts = Counter(c.verdict for c in questions if c.verdict is not None)
    tested = sum(verdicts[v] for v in ("narrowed", "widened", "reversed", "unchanged", "no_clear_change"))
    unchanged = f", är oförändrad för {verdicts['unchanged']}" if verdicts["unchanged"] else ""
    if verdicts["reversed"]:
        unchanged = f", har bytt riktning för {verdicts['reversed']}" + unchanged
    text = (
        f"Jämfört med {baseline.name} ({baseline.period_label}) prövades förändringen av skillnaden mellan {female} "
        f"och {male} för {tested} {'fråga' if tested == 1 else 'frågor'}: den har minskat för "
        f"{verdicts['narrowed']}, ökat för {verdicts['widened']}{unchanged} och visar ingen säker förändring för "
        f"{verdicts['no_clear_change']}."
    )
    if verdicts["not_tested"]:
        text += f" {verdicts['not_tested']} kunde inte prövas (för litet underlag i någon av omgångarna)."
    if hidden:
        text += f" {hidden} redovisas inte för att skydda enskilda."
    text += (
        " Förändringarna är justerade för antalet prövade frågor (Benjamini–Hochberg): minskat eller ökat sägs bara "
        "när förändringen håller efter justeringen (se avsnittet Före och efter)."
    )
    story.para(text)

"""The anonymised report's notes on hidden figures: what x means, the rules, and how many were hidden."""

from __future__ import annotations

from reviewer.reports.pdf.document import HIDDEN_MARK, HIDDEN_NOTE
from reviewer.reports.pdf.story import Story
from reviewer.services.aggregation.text import format_number


def hidden(story: Story) -> None:
    if story.anonymised is None:
        return
    method = story.anonymised.method
    rules = method.rules
    story.heading("Dolda uppgifter", 0)
    story.para(
        f"{HIDDEN_MARK} = {HIDDEN_NOTE.format(k=rules.min_cell)}. Rapporten visar samma uppgifter som den "
        f"anonymiserade exporten (CSV, Excel, JSON) och döljer samma: {method.n_hidden} uppgifter är dolda."
    )
    story.para(
        f"Reglerna: ett antal på 1 till {rules.min_cell - 1} ärenden döljs (frekvensregeln; 0 visas, eftersom en "
        "tom cell inte pekar ut någon). Döljs en uppgift i en rad eller kolumn döljs ytterligare en, så att den "
        "inte kan räknas fram ur summan (sekundär röjandekontroll). Andelar vars antal eller bas är dold döljs "
        "också. Medianer och andra mått på färre än "
        f"{rules.min_cell} värden döljs, och summor av kronor döljs när de {rules.dominance_n} största beloppen "
        f"utgör mer än {format_number(rules.dominance_percent, 'sv')} % av summan (dominansregeln). En skillnad "
        "mellan könen redovisas bara när ingen av uppgifterna den bygger på är dold."
    )
    story.para(
        "Det rapporten räknar fram ur de redovisade uppgifterna följer samma regler: konfidensintervall och "
        "könsfördelning visas bara där antalen och baserna de bygger på visas, och medelvärden, summor och kvoten "
        "mellan medelvärdena bara där gruppernas summor visas."
    )
    story.para(
        "Rapporten innehåller inga ärendekoder, inga namn på granskare, inga fritextsvar eller anteckningar och "
        "inga datum utöver omgångarnas perioder."
    )

"""The flowables every PDF of the program is built from – the audit report's story and the training summary alike:
paragraphs, numbered headings that feed the contents, wrapping cells and tables in one style."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from reviewer.reports.pdf.document import (
    FLAG_BACKGROUND,
    FONT_BOLD,
    GRID,
    HEADER_BACKGROUND,
    Heading,
    Text,
    register_fonts,
    styles,
    table_style,
)


class Layout:
    """Paragraphs, numbered headings, table cells and tables in the report's styles, added to `flowables`."""

    def __init__(self) -> None:
        self.text = Text(register_fonts())
        self.styles = styles()
        self.flowables: list[Flowable] = []
        self._numbers = [0, 0]

    def para(self, text: str, style: str = "body", bullet: str | None = None) -> None:
        self.flowables.append(Paragraph(self.text.markup(text), self.styles[style], bulletText=bullet))

    def heading(self, title: str, level: int) -> None:
        if level == 0:
            self._numbers = [self._numbers[0] + 1, 0]
            number = f"{self._numbers[0]}"
        else:
            self._numbers[1] += 1
            number = f"{self._numbers[0]}.{self._numbers[1]}"
        plain = self.text.plain(f"{number} {title}")
        if level == 0:
            self.flowables.append(CondPageBreak(60 * mm))
        self.flowables.append(
            Heading(escape(plain), self.styles["h1" if level == 0 else "h2"], level, f"s{number}", plain)
        )

    def cell(self, text: str, bold: bool = False, note: str = "", style: str = "cell") -> Paragraph:
        """A left-aligned cell that wraps; `note` below it in small grey type."""
        markup = self.text.markup(text)
        if note:
            size, colour = self.styles["note"].fontSize, self.styles["note"].textColor.hexval()[2:]
            markup += f'<br/><font size="{size}" color="#{colour}">{self.text.markup(note)}</font>'
        return Paragraph(markup, self.styles["cell_bold" if bold else style])

    def right(self, text: str, head: bool = False, style: str = "cell_right") -> Paragraph:
        """A right-aligned cell that wraps, lines kept; a "/" in a heading may break the line ("Annat/ okänt")."""
        lines = [self.text.markup(line) for line in text.split("\n")]
        if head:
            lines = [line.replace("/", "/<br/>") for line in lines]
        markup = "<br/>".join(lines)
        return Paragraph(markup, self.styles["head_right" if head else style])

    def table(
        self,
        rows: list[list[Any]],
        widths: Sequence[float],
        flagged: Sequence[int] = (),
        commands: Sequence[tuple[Any, ...]] = (),
        lines_below: Sequence[int] | None = None,
    ) -> None:
        """`flagged`: rows tinted; `lines_below`: the rows with a rule under them (all when None)."""
        table = Table(rows, colWidths=list(widths), repeatRows=1)
        style: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8, 9.5),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if lines_below is None:
            style.append(("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID))
        else:
            style += [("LINEBELOW", (0, i), (-1, i), 0.3, GRID) for i in (0, *lines_below)]
        style += [("BACKGROUND", (0, i), (-1, i), FLAG_BACKGROUND) for i in flagged]
        table.setStyle(table_style(*style, *commands))
        self.flowables.append(table)
        self.flowables.append(Spacer(1, 4 * mm))

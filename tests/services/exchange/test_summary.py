"""The import summary in both languages: the one line and the details."""

from datetime import UTC, datetime

from reviewer.services.exchange import FileSummary, ImportSummary, ReviewCounts


def file_summary(name="ab.granskning", **kwargs):
    values = {
        "file_name": name,
        "exported_by": "AB",
        "already_imported_at": None,
        "duplicate_of": None,
        "reviews": ReviewCounts(new=12, unchanged=3, taken=1),
        "per_reviewer": {"AB": ReviewCounts(new=12, unchanged=3, taken=1)},
        "new_cases": 12,
        "new_rounds": ("Färdtjänst 2024",),
        "merged_rounds": (),
        "renamed_rounds": (),
        "new_checklist_versions": (),
    }
    return FileSummary(**(values | kwargs))


def test_one_line_in_swedish_and_english():
    summary = ImportSummary((file_summary(),))
    assert summary.text("sv") == "12 nya, 3 oförändrade, 1 konflikt (1 tog inkommande)"
    assert summary.text("en") == "12 new, 3 unchanged, 1 conflict (1 took incoming)"
    assert (
        ReviewCounts(kept=1, both=1).text("sv")
        == "0 nya, 0 oförändrade, 2 konflikter (1 behöll befintlig, 1 behöll båda)"
    )
    assert ReviewCounts().text("en") == "0 new, 0 unchanged, 0 conflicts"


def test_totals_add_up_over_files_and_reviewers():
    other = file_summary(
        "cd.granskning",
        reviews=ReviewCounts(new=2, unchanged=1),
        per_reviewer={"AB": ReviewCounts(unchanged=1), "CD": ReviewCounts(new=2)},
        new_rounds=(),
        merged_rounds=(("Färdtjänst 2024", "Färdtjänst 2024"),),
        new_cases=2,
    )
    summary = ImportSummary((file_summary(), other))
    assert summary.reviews == ReviewCounts(new=14, unchanged=4, taken=1)
    assert summary.per_reviewer == {"AB": ReviewCounts(new=12, unchanged=4, taken=1), "CD": ReviewCounts(new=2)}
    assert summary.new_cases == 14
    lines = summary.lines("sv")
    assert lines[:3] == [
        "ab.granskning: 12 nya, 3 oförändrade, 1 konflikt (1 tog inkommande)",
        "cd.granskning: 2 nya, 1 oförändrade, 0 konflikter",
        "Totalt: 14 nya, 4 oförändrade, 1 konflikt (1 tog inkommande)",
    ]
    assert "Ny omgång: Färdtjänst 2024" in lines
    assert any(line.startswith("Sammanslagen: 'Färdtjänst 2024'") for line in lines)
    assert "  CD: 2 nya, 0 oförändrade, 0 konflikter" in lines
    assert "Per reviewer:" in summary.lines("en")


def test_a_file_imported_before_says_so():
    when = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    summary = file_summary(reviews=ReviewCounts(unchanged=15), already_imported_at=when)
    assert summary.text("sv") == "ab.granskning: 0 nya, 15 oförändrade, 0 konflikter (redan importerad 2026-03-01)"
    assert "(already imported 2026-03-01)" in summary.text("en")
    assert "(samma fil som a.granskning)" in file_summary(duplicate_of="a.granskning").text("sv")

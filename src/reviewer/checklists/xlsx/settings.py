"""The Inställningar sheet: id, version, titles, area, whose sex, and the previous version's key changes."""

from __future__ import annotations

from typing import Any

from reviewer.checklists.xlsx.cells import (
    Place,
    Reader,
    Sheet,
    cell_text,
    normalised,
    quoted,
    read_whole_number,
    without_diacritics,
)
from reviewer.checklists.xlsx.layout import REQUIRED_SETTINGS, SETTINGS_ROWS, SUBJECT_NAMES


def read_settings(reader: Reader, sheet: Sheet) -> dict[str, Any]:
    by_name = {normalised(alias): s for s in SETTINGS_ROWS for alias in (s.sv, s.en)}
    seen: dict[str, int] = {}
    data: dict[str, Any] = {"format_version": 1}
    texts: dict[str, str] = {}
    key_map: dict[str, str] = {}
    key_map_rows: list[int] = []
    retired: list[str] = []
    previous_given = False
    for row, values in sheet.rows:
        name_text = cell_text(sheet.cell(values, "setting"))
        setting = by_name.get(normalised(name_text))
        value = sheet.cell(values, "value")
        if setting is None:
            known = ", ".join(s.sv for s in SETTINGS_ROWS)
            reader.error(
                sheet.place(row, "setting"),
                "",
                f"okänd inställning {quoted(name_text)}; kända: {known}",
                f"unknown setting {quoted(name_text)}; known: {known}",
            )
            continue
        if not setting.repeated:
            if setting.name in seen:
                reader.error(
                    sheet.place(row, "setting"),
                    "",
                    f"inställningen '{setting.sv}' finns redan på rad {seen[setting.name]}",
                    f"the setting '{setting.sv}' already appears in row {seen[setting.name]}",
                )
                continue
            seen[setting.name] = row
        place = sheet.place(row, "value")
        match setting.name:
            case "format_version" | "version" | "previous":
                path = {"format_version": "format_version", "version": "version", "previous": "previous.version"}
                reader.places[path[setting.name]] = place
                if setting.name == "previous":
                    reader.places["previous"] = place
                    previous_given = value is not None
                number = read_whole_number(reader, place, path[setting.name], value)
                if number is not None:
                    data[setting.name] = number
            case "slug" | "area":
                reader.places[setting.name] = place
                text = cell_text(value)
                if text:
                    data[setting.name] = without_diacritics(text) if setting.name == "area" else text
            case "subject":
                reader.places["subject"] = place
                text = normalised(cell_text(value))
                subject = {v: k for k, v in SUBJECT_NAMES.items()}.get(text, text if text in SUBJECT_NAMES else None)
                if subject is not None:
                    data["subject"] = subject
                elif text:
                    reader.error(
                        place,
                        "subject",
                        f"{quoted(text)} är varken vuxen eller barn",
                        f"{quoted(text)} is neither vuxen (adult) nor barn (child)",
                    )
            case "title" | "title_en" | "description" | "description_en" | "subject_label" | "subject_label_en":
                base = setting.name.removesuffix("_en")
                reader.places[f"{base}.en" if setting.name.endswith("_en") else base] = place
                if cell_text(value):
                    texts[setting.name] = cell_text(value)
            case "key_change":
                new_key, old_key = cell_text(value), cell_text(sheet.cell(values, "old_key"))
                reader.places[f"previous.key_map.{new_key}"] = place
                key_map_rows.append(row)
                if not new_key or not old_key:
                    reader.error(
                        sheet.place(row, "value" if not new_key else "old_key"),
                        "previous.key_map",
                        "ett nyckelbyte behöver den nya nyckeln under värde och den gamla under gammal nyckel",
                        "a key change needs the new key under värde (value) and the old one under gammal nyckel",
                    )
                elif new_key in key_map:
                    reader.error(
                        place,
                        f"previous.key_map.{new_key}",
                        f"'{new_key}' har redan ett nyckelbyte längre upp",
                        f"'{new_key}' already has a key change further up",
                        new_key,
                    )
                else:
                    key_map[new_key] = old_key
            case "retired":
                reader.places[f"previous.retired[{len(retired)}]"] = place
                if cell_text(value):
                    retired.append(cell_text(value))
    for name in REQUIRED_SETTINGS:
        if name not in seen:
            setting = next(s for s in SETTINGS_ROWS if s.name == name)
            place = Place(sheet.name, None, None)
            reader.places[name] = place
            reader.error(place, name, f"raden '{setting.sv}' saknas", f"the row '{setting.sv}' is missing")
    for name in ("title", "description", "subject_label"):
        if name in texts or f"{name}_en" in texts:
            data[name] = {"sv": texts.get(name, "")} | ({"en": texts[f"{name}_en"]} if f"{name}_en" in texts else {})
    if "previous" in data:
        data["previous"] = {"version": data["previous"], "key_map": key_map, "retired": retired}
        if key_map_rows:
            reader.places["previous.key_map"] = sheet.place(key_map_rows[0], "value")
    elif (key_map or retired) and not previous_given:
        reader.error(
            sheet.place(seen["previous"], "value") if "previous" in seen else Place(sheet.name),
            "previous",
            "nyckelbyten och borttagna frågor kräver ett versionsnummer under 'föregående version'",
            "key changes and retired questions need a version number under 'föregående version'",
        )
    return data

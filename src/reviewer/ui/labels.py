"""Display names for stored codes, translated at call time (never at import time)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def area_label(area: str) -> str:
    names = {
        "fardtjanst": QCoreApplication.translate("Labels", "Paratransit"),
        "barnomsorg": QCoreApplication.translate("Labels", "Childcare"),
        "missbruk": QCoreApplication.translate("Labels", "Substance abuse"),
        "annat": QCoreApplication.translate("Labels", "Other"),
    }
    return names.get(area, area)


def checklist_status_label(status: str) -> str:
    names = {
        "draft": QCoreApplication.translate("Labels", "Draft"),
        "published": QCoreApplication.translate("Labels", "Published"),
        "retired": QCoreApplication.translate("Labels", "Retired"),
    }
    return names.get(status, status)


def round_kind_label(kind: str) -> str:
    names = {
        "real": QCoreApplication.translate("Labels", "Review"),
        "training": QCoreApplication.translate("Labels", "Training"),
    }
    return names.get(kind, kind)


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("Labels", "Yes") if value else QCoreApplication.translate("Labels", "No")


def sex_label(sex: str) -> str:
    names = {
        "kvinna": QCoreApplication.translate("Labels", "Woman"),
        "man": QCoreApplication.translate("Labels", "Man"),
        "flicka": QCoreApplication.translate("Labels", "Girl"),
        "pojke": QCoreApplication.translate("Labels", "Boy"),
        "annat": QCoreApplication.translate("Labels", "Other"),
        "okant": QCoreApplication.translate("Labels", "Unknown"),
    }
    return names.get(sex, sex)


def case_status_label(status: str) -> str:
    names = {
        "not_started": QCoreApplication.translate("Labels", "Not started"),
        "in_progress": QCoreApplication.translate("Labels", "In progress"),
        "complete": QCoreApplication.translate("Labels", "Complete"),
    }
    return names.get(status, status)

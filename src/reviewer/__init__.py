"""Jämställdhetsgranskning of case files: review, aggregate by sex, export anonymised findings."""

__version__ = "0.1.0"

"""The unit chief's editor of the lexicon of value-laden words (issue 13; docs/wording-lexicon.md)."""

from reviewer.ui.lexicon_editor.dialog import LexiconEditorDialog

__all__ = ["LexiconEditorDialog"]

"""The checklist editor: the draft as an undoable document, its tree, property panel, problems and preview."""

"""The checklist format, its loader and validator, and the built-in checklists."""

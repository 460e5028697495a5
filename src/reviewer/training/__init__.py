"""Training packs: fictitious cases with a reference answer (facit) and a rationale per question, for workshops.

The format (`schema.py`), its one loader (`loader.py`, which checks a pack against the checklist it answers) and the
built-in packs. Pure: no SQL, no Qt; storing a pack and its training round is `reviewer.services.training`.
"""

"""Writers of files that leave the program: the anonymised CSV, XLSX and JSON exports and the PDF report.

They take result objects from the services (`services.anonymisation.AnonymisedResult`, …) and a path, never a
database session, and write through `services.files.write_atomically` after `reports.guard` has scanned the finished
bytes. No Qt here.
"""

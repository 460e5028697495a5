<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../src/reviewer/ui/app.py" line="28" />
        <location filename="../../src/reviewer/ui/app.py" line="45" />
        <source>Gender equality review</source>
        <translation>Jämställdhetsgranskning</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/app.py" line="29" />
        <source>An unexpected error occurred. What you saved before is kept. The details are in the log file; please send it to your IT support.</source>
        <translation>Ett oväntat fel inträffade. Det du har sparat finns kvar. Detaljerna finns i loggfilen; skicka den till IT-supporten.</translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message>
        <location filename="../../src/reviewer/ui/checklists_page.py" line="19" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/checklists_page.py" line="20" />
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/checklists_page.py" line="21" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/checklists_page.py" line="22" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/checklists_page.py" line="23" />
        <source>Questions</source>
        <translation>Frågor</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/checklists_page.py" line="24" />
        <source>Rounds</source>
        <translation>Omgångar</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/checklists_page.py" line="25" />
        <source>Built in</source>
        <translation>Inbyggd</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/checklists_page.py" line="26" />
        <source>Identifier</source>
        <translation>Identifierare</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/checklists_page.py" line="29" />
        <source>Search checklists</source>
        <translation>Sök checklista</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/checklists_page.py" line="29" />
        <source>Checklists</source>
        <translation>Checklistor</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/checklists_page.py" line="32" />
        <source>Checklists decide which questions a review asks. A published version never changes, so rounds stay comparable.</source>
        <translation>Checklistan bestämmer vilka frågor en granskning ställer. En publicerad version ändras aldrig, så att omgångar går att jämföra.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="10" />
        <source>Paratransit</source>
        <translation>Färdtjänst</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="11" />
        <source>Childcare</source>
        <translation>Barnomsorg</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="12" />
        <source>Substance abuse</source>
        <translation>Missbruk</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="13" />
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="20" />
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="21" />
        <source>Published</source>
        <translation>Publicerad</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="22" />
        <source>Retired</source>
        <translation>Pensionerad</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="29" />
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="30" />
        <source>Training</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="36" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="36" />
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="18" />
        <source>Gender equality review</source>
        <translation>Jämställdhetsgranskning</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="25" />
        <source>&amp;Reviews</source>
        <translation>&amp;Granskningar</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="26" />
        <source>&amp;Checklists</source>
        <translation>&amp;Checklistor</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="30" />
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="33" />
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="34" />
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="38" />
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="39" />
        <source>&amp;About</source>
        <translation>&amp;Om programmet</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="46" />
        <source>About</source>
        <translation>Om programmet</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="47" />
        <source>Gender equality review of case files, version %1.
Data folder: %2</source>
        <translation>Jämställdhetsgranskning av akter, version %1.
Datamapp: %2</translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="37" />
        <source>Round</source>
        <translation>Omgång</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="38" />
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="39" />
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="40" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="41" />
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="42" />
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="43" />
        <source>Completed</source>
        <translation>Klara</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="44" />
        <source>Fictitious</source>
        <translation>Fiktiv</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="47" />
        <source>Search rounds</source>
        <translation>Sök omgång</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="47" />
        <source>Review rounds</source>
        <translation>Granskningsomgångar</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="53" />
        <source>There are no review rounds yet. To see how the program works, you can try it with fictitious demo data: three rounds (paratransit, childcare, substance abuse) with made-up cases and completed reviews, clearly marked as fictitious.</source>
        <translation>Det finns inga granskningsomgångar ännu. Om du vill se hur programmet fungerar kan du prova med fiktiva exempeldata: tre omgångar (färdtjänst, barnomsorg, missbruk) med påhittade ärenden och klara granskningar, tydligt markerade som fiktiva.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="60" />
        <location filename="../../src/reviewer/ui/rounds_page.py" line="61" />
        <source>Try with demo data</source>
        <translation>Prova med exempeldata</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="64" />
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="118" />
        <source>Demo data</source>
        <translation>Exempeldata</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="119" />
        <source>The demo data could not be created. The log file has the details.</source>
        <translation>Exempeldata kunde inte skapas. Loggfilen har detaljerna.</translation>
    </message>
</context>
</TS>
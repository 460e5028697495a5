<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>AnswerEditors</name>
    <message>
        <location filename="../../src/reviewer/ui/answer_editors.py" line="59" />
        <location filename="../../src/reviewer/ui/answer_editors.py" line="64" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/answer_editors.py" line="60" />
        <location filename="../../src/reviewer/ui/answer_editors.py" line="65" />
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/answer_editors.py" line="66" />
        <source>Not applicable</source>
        <translation>Ej aktuellt</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/answer_editors.py" line="266" />
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/answer_editors.py" line="268" />
        <source>amount in SEK</source>
        <translation>belopp i kronor</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/answer_editors.py" line="269" />
        <source>number of days</source>
        <translation>antal dagar</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/answer_editors.py" line="272" />
        <source>number</source>
        <translation>tal</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/reviewer/ui/app.py" line="25" />
        <location filename="../../src/reviewer/ui/app.py" line="43" />
        <source>Gender equality review</source>
        <translation>Jämställdhetsgranskning</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/app.py" line="26" />
        <source>An unexpected error occurred. What you saved before is kept. The details are in the log file; please send it to your IT support.</source>
        <translation>Ett oväntat fel inträffade. Det du har sparat finns kvar. Detaljerna finns i loggfilen; skicka den till IT-supporten.</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../src/reviewer/ui/case_dialog.py" line="31" />
        <source>Edit case</source>
        <translation>Ändra ärende</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/case_dialog.py" line="31" />
        <source>New case</source>
        <translation>Nytt ärende</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/case_dialog.py" line="35" />
        <source>Case code</source>
        <translation>Ärendekod</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/case_dialog.py" line="36" />
        <source>a pseudonym, never a personnummer</source>
        <translation>en pseudonym, aldrig ett personnummer</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/case_dialog.py" line="38" />
        <source>Sex</source>
        <translation>Kön</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/case_dialog.py" line="42" />
        <source>Age band</source>
        <translation>Åldersgrupp</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/case_dialog.py" line="48" />
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/case_dialog.py" line="51" />
        <source>&amp;Case code</source>
        <translation>&amp;Ärendekod</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/case_dialog.py" line="52" />
        <source>&amp;Sex</source>
        <translation>&amp;Kön</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/case_dialog.py" line="53" />
        <source>&amp;Age band</source>
        <translation>Å&amp;ldersgrupp</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/case_dialog.py" line="54" />
        <source>&amp;Unit</source>
        <translation>&amp;Enhet</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="77" />
        <source>Case code</source>
        <translation>Ärendekod</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="78" />
        <source>Sex</source>
        <translation>Kön</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="79" />
        <source>Age band</source>
        <translation>Åldersgrupp</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="80" />
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="81" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="91" />
        <source>← Rounds</source>
        <translation>← Omgångar</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="96" />
        <location filename="../../src/reviewer/ui/cases_page.py" line="97" />
        <source>Search case code</source>
        <translation>Sök ärendekod</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="100" />
        <source>Filter by status</source>
        <translation>Filtrera på status</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="101" />
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="105" />
        <source>Filter by sex</source>
        <translation>Filtrera på kön</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="107" />
        <source>Filter by unit</source>
        <translation>Filtrera på enhet</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="114" />
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="129" />
        <source>&amp;New case…</source>
        <translation>&amp;Nytt ärende…</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="130" />
        <source>&amp;Edit…</source>
        <translation>Än&amp;dra…</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="131" />
        <source>&amp;Delete…</source>
        <translation>&amp;Ta bort…</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="132" />
        <source>&amp;Review</source>
        <translation>&amp;Granska</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="133" />
        <source>&amp;Import from spreadsheet…</source>
        <translation>&amp;Importera från kalkylark…</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="174" />
        <source>All sexes</source>
        <translation>Alla kön</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="175" />
        <source>All units</source>
        <translation>Alla enheter</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="212" />
        <source>%1 of %2 cases</source>
        <translation>%1 av %2 ärenden</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="256" />
        <source>Delete case</source>
        <translation>Ta bort ärende</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/cases_page.py" line="257" />
        <source>Delete case %1 and its reviews? This cannot be undone.</source>
        <translation>Ta bort ärende %1 och dess granskningar? Det går inte att ångra.</translation>
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
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="61" />
        <source>Import reviews from a spreadsheet</source>
        <translation>Importera granskningar från kalkylark</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="74" />
        <source>One row per reviewed case: the columns case_code, sex, age_band, unit and reviewer, then one column per question key of the round's checklist. The whole file is checked first; nothing is saved unless every row is valid. CSV (UTF-8) and Excel (.xlsx) files can be imported.</source>
        <translation>En rad per granskat ärende: kolumnerna case_code, sex, age_band, unit och reviewer, sedan en kolumn per frågenyckel i omgångens checklista. Hela filen kontrolleras först; ingenting sparas om inte varje rad är giltig. CSV-filer (UTF-8) och Excel-filer (.xlsx) kan importeras.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="83" />
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="84" />
        <source>a .csv or .xlsx file</source>
        <translation>en .csv- eller .xlsx-fil</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="85" />
        <source>C&amp;hoose file…</source>
        <translation>&amp;Välj fil…</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="88" />
        <source>Reviewer for rows without one</source>
        <translation>Granskare för rader som saknar granskare</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="89" />
        <source>initials or pseudonym, used where the reviewer cell is empty</source>
        <translation>initialer eller pseudonym, används där granskarcellen är tom</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="95" />
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="96" />
        <source>&amp;Reviewer for rows without one</source>
        <translation>G&amp;ranskare för rader som saknar granskare</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="101" />
        <source>&amp;Check file</source>
        <translation>&amp;Granska filen</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="104" />
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="116" />
        <source>Problems in the file</source>
        <translation>Fel i filen</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="122" />
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="154" />
        <source>Round: {round} – checklist {checklist}</source>
        <translation>Omgång: {round} – checklista {checklist}</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="202" />
        <source>Choose a spreadsheet</source>
        <translation>Välj ett kalkylark</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="204" />
        <source>Spreadsheets (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx);;All files (*)</source>
        <translation>Kalkylark (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx);;Alla filer (*)</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="216" />
        <source>Choose a file first.</source>
        <translation>Välj en fil först.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="255" />
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="277" />
        <source>The file can be imported: {summary}. Nothing has been saved yet; choose Import to save it.</source>
        <translation>Filen kan importeras: {summary}. Ingenting har sparats ännu; välj Importera för att spara.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="289" />
        <source>The file could not be checked. The log file has the details.</source>
        <translation>Filen kunde inte kontrolleras. Loggfilen har detaljerna.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="298" />
        <source>Imported {file} into {round}: {summary}.</source>
        <translation>Importerade {file} till {round}: {summary}.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/import_dialog.py" line="313" />
        <source>The file could not be imported; nothing was saved. The log file has the details.</source>
        <translation>Filen kunde inte importeras; ingenting sparades. Loggfilen har detaljerna.</translation>
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
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="41" />
        <source>Woman</source>
        <translation>Kvinna</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="42" />
        <source>Man</source>
        <translation>Man</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="43" />
        <source>Girl</source>
        <translation>Flicka</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="44" />
        <source>Boy</source>
        <translation>Pojke</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="45" />
        <source>Other/unknown</source>
        <translation>Annat/okänt</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="52" />
        <source>Not started</source>
        <translation>Ej påbörjad</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="53" />
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/labels.py" line="54" />
        <source>Complete</source>
        <translation>Klar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="37" />
        <location filename="../../src/reviewer/ui/main_window.py" line="66" />
        <source>Gender equality review</source>
        <translation>Jämställdhetsgranskning</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="71" />
        <source>&amp;Reviews</source>
        <translation>&amp;Granskningar</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="72" />
        <source>&amp;Checklists</source>
        <translation>&amp;Checklistor</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="94" />
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="76" />
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="38" />
        <source>Opening the database…</source>
        <translation>Öppnar databasen…</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="77" />
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="81" />
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="85" />
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="86" />
        <source>&amp;About</source>
        <translation>&amp;Om programmet</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="131" />
        <source>About</source>
        <translation>Om programmet</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/main_window.py" line="132" />
        <source>Gender equality review of case files, version %1.
Data folder: %2</source>
        <translation>Jämställdhetsgranskning av akter, version %1.
Datamapp: %2</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="55" />
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="57" />
        <source>Add a note to this answer (Ctrl+M)</source>
        <translation>Lägg till en anteckning till svaret (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="59" />
        <source>Note (optional)</source>
        <translation>Anteckning (valfri)</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="60" />
        <source>Note: %1</source>
        <translation>Anteckning: %1</translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="118" />
        <source>Save state</source>
        <translation>Sparstatus</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="155" />
        <source>Guidance</source>
        <translation>Vägledning</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="169" />
        <source>← Cases</source>
        <translation>← Ärenden</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="170" />
        <source>Back to the case list (Alt+Left)</source>
        <translation>Tillbaka till ärendelistan (Alt+Vänster)</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="171" />
        <source>Previous case</source>
        <translation>Föregående ärende</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="173" />
        <source>Next case</source>
        <translation>Nästa ärende</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="218" />
        <source>Case %1</source>
        <translation>Ärende %1</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="221" />
        <source>%1 · age %2 · unit %3 · round %4 · reviewer %5</source>
        <translation>%1 · ålder %2 · enhet %3 · omgång %4 · granskare %5</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="234" />
        <source>All changes are saved</source>
        <translation>Alla ändringar är sparade</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="241" />
        <source>Reopen for changes</source>
        <translation>Öppna igen för ändringar</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="241" />
        <source>Mark as complete</source>
        <translation>Markera som klar</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="250" />
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="255" />
        <source>Not saved</source>
        <translation>Inte sparat</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="256" />
        <source>Review changed elsewhere</source>
        <translation>Granskningen har ändrats på annat håll</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="261" />
        <source>Not saved: see the message at the question</source>
        <translation>Inte sparat: se meddelandet vid frågan</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="265" />
        <source>Saved %1</source>
        <translation>Sparat %1</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="287" />
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="291" />
        <source>Complete and saved</source>
        <translation>Klar och sparad</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="291" />
        <source>Reopened</source>
        <translation>Öppnad igen</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="299" />
        <source>Required: this question needs an answer.</source>
        <translation>Obligatorisk: frågan behöver ett svar.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reviewer/ui/review_form.py" line="303" />
        <source>%n required question(s) unanswered</source>
        <translation><numerusform>%n obligatorisk fråga saknar svar</numerusform><numerusform>%n obligatoriska frågor saknar svar</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="323" />
        <source>No guidance.</source>
        <translation>Ingen vägledning.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="325" />
        <source>Keys: J = yes, N = no, Delete = clear.</source>
        <translation>Tangenter: J = ja, N = nej, Delete = rensa.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="326" />
        <source>Keys: J = yes, N = no, E = not applicable, Delete = clear.</source>
        <translation>Tangenter: J = ja, N = nej, E = ej aktuellt, Delete = rensa.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="327" />
        <source>Keys: 1–5 choose, Delete = clear.</source>
        <translation>Tangenter: 1–5 väljer, Delete = rensa.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="331" />
        <source>Keys: 1, 2, 3 … choose an option, Delete = clear.</source>
        <translation>Tangenter: 1, 2, 3 … väljer ett alternativ, Delete = rensa.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/review_form.py" line="332" />
        <source>Ctrl+M = note, Ctrl+Return = complete.</source>
        <translation>Ctrl+M = anteckning, Ctrl+Retur = klar.</translation>
    </message>
</context>
<context>
    <name>ReviewsArea</name>
    <message>
        <location filename="../../src/reviewer/ui/reviews_area.py" line="67" />
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="28" />
        <source>New review round</source>
        <translation>Ny granskningsomgång</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="33" />
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="34" />
        <source>e.g. Färdtjänst 2026 H1</source>
        <translation>t.ex. Färdtjänst 2026 H1</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="36" />
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="41" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="42" />
        <source>e.g. 2026 H1</source>
        <translation>t.ex. 2026 H1</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="44" />
        <source>Baseline round</source>
        <translation>Jämförelseomgång</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="48" />
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="49" />
        <source>&amp;Checklist</source>
        <translation>&amp;Checklista</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="50" />
        <source>&amp;Period</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="51" />
        <source>&amp;Baseline (before)</source>
        <translation>&amp;Jämförelse (före)</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/round_dialog.py" line="57" />
        <source>None</source>
        <translation>Ingen</translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="49" />
        <source>Round</source>
        <translation>Omgång</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="49" />
        <source> (archived)</source>
        <translation> (arkiverad)</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="50" />
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="51" />
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="52" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="53" />
        <source>Baseline</source>
        <translation>Jämförelse</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="54" />
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="55" />
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="56" />
        <source>Completed</source>
        <translation>Klara</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="57" />
        <source>Fictitious</source>
        <translation>Fiktiv</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="60" />
        <source>Search rounds</source>
        <translation>Sök omgång</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="60" />
        <source>Review rounds</source>
        <translation>Granskningsomgångar</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="67" />
        <source>There are no review rounds yet. To see how the program works, you can try it with fictitious demo data: three rounds (paratransit, childcare, substance abuse) with made-up cases and completed reviews, clearly marked as fictitious.</source>
        <translation>Det finns inga granskningsomgångar ännu. Om du vill se hur programmet fungerar kan du prova med fiktiva exempeldata: tre omgångar (färdtjänst, barnomsorg, missbruk) med påhittade ärenden och klara granskningar, tydligt markerade som fiktiva.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="74" />
        <location filename="../../src/reviewer/ui/rounds_page.py" line="75" />
        <source>Try with demo data</source>
        <translation>Prova med exempeldata</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="78" />
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="88" />
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="89" />
        <source>&amp;New round…</source>
        <translation>&amp;Ny omgång…</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="90" />
        <source>Re&amp;name…</source>
        <translation>&amp;Byt namn…</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="91" />
        <source>&amp;Archive / restore</source>
        <translation>&amp;Arkivera/återställ</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="92" />
        <source>Show &amp;archived</source>
        <translation>Visa ar&amp;kiverade</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="148" />
        <location filename="../../src/reviewer/ui/rounds_page.py" line="155" />
        <source>Rename round</source>
        <translation>Byt namn på omgång</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="148" />
        <source>New name:</source>
        <translation>Nytt namn:</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="201" />
        <source>Demo data</source>
        <translation>Exempeldata</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/rounds_page.py" line="202" />
        <source>The demo data could not be created. The log file has the details.</source>
        <translation>Exempeldata kunde inte skapas. Loggfilen har detaljerna.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/reviewer/ui/settings_dialog.py" line="14" />
        <source>Welcome</source>
        <translation>Välkommen</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/settings_dialog.py" line="14" />
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/settings_dialog.py" line="17" />
        <source>Your initials or a pseudonym are recorded on every review you make, so a unit chief can tell reviewers apart. Do not use your personnummer.</source>
        <translation>Dina initialer eller en pseudonym sparas på varje granskning du gör, så att enhetschefen kan skilja granskarna åt. Använd inte ditt personnummer.</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/settings_dialog.py" line="24" />
        <source>Initials or pseudonym</source>
        <translation>Initialer eller pseudonym</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/settings_dialog.py" line="27" />
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/settings_dialog.py" line="28" />
        <source>Follow the system</source>
        <translation>Samma som systemet</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/settings_dialog.py" line="32" />
        <source>&amp;Initials or pseudonym</source>
        <translation>&amp;Initialer eller pseudonym</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/settings_dialog.py" line="33" />
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <location filename="../../src/reviewer/ui/settings_dialog.py" line="41" />
        <source>That looks like a personnummer. Use initials or a pseudonym.</source>
        <translation>Det ser ut som ett personnummer. Använd initialer eller en pseudonym.</translation>
    </message>
</context>
</TS>
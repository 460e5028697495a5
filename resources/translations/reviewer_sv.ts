<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>Om programmet</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Om programmet</translation>
    </message>
    <message>
        <source>&amp;Licence (EUPL-1.2)</source>
        <translation>&amp;Licens (EUPL-1.2)</translation>
    </message>
    <message>
        <source>&amp;Third-party software</source>
        <translation>&amp;Tredjepartsprogram</translation>
    </message>
    <message>
        <source>Gender equality review of case files, version %1.</source>
        <translation>Jämställdhetsgranskning av akter, version %1.</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Datamapp: %1</translation>
    </message>
    <message>
        <source>Free software under the European Union Public Licence, version 1.2 (EUPL-1.2): you may use, study, share and change it. Changed versions that you distribute must be under the EUPL too, or under a compatible licence listed in it. It comes without any warranty.</source>
        <translation>Fri programvara under Europeiska unionens licens för öppen källkod, version 1.2 (EUPL-1.2): du får använda, studera, dela och ändra den. Ändrade versioner som du sprider måste också stå under EUPL, eller under en förenlig licens som räknas upp i den. Programmet levereras utan några garantier.</translation>
    </message>
    <message>
        <source>It is built on free software by others; the tab Third-party software lists them with their licences.</source>
        <translation>Det bygger på fri programvara av andra; fliken Tredjepartsprogram räknar upp dem med deras licenser.</translation>
    </message>
    <message>
        <source>The program uses these components, each under its own licence. Qt and PySide6 are used under the GNU LGPL 3.0; its text, and the GNU GPL 3.0 it builds on, are in the next tabs.</source>
        <translation>Programmet använder de här komponenterna, var och en under sin egen licens. Qt och PySide6 används under GNU LGPL 3.0; dess text, och GNU GPL 3.0 som den bygger på, finns i de följande flikarna.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponent</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licens</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anmärkning</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>Agreement between reviewers</source>
        <translation>Överensstämmelse mellan granskare</translation>
    </message>
    <message>
        <source>Numbers are measured by Krippendorff&apos;s alpha only.</source>
        <translation>Tal mäts bara med Krippendorffs alfa.</translation>
    </message>
    <message>
        <source>standard error %1</source>
        <translation>standardfel %1</translation>
    </message>
    <message>
        <source>Choose at least one round to see how alike the reviewers answered.</source>
        <translation>Välj minst en omgång för att se hur lika granskarna svarade.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Cases (reviewers)</source>
        <translation>Ärenden (granskare)</translation>
    </message>
    <message>
        <source>The cases two or more reviewers answered the question in, which every figure of the row rests on, and how many reviewers took part.</source>
        <translation>De ärenden där två eller fler granskare besvarade frågan, som radens alla tal bygger på, och hur många granskare som deltog.</translation>
    </message>
    <message>
        <source>Alike</source>
        <translation>Lika</translation>
    </message>
    <message>
        <source>%1 of %2 pairs of answers to the same case</source>
        <translation>%1 av %2 par av svar på samma ärende</translation>
    </message>
    <message>
        <source>The share of pairs of answers to the same case that are alike.</source>
        <translation>Andelen par av svar på samma ärende som är lika.</translation>
    </message>
    <message>
        <source>Kappa (95 % CI)</source>
        <translation>Kappa (95 % KI)</translation>
    </message>
    <message>
        <source>How much more often than chance the reviewers answered alike: 1 full agreement, 0 no better than chance. Cohen&apos;s kappa when the same two reviewers read the cases, Fleiss&apos; kappa when more did. The interval is from 1000 bootstrap samples of the cases.</source>
        <translation>Hur mycket oftare än slumpen granskarna svarade lika: 1 är full överensstämmelse, 0 inte bättre än slumpen. Cohens kappa när samma två granskare läste ärendena, Fleiss kappa när fler gjorde det. Intervallet kommer från 1000 bootstrapurval av ärendena.</translation>
    </message>
    <message>
        <source>Alpha (95 % CI)</source>
        <translation>Alfa (95 % KI)</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha: like kappa, but it weighs how far apart answers are on a scale or in numbers (days, kronor), and it allows any number of reviewers per case.</source>
        <translation>Krippendorffs alfa: som kappa, men den väger in hur långt ifrån varandra svaren ligger på en skala eller i tal (dagar, kronor), och den tillåter hur många granskare som helst per ärende.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>Landis and Koch&apos;s bands: a convention for reading the figures, not a verdict.</source>
        <translation>Landis och Kochs indelning: en konvention för att läsa talen, inte ett omdöme.</translation>
    </message>
</context>
<context>
    <name>AnswerEditors</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Ej aktuellt</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>amount in SEK</source>
        <translation>belopp i kronor</translation>
    </message>
    <message>
        <source>number of days</source>
        <translation>antal dagar</translation>
    </message>
    <message>
        <source>number</source>
        <translation>tal</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Gender equality review</source>
        <translation>Jämställdhetsgranskning</translation>
    </message>
    <message>
        <source>An unexpected error occurred. What you saved before is kept. The details are in the log file; please send it to your IT support.</source>
        <translation>Ett oväntat fel inträffade. Det du har sparat finns kvar. Detaljerna finns i loggfilen; skicka den till IT-supporten.</translation>
    </message>
    <message>
        <source>There is no backup to restore. Contact your IT support; the file is kept as it is.</source>
        <translation>Det finns ingen säkerhetskopia att återställa. Kontakta IT-stödet; filen lämnas som den är.</translation>
    </message>
</context>
<context>
    <name>AuditExportDialog</name>
    <message>
        <source>Export the audit trail</source>
        <translation>Exportera händelseloggen</translation>
    </message>
    <message>
        <source>Every logged change of the period: who, when, which round and case, what changed. The file is an internal document with personal data (case codes, reviewers&apos; initials): keep it within the organisation and never hand it out with the anonymised exports.</source>
        <translation>Varje loggad ändring under perioden: vem, när, vilken omgång och vilket ärende, vad som ändrades. Filen är en intern handling med personuppgifter (ärendekoder, granskarnas initialer): behåll den inom organisationen och lämna aldrig ut den med de anonymiserade exporterna.</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Första dag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Filformat</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel-arbetsbok (.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Excel (.csv)</source>
        <translation>CSV för Excel (.csv)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Från</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Till</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportera…</translation>
    </message>
    <message>
        <source>audit-trail</source>
        <translation>handelselogg</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Save the audit trail</source>
        <translation>Spara händelseloggen</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written to %1. An internal document: keep it within the organisation.</source>
        <translation>
            <numerusform>%n händelse skrevs till %1. En intern handling: behåll den inom organisationen.</numerusform>
            <numerusform>%n händelser skrevs till %1. En intern handling: behåll den inom organisationen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written. The log file has the details.</source>
        <translation>Filen kunde inte skrivas. Detaljerna finns i loggfilen.</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Event log – case %1</source>
        <translation>Händelselogg – ärende %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Search the events</source>
        <translation>Sök bland händelserna</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Händelser</translation>
    </message>
    <message>
        <source>Who changed what in this case, its reviews and its round, oldest first. Free-text answers and notes are logged only as given, changed or removed, never their words. Internal: the log names reviewers and cases.</source>
        <translation>Vem som ändrade vad i ärendet, dess granskningar och dess omgång, äldst först. Fritextsvar och anteckningar loggas bara som givna, ändrade eller borttagna, aldrig med sin text. Internt: loggen namnger granskare och ärenden.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n händelse</numerusform>
            <numerusform>%n händelser</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <source>Daily</source>
        <translation>Daglig</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Före en uppdatering</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Före en återställning</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Gjord för hand</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>oläsbar</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Slag</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Omgångar</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Granskningar</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
</context>
<context>
    <name>BeforeAfterView</name>
    <message>
        <source>Before and after</source>
        <translation>Före och efter</translation>
    </message>
    <message>
        <source>median</source>
        <translation>median</translation>
    </message>
    <message>
        <source>share “%1”</source>
        <translation>andel ”%1”</translation>
    </message>
    <message>
        <source>too few to say</source>
        <translation>för litet underlag</translation>
    </message>
    <message>
        <source>pp</source>
        <translation>p.e.</translation>
    </message>
    <message>
        <source>Choose one round and, under “Compare with”, the earlier round to compare it with.</source>
        <translation>Välj en omgång och, under ”Jämför med”, den tidigare omgång den ska jämföras med.</translation>
    </message>
    <message>
        <source>%1 (after) compared with %2 (before). The gap is %3 minus %4.</source>
        <translation>%1 (efter) jämförd med %2 (före). Skillnaden är %3 minus %4.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Gap before</source>
        <translation>Skillnad före</translation>
    </message>
    <message>
        <source>gap %1</source>
        <translation>skillnaden %1</translation>
    </message>
    <message>
        <source>(primary question)</source>
        <translation>(huvudfråga)</translation>
    </message>
    <message>
        <source>Unadjusted: %1</source>
        <translation>Ojusterat: %1</translation>
    </message>
    <message>
        <source>new question, no earlier figure</source>
        <translation>ny fråga, ingen tidigare siffra</translation>
    </message>
    <message>
        <source>question retired</source>
        <translation>frågan har tagits bort</translation>
    </message>
    <message>
        <source>question type changed, not comparable</source>
        <translation>frågetypen har ändrats, kan inte jämföras</translation>
    </message>
    <message>
        <source>not summarised (free text or date)</source>
        <translation>sammanställs inte (fritext eller datum)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of the gap were tested, with p-values adjusted for their number (Benjamini–Hochberg, q = %1). “Narrowed” or “widened” is said only when the change holds after the adjustment; otherwise “no clear change”.</source>
        <translation>
            <numerusform>%n förändring av skillnaden prövades, med p-värdet justerat för antalet (Benjamini–Hochberg, q = %1). ”Minskat” eller ”ökat” sägs bara när förändringen håller efter justeringen; annars ”ingen säker förändring”.</numerusform>
            <numerusform>%n förändringar av skillnaden prövades, med p-värdena justerade för antalet (Benjamini–Hochberg, q = %1). ”Minskat” eller ”ökat” sägs bara när förändringen håller efter justeringen; annars ”ingen säker förändring”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Gap after</source>
        <translation>Skillnad efter</translation>
    </message>
    <message>
        <source>Change (95 % CI)</source>
        <translation>Förändring (95 % KI)</translation>
    </message>
    <message>
        <source>Gap after minus gap before in percentage points (a difference in differences), with its 95 % interval. For numbers the ratio of the median ratios, after / before (×1 = unchanged), with a bootstrap interval.</source>
        <translation>Skillnaden efter minus skillnaden före i procentenheter (en skillnad i skillnader), med 95 % konfidensintervall. För tal kvoten mellan medianernas kvoter, efter / före (×1 = oförändrad), med ett bootstrapintervall.</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>The change&apos;s own p-value, before the adjustment for the number of questions: whether the gap is the same in both rounds.</source>
        <translation>Förändringens eget p-värde, före justeringen för antalet frågor: om skillnaden är densamma i båda omgångarna.</translation>
    </message>
    <message>
        <source>adjusted p</source>
        <translation>justerat p</translation>
    </message>
    <message>
        <source>Tests whether the gap is the same in both rounds, adjusted for the number of questions compared (Benjamini–Hochberg). A primary question is tested on its own without adjustment.</source>
        <translation>Prövar om skillnaden är densamma i båda omgångarna, justerat för antalet jämförda frågor (Benjamini–Hochberg). En huvudfråga prövas för sig utan justering.</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>The gap per question, %1 minus %2 in percentage points, at the answer named with the question.</source>
        <translation>Skillnaden per fråga, %1 minus %2 i procentenheter, vid det svar som står vid frågan.</translation>
    </message>
    <message>
        <source>No question with answer options was compared in both rounds.</source>
        <translation>Ingen fråga med svarsalternativ jämfördes i båda omgångarna.</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Edit case</source>
        <translation>Ändra ärende</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nytt ärende</translation>
    </message>
    <message>
        <source>Case code</source>
        <translation>Ärendekod</translation>
    </message>
    <message>
        <source>a pseudonym, never a personnummer</source>
        <translation>en pseudonym, aldrig ett personnummer</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Åldersgrupp</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Ej känd</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>&amp;Case code</source>
        <translation>&amp;Ärendekod</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Kön</translation>
    </message>
    <message>
        <source>&amp;Age band</source>
        <translation>Å&amp;ldersgrupp</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Enhet</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Case code</source>
        <translation>Ärendekod</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Åldersgrupp</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Tilldelat</translation>
    </message>
    <message>
        <source>Double review</source>
        <translation>Dubbelgranskning</translation>
    </message>
    <message>
        <source>← Rounds</source>
        <translation>← Omgångar</translation>
    </message>
    <message>
        <source>Search case code</source>
        <translation>Sök ärendekod</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrera på status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Filter by sex</source>
        <translation>Filtrera på kön</translation>
    </message>
    <message>
        <source>Filter by unit</source>
        <translation>Filtrera på enhet</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>&amp;Nytt ärende…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>Än&amp;dra…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Ta bort…</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Granska</translation>
    </message>
    <message>
        <source>About the &amp;sample…</source>
        <translation>Om urval&amp;et…</translation>
    </message>
    <message>
        <source>How the round&apos;s cases were drawn: seed, method, date and counts</source>
        <translation>Hur omgångens ärenden drogs: frö, metod, datum och antal</translation>
    </message>
    <message>
        <source>&amp;Import from spreadsheet…</source>
        <translation>&amp;Importera från kalkylark…</translation>
    </message>
    <message>
        <source>All sexes</source>
        <translation>Alla kön</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Alla enheter</translation>
    </message>
    <message>
        <source>%1 of %2 cases</source>
        <translation>%1 av %2 ärenden</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>Ta bort ärende</translation>
    </message>
    <message>
        <source>Delete case %1 and its reviews? This cannot be undone.</source>
        <translation>Ta bort ärende %1 och dess granskningar? Det går inte att ångra.</translation>
    </message>
    <message>
        <source>About the sample</source>
        <translation>Om urvalet</translation>
    </message>
    <message>
        <source>Event &amp;log…</source>
        <translation>Händelse&amp;logg…</translation>
    </message>
    <message>
        <source>double review</source>
        <translation>dubbelgranskas</translation>
    </message>
    <message>
        <source>Who changed what in the selected case, and when</source>
        <translation>Vem som ändrade vad i det valda ärendet, och när</translation>
    </message>
</context>
<context>
    <name>ChecklistDocument</name>
    <message>
        <source>Edit</source>
        <translation>Ändring</translation>
    </message>
    <message>
        <source>Change key</source>
        <translation>Ändra nyckel</translation>
    </message>
    <message>
        <source>Change question type</source>
        <translation>Ändra svarstyp</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Lägg till avsnitt</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Lägg till fråga</translation>
    </message>
    <message>
        <source>Remove question</source>
        <translation>Ta bort fråga</translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation>Ta bort avsnitt</translation>
    </message>
    <message>
        <source>Move question</source>
        <translation>Flytta fråga</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>Flytta avsnitt</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>Save state</source>
        <translation>Sparstatus</translation>
    </message>
    <message>
        <source>Draft: %1, version %2</source>
        <translation>Utkast: %1, version %2</translation>
    </message>
    <message>
        <source>All changes are saved</source>
        <translation>Alla ändringar är sparade</translation>
    </message>
    <message>
        <source>Sections and questions</source>
        <translation>Avsnitt och frågor</translation>
    </message>
    <message>
        <source>← Checklists</source>
        <translation>← Checklistor</translation>
    </message>
    <message>
        <source>Back to the list of checklists</source>
        <translation>Tillbaka till listan över checklistor</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Gör om</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Ångra: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Gör om: %1</translation>
    </message>
    <message>
        <source>Add &amp;question</source>
        <translation>Lägg till fr&amp;åga</translation>
    </message>
    <message>
        <source>Add a question after the current one</source>
        <translation>Lägg till en fråga efter den markerade</translation>
    </message>
    <message>
        <source>Add &amp;section</source>
        <translation>Lägg till av&amp;snitt</translation>
    </message>
    <message>
        <source>Add a section after the current one</source>
        <translation>Lägg till ett avsnitt efter det markerade</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Flytta &amp;upp</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Flytta n&amp;ed</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Publicera…</translation>
    </message>
    <message>
        <source>Publish this draft as a version that rounds can use</source>
        <translation>Publicera utkastet som en version som kan användas i omgångar</translation>
    </message>
    <message>
        <source>Editor actions</source>
        <translation>Redigeringsverktyg</translation>
    </message>
    <message>
        <source>Removed. Ctrl+Z brings it back.</source>
        <translation>Borttaget. Med Ctrl+Z får du tillbaka det.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Fråga %1</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Avsnitt %1</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Inte sparat: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Sparat %1</translation>
    </message>
</context>
<context>
    <name>ChecklistList</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Frågor</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Omgångar</translation>
    </message>
    <message>
        <source>Used by rounds</source>
        <translation>Används i omgångar</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Inbyggd</translation>
    </message>
    <message>
        <source>Search checklists</source>
        <translation>Sök checklista</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>Checklistor</translation>
    </message>
    <message>
        <source>Checklists decide which questions a review asks. A published version never changes, so rounds stay comparable: to change a checklist, start a new version, edit the draft and publish it.</source>
        <translation>Checklistan avgör vilka frågor som ställs i en granskning. En publicerad version ändras aldrig, så att omgångarna förblir jämförbara: för att ändra en checklista startar du en ny version, redigerar utkastet och publicerar det.</translation>
    </message>
</context>
<context>
    <name>ChecklistNames</name>
    <message>
        <source>Yes/no</source>
        <translation>Ja/nej</translation>
    </message>
    <message>
        <source>Yes/no/not applicable</source>
        <translation>Ja/nej/ej aktuellt</translation>
    </message>
    <message>
        <source>One of several options</source>
        <translation>Ett av flera alternativ</translation>
    </message>
    <message>
        <source>Several options</source>
        <translation>Flera alternativ</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>Heltal</translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation>Decimaltal</translation>
    </message>
    <message>
        <source>Amount (SEK)</source>
        <translation>Belopp (kr)</translation>
    </message>
    <message>
        <source>Number of days</source>
        <translation>Antal dagar</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Scale 1–5</source>
        <translation>Skala 1–5</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Fritext</translation>
    </message>
    <message>
        <source>Adults (woman/man)</source>
        <translation>Vuxna (kvinna/man)</translation>
    </message>
    <message>
        <source>Children (girl/boy)</source>
        <translation>Barn (flicka/pojke)</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(ingen text)</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifierare</translation>
    </message>
    <message>
        <source>&amp;Title (Swedish)</source>
        <translation>T&amp;itel (svenska)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Titel (engelska)</translation>
    </message>
    <message>
        <source>&amp;Description (Swedish)</source>
        <translation>&amp;Beskrivning (svenska)</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>Beskrivning (engelska)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>&amp;Område</translation>
    </message>
    <message>
        <source>The cases are about</source>
        <translation>Ärendena gäller</translation>
    </message>
    <message>
        <source>The cases are &amp;about</source>
        <translation>Ärendena g&amp;äller</translation>
    </message>
    <message>
        <source>&amp;Whose sex (Swedish)</source>
        <translation>&amp;Vems kön (svenska)</translation>
    </message>
    <message>
        <source>Whose sex (English)</source>
        <translation>Vems kön (engelska)</translation>
    </message>
    <message>
        <source>e.g. sökande, vårdnadshavare som ansökt, barnet</source>
        <translation>t.ex. sökande, vårdnadshavare som ansökt, barnet</translation>
    </message>
    <message>
        <source>Age bands</source>
        <translation>Åldersgrupper</translation>
    </message>
    <message>
        <source>Age &amp;bands</source>
        <translation>Å&amp;ldersgrupper</translation>
    </message>
    <message>
        <source>Change area</source>
        <translation>Ändra område</translation>
    </message>
    <message>
        <source>Change subject</source>
        <translation>Ändra vem ärendena gäller</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, version %2</translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message>
        <source>&amp;New checklist…</source>
        <translation>&amp;Ny checklista…</translation>
    </message>
    <message>
        <source>New &amp;version</source>
        <translation>Ny &amp;version</translation>
    </message>
    <message>
        <source>&amp;Edit draft</source>
        <translation>&amp;Redigera utkast</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Publicera…</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>&amp;Dra tillbaka</translation>
    </message>
    <message>
        <source>&amp;Delete draft</source>
        <translation>&amp;Ta bort utkast</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>&amp;Importera fil…</translation>
    </message>
    <message>
        <source>E&amp;xport file…</source>
        <translation>E&amp;xportera fil…</translation>
    </message>
    <message>
        <source>&amp;Lexicon…</source>
        <translation>&amp;Ordlista…</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Ny version</translation>
    </message>
    <message>
        <source>Edit checklist</source>
        <translation>Redigera checklista</translation>
    </message>
    <message>
        <source>Version %1 is published and cannot be changed. Start a new version from it?</source>
        <translation>Version %1 är publicerad och kan inte ändras. Vill du starta en ny version utifrån den?</translation>
    </message>
    <message>
        <source>Edit draft</source>
        <translation>Redigera utkast</translation>
    </message>
    <message>
        <source>Published %1 version %2.</source>
        <translation>Publicerade %1 version %2.</translation>
    </message>
    <message>
        <source>Retire checklist version</source>
        <translation>Dra tillbaka checklistversion</translation>
    </message>
    <message>
        <source>Retire %1 version %2? Rounds that use it keep working, but new rounds cannot choose it.</source>
        <translation>Dra tillbaka %1 version %2? Omgångar som använder den fungerar som förut, men nya omgångar kan inte välja den.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Ta bort utkast</translation>
    </message>
    <message>
        <source>Delete the draft %1 version %2? This cannot be undone.</source>
        <translation>Ta bort utkastet %1 version %2? Det går inte att ångra.</translation>
    </message>
    <message>
        <source>Import checklist</source>
        <translation>Importera checklista</translation>
    </message>
    <message>
        <source>Checklist files (*.xlsx *.json *.yaml *.yml);;All files (*)</source>
        <translation>Checklistfiler (*.xlsx *.json *.yaml *.yml);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Import %1 as a draft, to look at and edit it before publishing, or publish it at once?</source>
        <translation>Vill du importera %1 som utkast, så att du kan se över och redigera det innan det publiceras, eller publicera det direkt?</translation>
    </message>
    <message>
        <source>As a &amp;draft</source>
        <translation>Som &amp;utkast</translation>
    </message>
    <message>
        <source>&amp;Publish at once</source>
        <translation>&amp;Publicera direkt</translation>
    </message>
    <message>
        <source>%1 version %2 was already here; nothing changed.</source>
        <translation>%1 version %2 fanns redan; ingenting har ändrats.</translation>
    </message>
    <message>
        <source>Imported %1 version %2.</source>
        <translation>Importerade %1 version %2.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON-fil (*.json)</translation>
    </message>
    <message>
        <source>YAML file (*.yaml)</source>
        <translation>YAML-fil (*.yaml)</translation>
    </message>
    <message>
        <source>Export checklist</source>
        <translation>Exportera checklista</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporterad till %1.</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <source>This review was changed elsewhere</source>
        <translation>Granskningen har ändrats på annat håll</translation>
    </message>
    <message>
        <source>Your version and the stored one differ in the answers below. Choose for each which one stands; your own changes stay here until you choose.</source>
        <translation>Din version och den sparade skiljer sig åt i svaren nedan. Välj för vart och ett vilket som ska gälla; dina egna ändringar finns kvar här tills du har valt.</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Behåll alla mina</translation>
    </message>
    <message>
        <source>Take all theirs</source>
        <translation>Ta alla deras</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Din version</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>Deras version</translation>
    </message>
    <message>
        <source>%1 (not saved yet)</source>
        <translation>%1 (inte sparat ännu)</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Behåll min</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Ta deras</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Anteckning: %1</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Girls</source>
        <translation>Flickor</translation>
    </message>
    <message>
        <source>Boys</source>
        <translation>Pojkar</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Kvinnor</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Män</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Okänt</translation>
    </message>
    <message>
        <source>A yes/no question is compared at “yes”.</source>
        <translation>En ja/nej-fråga jämförs vid ”ja”.</translation>
    </message>
    <message>
        <source>The option compared is set in the checklist.</source>
        <translation>Alternativet som jämförs är bestämt i checklistan.</translation>
    </message>
    <message>
        <source>The option that differs most between the sexes. For single choice the test covers the whole distribution of answers; for multiple choice it is adjusted for the choice of option.</source>
        <translation>Det alternativ som skiljer mest mellan könen. För enkelval prövar testet hela svarsfördelningen; för flerval är det justerat för valet av alternativ.</translation>
    </message>
    <message>
        <source>The option that differs most between the sexes in both rounds together, chosen before the later round is looked at.</source>
        <translation>Det alternativ som skiljer mest mellan könen i båda omgångarna tillsammans, valt innan den senare omgången granskas för sig.</translation>
    </message>
    <message>
        <source>The test&apos;s own p-value, before the adjustment for the number of questions. Yes/no and multiple choice: Fisher&apos;s exact test of the share. Single choice and scales: a test of the whole distribution of answers, not of the one option shown. Numbers: Mann–Whitney, whether the distributions differ (not a test of the medians).</source>
        <translation>Testets eget p-värde, före justeringen för antalet frågor. Ja/nej och flerval: Fishers exakta test av andelen. Enkelval och skalor: ett test av hela svarsfördelningen, inte bara av det alternativ som visas. Tal: Mann–Whitney, om fördelningarna skiljer sig (inte ett test av medianerna).</translation>
    </message>
    <message>
        <source>Sex of: %1</source>
        <translation>Kön avser: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n case(s) – %3 %4, %5 %6, %7 %8, %9 %10.</source>
        <translation>
            <numerusform>%1: %n ärende – %3 %4, %5 %6, %7 %8, %9 %10.</numerusform>
            <numerusform>%1: %n ärenden – %3 %4, %5 %6, %7 %8, %9 %10.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) were reviewed by two people; each case is counted once.</source>
        <translation>
            <numerusform>%n ärende granskades av två personer; varje ärende räknas en gång.</numerusform>
            <numerusform>%n ärenden granskades av två personer; varje ärende räknas en gång.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 till %2</translation>
    </message>
    <message>
        <source>ratio %1</source>
        <translation>kvot %1</translation>
    </message>
    <message>
        <source>pp</source>
        <translation>p.e.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>%1 of %2 answers</source>
        <translation>%1 av %2 svar</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>Compute again, e.g. after new reviews were imported (F5)</source>
        <translation>Räkna om, t.ex. efter att nya granskningar har importerats (F5)</translation>
    </message>
    <message>
        <source>&amp;Differences</source>
        <translation>&amp;Skillnader</translation>
    </message>
    <message>
        <source>Per &amp;question</source>
        <translation>Per &amp;fråga</translation>
    </message>
    <message>
        <source>Before/&amp;after</source>
        <translation>Före/&amp;efter</translation>
    </message>
    <message>
        <source>Over &amp;time</source>
        <translation>Över &amp;tid</translation>
    </message>
    <message>
        <source>A&amp;greement</source>
        <translation>Ö&amp;verensstämmelse</translation>
    </message>
    <message>
        <source>Choose at least one round to see the findings.</source>
        <translation>Välj minst en omgång för att se resultaten.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Räknar…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with completed reviews.</source>
        <translation>
            <numerusform>%n ärende med färdig granskning.</numerusform>
            <numerusform>%n ärenden med färdiga granskningar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to compare yet.</source>
        <translation>Ännu finns inget att jämföra.</translation>
    </message>
    <message>
        <source>The findings could not be computed. The log file has the details.</source>
        <translation>Resultaten kunde inte beräknas. Detaljerna finns i loggfilen.</translation>
    </message>
    <message>
        <source>Stopped. Choose Update to compute again.</source>
        <translation>Avbrutet. Välj Uppdatera för att räkna igen.</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <source>Lemma</source>
        <translation>Grundform</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Former</translation>
    </message>
</context>
<context>
    <name>ExchangeExportDialog</name>
    <message>
        <source>Export reviews to an exchange file</source>
        <translation>Exportera granskningar till en utbytesfil</translation>
    </message>
    <message>
        <source>The exchange file holds the chosen rounds with their cases, reviews, answers and notes, and the checklists they use. Give it to your unit chief, who imports it. Encrypt it when it travels by e-mail or on a USB stick, and give the passphrase separately.</source>
        <translation>Utbytesfilen innehåller de valda omgångarna med ärenden, granskningar, svar och anteckningar, och checklistorna de använder. Lämna den till din enhetschef, som importerar den. Kryptera den när den skickas med e-post eller på ett USB-minne, och lämna lösenfrasen separat.</translation>
    </message>
    <message>
        <source>Rounds to export</source>
        <translation>Omgångar att exportera</translation>
    </message>
    <message>
        <source>Exported by</source>
        <translation>Exporterad av</translation>
    </message>
    <message>
        <source>your initials or pseudonym</source>
        <translation>dina initialer eller din pseudonym</translation>
    </message>
    <message>
        <source>&amp;Encrypt with a passphrase</source>
        <translation>&amp;Kryptera med en lösenfras</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>minst %n tecken</numerusform>
            <numerusform>minst %n tecken</numerusform>
        </translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Lösenfrasen igen</translation>
    </message>
    <message>
        <source>&amp;Rounds</source>
        <translation>&amp;Omgångar</translation>
    </message>
    <message>
        <source>Exported &amp;by</source>
        <translation>Exporterad &amp;av</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Lösenfras</translation>
    </message>
    <message>
        <source>Passphrase &amp;again</source>
        <translation>Lösenfrasen &amp;igen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportera…</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) – %3 of %n case(s) completed</source>
        <translation>
            <numerusform>%1 (%2) – %3 av %n ärende klart</numerusform>
            <numerusform>%1 (%2) – %3 av %n ärenden klara</numerusform>
        </translation>
    </message>
    <message>
        <source>fictitious</source>
        <translation>fiktiv</translation>
    </message>
    <message>
        <source>training</source>
        <translation>övning</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>Lösenfrasen måste ha minst %n tecken.</numerusform>
            <numerusform>Lösenfrasen måste ha minst %n tecken.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation>De två lösenfraserna skiljer sig åt. Skriv samma lösenfras två gånger.</translation>
    </message>
    <message>
        <source>Choose at least one round.</source>
        <translation>Välj minst en omgång.</translation>
    </message>
    <message>
        <source>Save the exchange file</source>
        <translation>Spara utbytesfilen</translation>
    </message>
    <message>
        <source>Exchange files (*%1);;All files (*)</source>
        <translation>Utbytesfiler (*%1);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>The file could not be written. The log file has the details.</source>
        <translation>Filen kunde inte skrivas. Detaljerna finns i loggfilen.</translation>
    </message>
</context>
<context>
    <name>ExchangeImportDialog</name>
    <message>
        <source>Import exchange files</source>
        <translation>Importera utbytesfiler</translation>
    </message>
    <message>
        <source>Choose the exchange files your caseworkers sent. Every file is read and checked first; nothing is saved until you choose Import, and then all of it or nothing. Importing the same file twice changes nothing.</source>
        <translation>Välj utbytesfilerna som handläggarna har skickat. Varje fil läses och kontrolleras först; inget sparas förrän du väljer Importera, och då allt eller inget. Att importera samma fil två gånger ändrar ingenting.</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>C&amp;hoose files…</source>
        <translation>V&amp;älj filer…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>What the import does</source>
        <translation>Vad importen gör</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Omgång</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Granskare</translation>
    </message>
    <message>
        <source>Existing</source>
        <translation>Befintlig</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Inkommande</translation>
    </message>
    <message>
        <source>Answers differing</source>
        <translation>Olika svar</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Val</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>&amp;Keep existing</source>
        <translation>&amp;Behåll befintlig</translation>
    </message>
    <message>
        <source>&amp;Take incoming</source>
        <translation>&amp;Ta inkommande</translation>
    </message>
    <message>
        <source>Keep &amp;both</source>
        <translation>Behåll b&amp;åda</translation>
    </message>
    <message>
        <source>For the selected conflicts, or for all when none is selected</source>
        <translation>För de markerade konflikterna, eller för alla när ingen är markerad</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>klar</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>påbörjad</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>ej påbörjad</translation>
    </message>
    <message>
        <source>%1, revision %2, %3</source>
        <translation>%1, version %2, %3</translation>
    </message>
    <message>
        <source>– choose –</source>
        <translation>– välj –</translation>
    </message>
    <message>
        <source>keep existing</source>
        <translation>behåll befintlig</translation>
    </message>
    <message>
        <source>take incoming</source>
        <translation>ta inkommande</translation>
    </message>
    <message>
        <source>keep both</source>
        <translation>behåll båda</translation>
    </message>
    <message>
        <source>Choose exchange files</source>
        <translation>Välj utbytesfiler</translation>
    </message>
    <message>
        <source>Exchange files (*%1);;All files (*)</source>
        <translation>Utbytesfiler (*%1);;Alla filer (*)</translation>
    </message>
    <message>
        <source>The passphrase did not open %1. Try again:</source>
        <translation>Lösenfrasen öppnade inte %1. Försök igen:</translation>
    </message>
    <message>
        <source>%1 is encrypted. Passphrase:</source>
        <translation>%1 är krypterad. Lösenfras:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Lösenfras</translation>
    </message>
    <message>
        <source>No file left to import.</source>
        <translation>Ingen fil kvar att importera.</translation>
    </message>
    <message>
        <source>None of the files can be imported.</source>
        <translation>Ingen av filerna kan importeras.</translation>
    </message>
    <message>
        <source>Ready to import: %1. Nothing has been saved yet.</source>
        <translation>Klart att importera: %1. Inget har sparats än.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be imported (see below); the others can.</source>
        <translation>
            <numerusform>%n fil kan inte importeras (se nedan); de andra kan.</numerusform>
            <numerusform>%n filer kan inte importeras (se nedan); de andra kan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) differ between a file and this database. Choose for each which to keep; “keep both” stores the incoming review beside the existing one under the reviewer&apos;s name with “(2)”.</source>
        <translation>
            <numerusform>%n granskning skiljer sig mellan en fil och den här databasen. Välj vilken som ska behållas; ”behåll båda” sparar den inkommande granskningen bredvid den befintliga under granskarens namn med ”(2)”.</numerusform>
            <numerusform>%n granskningar skiljer sig mellan en fil och den här databasen. Välj för var och en vilken som ska behållas; ”behåll båda” sparar den inkommande granskningen bredvid den befintliga under granskarens namn med ”(2)”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>Importerat: %1.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <source>The import failed. The log file has the details.</source>
        <translation>Importen misslyckades. Detaljerna finns i loggfilen.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Inget sparades.</translation>
    </message>
</context>
<context>
    <name>ExportAnswersDialog</name>
    <message>
        <source>Export my answers for the facilitator</source>
        <translation>Exportera mina svar till utbildaren</translation>
    </message>
    <message>
        <source>Your answers to the training round %1 are saved in a file that you give to the facilitator, who compares everyone&apos;s answers with the facit. The file holds only the fictitious training cases and your answers; it can never be imported among real reviews.</source>
        <translation>Dina svar i utbildningsomgången %1 sparas i en fil som du lämnar till utbildaren, som jämför allas svar med facit. Filen innehåller bara de fiktiva övningsärendena och dina svar; den kan aldrig importeras bland riktiga granskningar.</translation>
    </message>
    <message>
        <source>Your name or initials</source>
        <translation>Ditt namn eller dina initialer</translation>
    </message>
    <message>
        <source>Save file…</source>
        <translation>Spara fil…</translation>
    </message>
    <message>
        <source>Save my training answers</source>
        <translation>Spara mina övningssvar</translation>
    </message>
    <message>
        <source>Exchange files (*%1);;All files (*)</source>
        <translation>Utbytesfiler (*%1);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>The file could not be written. The log file has the details.</source>
        <translation>Filen kunde inte skrivas. Loggfilen har detaljerna.</translation>
    </message>
</context>
<context>
    <name>ExportPackDialog</name>
    <message>
        <source>Export pack</source>
        <translation>Exportera paket</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>Pack identifier</source>
        <translation>Paketets id</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Upphov</translation>
    </message>
    <message>
        <source>who made the pack; a role is enough</source>
        <translation>vem som gjort paketet; en roll räcker</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Identifier</source>
        <translation>&amp;Id</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>V&amp;ersion</translation>
    </message>
    <message>
        <source>&amp;Author</source>
        <translation>&amp;Upphov</translation>
    </message>
    <message>
        <source>Training pack (*.yaml *.yml *.json)</source>
        <translation>Utbildningspaket (*.yaml *.yml *.json)</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Smallest number of cases shown</source>
        <translation>Minsta antal ärenden som visas</translation>
    </message>
    <message>
        <source>Figures of fewer cases are hidden, and so is whatever would let them be worked out (at least 3)</source>
        <translation>Uppgifter om färre ärenden döljs, liksom allt som skulle göra det möjligt att räkna fram dem (minst 3)</translation>
    </message>
    <message>
        <source>&amp;Smallest number shown</source>
        <translation>&amp;Minsta antal som visas</translation>
    </message>
    <message>
        <source>A&amp;nonymised report (for readers outside the unit)</source>
        <translation>A&amp;nonymiserad rapport (för läsare utanför enheten)</translation>
    </message>
    <message>
        <source>With the &amp;trend over the ticked rounds</source>
        <translation>Med &amp;trenden över de markerade omgångarna</translation>
    </message>
    <message>
        <source>The gap per round and whether it changes over the rounds, from the oldest to the newest. Tick three or more rounds of the checklist.</source>
        <translation>Skillnaden per omgång och om den ändras över omgångarna, från den äldsta till den senaste. Markera tre eller fler omgångar av checklistan.</translation>
    </message>
    <message>
        <source>&amp;CSV for Excel…</source>
        <translation>&amp;CSV för Excel…</translation>
    </message>
    <message>
        <source>E&amp;xcel workbook…</source>
        <translation>E&amp;xcelarbetsbok…</translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;PDF report…</source>
        <translation>&amp;PDF-rapport…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>Anonymised export:</source>
        <translation>Anonymiserad export:</translation>
    </message>
    <message>
        <source>Audit report:</source>
        <translation>Granskningsrapport:</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <source>Preview of the export</source>
        <translation>Förhandsvisning av exporten</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolumn</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>Hidden figures</source>
        <translation>Dolda uppgifter</translation>
    </message>
    <message>
        <source>S&amp;ection</source>
        <translation>A&amp;vsnitt</translation>
    </message>
    <message>
        <source>P&amp;review</source>
        <translation>För&amp;handsvisning</translation>
    </message>
    <message>
        <source>&amp;Hidden, and why</source>
        <translation>&amp;Dolt och varför</translation>
    </message>
    <message>
        <source>Choose at least one round.</source>
        <translation>Välj minst en omgång.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Förbereder förhandsvisningen…</translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s) hidden: fewer than %1 cases, or they would give such a figure away.</source>
        <translation>
            <numerusform>%n uppgift är dold: färre än %1 ärenden, eller så skulle den avslöja en sådan uppgift.</numerusform>
            <numerusform>%n uppgifter är dolda: färre än %1 ärenden, eller så skulle de avslöja en sådan uppgift.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them because, together with earlier releases of overlapping selections (%1), they would let a hidden figure be worked out.</source>
        <translation>
            <numerusform>%n av dem för att den, tillsammans med tidigare utlämnade sammanställningar av överlappande urval (%1), skulle låta någon räkna fram en dold uppgift.</numerusform>
            <numerusform>%n av dem för att de, tillsammans med tidigare utlämnade sammanställningar av överlappande urval (%1), skulle låta någon räkna fram en dold uppgift.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 = hidden figure, %2 = no figure.</source>
        <translation>%1 = dold uppgift, %2 = ingen uppgift.</translation>
    </message>
    <message>
        <source>Answer or measure</source>
        <translation>Svar eller mått</translation>
    </message>
    <message>
        <source>Hidden: together with an earlier release it would let a hidden figure be worked out</source>
        <translation>Dold: tillsammans med en tidigare utlämnad sammanställning skulle den låta någon räkna fram en dold uppgift</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV för Excel (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excelarbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Spara som</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Skriver %1…</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>Skrev %1.</translation>
    </message>
    <message>
        <source>That did not work; nothing was written. The log file has the details.</source>
        <translation>Det gick inte; inget skrevs. Detaljerna finns i loggfilen.</translation>
    </message>
</context>
<context>
    <name>FacilitatorView</name>
    <message>
        <source>Add the training files the participants exported from the same training pack. The files are read here and compared with the pack&apos;s facit; nothing is stored. The questions the participants answered least alike come first: they are the ones to discuss.</source>
        <translation>Lägg till de utbildningsfiler som deltagarna exporterat från samma utbildningspaket. Filerna läses här och jämförs med paketets facit; ingenting sparas. De frågor där deltagarna svarade minst lika står först: det är dem ni diskuterar.</translation>
    </message>
    <message>
        <source>Add participant files…</source>
        <translation>Lägg till deltagarfiler…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Töm</translation>
    </message>
    <message>
        <source>Show names</source>
        <translation>Visa namn</translation>
    </message>
    <message>
        <source>Show the participants&apos; names instead of P1, P2, …, also in the PDF; leave it off on a projector.</source>
        <translation>Visa deltagarnas namn i stället för P1, P2, …, även i pdf:en; låt bli när skärmen visas för gruppen.</translation>
    </message>
    <message>
        <source>Save summary as PDF…</source>
        <translation>Spara sammanställning som PDF…</translation>
    </message>
    <message>
        <source>Per question, most disputed first</source>
        <translation>Per fråga, mest omstridd först</translation>
    </message>
    <message>
        <source>Per participant against the facit</source>
        <translation>Per deltagare mot facit</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Alike</source>
        <translation>Lika svar</translation>
    </message>
    <message>
        <source>Kappa (SE)</source>
        <translation>Kappa (SE)</translation>
    </message>
    <message>
        <source>Like facit</source>
        <translation>Som facit</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Facit</source>
        <translation>Facit</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>Answers compared</source>
        <translation>Jämförda svar</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa against facit (95% CI)</source>
        <translation>Cohens kappa mot facit (95 % KI)</translation>
    </message>
    <message>
        <source>Reading (Landis &amp; Koch)</source>
        <translation>Bedömning (Landis &amp; Koch)</translation>
    </message>
    <message>
        <source>Choose the participants&apos; training files</source>
        <translation>Välj deltagarnas utbildningsfiler</translation>
    </message>
    <message>
        <source>Exchange files (*%1);;All files (*)</source>
        <translation>Utbytesfiler (*%1);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Läser filerna…</translation>
    </message>
    <message>
        <source>Save the training summary</source>
        <translation>Spara utbildningssammanställningen</translation>
    </message>
    <message>
        <source>training-summary.pdf</source>
        <translation>utbildningssammanstallning.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Skriver pdf:en…</translation>
    </message>
    <message numerus="yes">
        <source>%n participant file(s) read; nothing was stored.</source>
        <translation>
            <numerusform>%n deltagarfil lästes; ingenting sparades.</numerusform>
            <numerusform>%n deltagarfiler lästes; ingenting sparades.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Sparade %1</translation>
    </message>
    <message>
        <source>The files could not be read. The log file has the details.</source>
        <translation>Filerna kunde inte läsas. Loggfilen har detaljerna.</translation>
    </message>
    <message>
        <source>No participant files yet.</source>
        <translation>Inga deltagarfiler ännu.</translation>
    </message>
</context>
<context>
    <name>FacitReviewPage</name>
    <message>
        <source>Your answers are the facit; write the rationale for each answer in its note (Ctrl+M).</source>
        <translation>Dina svar blir facit; skriv motiveringen till varje svar i dess anteckning (Ctrl+M).</translation>
    </message>
    <message>
        <source>Case text</source>
        <translation>Ärendetext</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Utbildning</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Ditt svar</translation>
    </message>
    <message>
        <source>Facit</source>
        <translation>Facit</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>Feedback per question</source>
        <translation>Återkoppling per fråga</translation>
    </message>
    <message>
        <source>Score per case, section and overall</source>
        <translation>Resultat per ärende, avsnitt och totalt</translation>
    </message>
    <message>
        <source>&amp;Next case</source>
        <translation>&amp;Nästa ärende</translation>
    </message>
    <message>
        <source>The facit for this case is shown once you mark it as complete (Ctrl+Return).</source>
        <translation>Facit för ärendet visas när du har markerat det som klart (Ctrl+Retur).</translation>
    </message>
    <message>
        <source>Case %1: %2</source>
        <translation>Ärende %1: %2</translation>
    </message>
    <message>
        <source>Per section: %1</source>
        <translation>Per avsnitt: %1</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Omgångar</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Granskare</translation>
    </message>
    <message>
        <source>Also split by</source>
        <translation>Dela också upp efter</translation>
    </message>
    <message>
        <source>Nothing else</source>
        <translation>Inget mer</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Åldersgrupp</translation>
    </message>
    <message>
        <source>Compare with (before/after)</source>
        <translation>Jämför med (före/efter)</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>&amp;Checklista</translation>
    </message>
    <message>
        <source>&amp;Rounds</source>
        <translation>&amp;Omgångar</translation>
    </message>
    <message>
        <source>U&amp;nit</source>
        <translation>&amp;Enhet</translation>
    </message>
    <message>
        <source>Revie&amp;wer</source>
        <translation>&amp;Granskare</translation>
    </message>
    <message>
        <source>Also split &amp;by</source>
        <translation>Dela också &amp;upp efter</translation>
    </message>
    <message>
        <source>Compare &amp;with</source>
        <translation>&amp;Jämför med</translation>
    </message>
    <message>
        <source>fictitious</source>
        <translation>fiktiv</translation>
    </message>
    <message>
        <source>training</source>
        <translation>övning</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Ingen jämförelse</translation>
    </message>
    <message>
        <source>Choose at least one round.</source>
        <translation>Välj minst en omgång.</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Alla enheter</translation>
    </message>
    <message>
        <source>All reviewers</source>
        <translation>Alla granskare</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <source>Difference</source>
        <translation>Skillnad</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>adjusted p</source>
        <translation>justerat p</translation>
    </message>
    <message>
        <source>The p-value adjusted for the number of questions compared (Benjamini–Hochberg). A primary question, decided before the round, is tested on its own without adjustment.</source>
        <translation>p-värdet justerat för antalet jämförda frågor (Benjamini–Hochberg). En huvudfråga, bestämd före omgången, prövas för sig utan justering.</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <source>Flagged differences</source>
        <translation>Markerade skillnader</translation>
    </message>
    <message>
        <source>primary question</source>
        <translation>huvudfråga</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) flagged:</source>
        <translation>
            <numerusform>%n skillnad markerad:</numerusform>
            <numerusform>%n skillnader markerade:</numerusform>
        </translation>
    </message>
    <message>
        <source>No difference between the sexes is both large enough and clear enough once the number of comparisons is allowed for.</source>
        <translation>Ingen skillnad mellan könen är både tillräckligt stor och tillräckligt tydlig när hänsyn tas till antalet jämförelser.</translation>
    </message>
    <message numerus="yes">
        <source>The %n row(s) of the second breakdown are adjusted together on their own.</source>
        <translation>
            <numerusform>Raden i den andra uppdelningen (%n) justeras för sig.</numerusform>
            <numerusform>De %n raderna i den andra uppdelningen justeras tillsammans för sig.</numerusform>
        </translation>
    </message>
    <message>
        <source>A difference is flagged when it is at least {pp} percentage points (for numbers: one median at least {rel} % above the other, whichever is higher) and its adjusted p &lt; {q}; a primary question&apos;s own p &lt; {alpha}. Questions with fewer than {n} answers from women or from men are marked “too few to say”; no percentage is given on fewer than {base} answers.</source>
        <translation>En skillnad markeras när den är minst {pp} procentenheter (för tal: den ena medianen minst {rel} % högre än den andra, oavsett vilken) och dess justerade p &lt; {q}; för en huvudfråga dess eget p &lt; {alpha}. Frågor med färre än {n} svar för kvinnor eller för män markeras ”för litet underlag”; ingen procentsats anges på färre än {base} svar.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Fill in: %1.</source>
        <translation>Fyll i: %1.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help – %1</source>
        <translation>Hjälp – %1</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Hjälptext</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import reviews from a spreadsheet</source>
        <translation>Importera granskningar från kalkylark</translation>
    </message>
    <message>
        <source>One row per reviewed case: the columns case_code, sex, age_band, unit and reviewer, then one column per question key of the round&apos;s checklist. The whole file is checked first; nothing is saved unless every row is valid. CSV (UTF-8) and Excel (.xlsx) files can be imported.</source>
        <translation>En rad per granskat ärende: kolumnerna case_code, sex, age_band, unit och reviewer, sedan en kolumn per frågenyckel i omgångens checklista. Hela filen kontrolleras först; ingenting sparas om inte varje rad är giltig. CSV-filer (UTF-8) och Excel-filer (.xlsx) kan importeras.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>a .csv or .xlsx file</source>
        <translation>en .csv- eller .xlsx-fil</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>&amp;Välj fil…</translation>
    </message>
    <message>
        <source>Reviewer for rows without one</source>
        <translation>Granskare för rader som saknar granskare</translation>
    </message>
    <message>
        <source>initials or pseudonym, used where the reviewer cell is empty</source>
        <translation>initialer eller pseudonym, används där granskarcellen är tom</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Reviewer for rows without one</source>
        <translation>G&amp;ranskare för rader som saknar granskare</translation>
    </message>
    <message>
        <source>&amp;Check file</source>
        <translation>&amp;Granska filen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Fel i filen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>Round: {round} – checklist {checklist}</source>
        <translation>Omgång: {round} – checklista {checklist}</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>Välj ett kalkylark</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Välj en fil först.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <source>The file can be imported: {summary}. Nothing has been saved yet; choose Import to save it.</source>
        <translation>Filen kan importeras: {summary}. Ingenting har sparats ännu; välj Importera för att spara.</translation>
    </message>
    <message>
        <source>The file could not be checked. The log file has the details.</source>
        <translation>Filen kunde inte kontrolleras. Loggfilen har detaljerna.</translation>
    </message>
    <message>
        <source>Imported {file} into {round}: {summary}.</source>
        <translation>Importerade {file} till {round}: {summary}.</translation>
    </message>
    <message>
        <source>The file could not be imported; nothing was saved. The log file has the details.</source>
        <translation>Filen kunde inte importeras; ingenting sparades. Loggfilen har detaljerna.</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <source>Problems in the checklist</source>
        <translation>Problem i checklistan</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before publishing:</source>
        <translation>
            <numerusform>%n problem att åtgärda före publiceringen:</numerusform>
            <numerusform>%n problem att åtgärda före publiceringen:</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: the checklist can be published.</source>
        <translation>Inga problem: checklistan kan publiceras.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Paratransit</source>
        <translation>Färdtjänst</translation>
    </message>
    <message>
        <source>Childcare</source>
        <translation>Barnomsorg</translation>
    </message>
    <message>
        <source>Substance abuse</source>
        <translation>Missbruk</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicerad</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Pensionerad</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>Kvinna</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>Man</translation>
    </message>
    <message>
        <source>Girl</source>
        <translation>Flicka</translation>
    </message>
    <message>
        <source>Boy</source>
        <translation>Pojke</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Okänt</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ej påbörjad</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Klar</translation>
    </message>
</context>
<context>
    <name>LexiconEditorDialog</name>
    <message>
        <source>Lexicon of value-laden words</source>
        <translation>Ordlista över värdeladdade ord</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>Sök ord</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Ord</translation>
    </message>
    <message>
        <source>&amp;Add word</source>
        <translation>&amp;Lägg till ord</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Ta bort markerade</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>&amp;Importera fil…</translation>
    </message>
    <message>
        <source>E&amp;xport file…</source>
        <translation>E&amp;xportera fil…</translation>
    </message>
    <message>
        <source>Why the list changed (shown in the history)</source>
        <translation>Varför listan ändrades (visas i versionshistoriken)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation>&amp;Spara som ny version</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Sparad</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Omgångar</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Inbyggd</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>The words the text aid counts in a description. A word matches in the forms listed; a form ending in * matches every word that begins with it. Saving makes a new version: rounds keep the version they were created with, so their counts stay comparable.</source>
        <translation>Orden som textstödet räknar i en beskrivning. Ett ord träffar i de former som står i listan; en form som slutar med * träffar alla ord som börjar så. När du sparar blir det en ny version: omgångar behåller den version de skapades med, så att deras siffror går att jämföra.</translation>
    </message>
    <message>
        <source>Version %1, %2 words. New rounds count with this version.</source>
        <translation>Version %1, %2 ord. Nya omgångar räknar med den här versionen.</translation>
    </message>
    <message>
        <source>Saved as version %1. New rounds count with it.</source>
        <translation>Sparad som version %1. Nya omgångar räknar med den.</translation>
    </message>
    <message>
        <source>Import lexicon</source>
        <translation>Importera ordlista</translation>
    </message>
    <message>
        <source>Lexicon files (*.xlsx *.csv *.yaml *.yml);;All files (*)</source>
        <translation>Ordlistor (*.xlsx *.csv *.yaml *.yml);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Read %1 words from %2. Check them and save them as a new version to use them.</source>
        <translation>Läste %1 ord från %2. Granska dem och spara dem som en ny version för att använda dem.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-fil (*.csv)</translation>
    </message>
    <message>
        <source>YAML file (*.yaml)</source>
        <translation>YAML-fil (*.yaml)</translation>
    </message>
    <message>
        <source>Export lexicon</source>
        <translation>Exportera ordlista</translation>
    </message>
    <message>
        <source>Exported %1 words to %2.</source>
        <translation>Exporterade %1 ord till %2.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>The list has changes that are not saved. Close and discard them?</source>
        <translation>Listan har ändringar som inte är sparade. Vill du stänga och slänga dem?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Gender equality review</source>
        <translation>Jämställdhetsgranskning</translation>
    </message>
    <message>
        <source>&amp;Reviews</source>
        <translation>&amp;Granskningar</translation>
    </message>
    <message>
        <source>&amp;Checklists</source>
        <translation>&amp;Checklistor</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Öppnar databasen…</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Utbildning</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>S&amp;ammanställning</translation>
    </message>
    <message>
        <source>E&amp;xport and report</source>
        <translation>E&amp;xport och rapport</translation>
    </message>
    <message>
        <source>&amp;Export to exchange file…</source>
        <translation>&amp;Exportera till utbytesfil…</translation>
    </message>
    <message>
        <source>&amp;Import exchange files…</source>
        <translation>&amp;Importera utbytesfiler…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Help for this area</source>
        <translation>&amp;Hjälp för den här delen</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>Kom &amp;igång</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Om programmet</translation>
    </message>
    <message>
        <source>Export au&amp;dit trail…</source>
        <translation>Exportera hän&amp;delselogg…</translation>
    </message>
</context>
<context>
    <name>NewChecklistDialog</name>
    <message>
        <source>New checklist</source>
        <translation>Ny checklista</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Utgå från</translation>
    </message>
    <message>
        <source>An empty checklist</source>
        <translation>En tom checklista</translation>
    </message>
    <message>
        <source>A new version of the built-in “%1”</source>
        <translation>En ny version av den inbyggda ”%1”</translation>
    </message>
    <message>
        <source>Title (Swedish)</source>
        <translation>Titel (svenska)</translation>
    </message>
    <message>
        <source>e.g. Bemötande i beslutsbrev</source>
        <translation>t.ex. Bemötande i beslutsbrev</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>The cases are about</source>
        <translation>Ärendena gäller</translation>
    </message>
    <message>
        <source>&amp;Start from</source>
        <translation>&amp;Utgå från</translation>
    </message>
    <message>
        <source>&amp;Title (Swedish)</source>
        <translation>&amp;Titel (svenska)</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>&amp;Område</translation>
    </message>
    <message>
        <source>The cases are &amp;about</source>
        <translation>Ärendena &amp;gäller</translation>
    </message>
</context>
<context>
    <name>NewTrainingRoundDialog</name>
    <message>
        <source>New training round</source>
        <translation>Ny utbildningsomgång</translation>
    </message>
    <message>
        <source>Round name</source>
        <translation>Omgångens namn</translation>
    </message>
    <message>
        <source>e.g. Workshop substance abuse, spring</source>
        <translation>t.ex. Kursdag missbruk, våren</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Pack title</source>
        <translation>Paketets titel</translation>
    </message>
    <message>
        <source>what participants see when they choose the pack</source>
        <translation>det deltagarna ser när de väljer paket</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Facit shown</source>
        <translation>Facit visas</translation>
    </message>
    <message>
        <source>After each case</source>
        <translation>Efter varje fall</translation>
    </message>
    <message>
        <source>When all cases are answered</source>
        <translation>När alla fall är besvarade</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>&amp;Checklista</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beskrivning</translation>
    </message>
    <message>
        <source>&amp;Facit shown</source>
        <translation>&amp;Facit visas</translation>
    </message>
</context>
<context>
    <name>OptionsEditor</name>
    <message>
        <source>Add option</source>
        <translation>Lägg till alternativ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Upp</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ned</translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation>Ta bort alternativ</translation>
    </message>
    <message>
        <source>Move option</source>
        <translation>Flytta alternativ</translation>
    </message>
</context>
<context>
    <name>OptionsModel</name>
    <message>
        <source>Value (code)</source>
        <translation>Värde (kod)</translation>
    </message>
    <message>
        <source>Label (Swedish)</source>
        <translation>Etikett (svenska)</translation>
    </message>
    <message>
        <source>Label (English)</source>
        <translation>Etikett (engelska)</translation>
    </message>
    <message>
        <source>Change option value</source>
        <translation>Ändra alternativets värde</translation>
    </message>
    <message>
        <source>Change option label</source>
        <translation>Ändra alternativets etikett</translation>
    </message>
</context>
<context>
    <name>PackAuthoringPage</name>
    <message>
        <source>Make a training pack of your own: create a training round, add fictitious cases with their case text, and review each case once – your answers are the facit and the note on each answer is its rationale. Then export the round as a pack file that other installations can import.</source>
        <translation>Gör ett eget utbildningspaket: skapa en utbildningsomgång, lägg till påhittade fall med ärendetext och granska varje fall en gång – dina svar blir facit och anteckningen till varje svar blir dess motivering. Exportera sedan omgången som en paketfil som andra installationer kan importera.</translation>
    </message>
    <message>
        <source>Training round</source>
        <translation>Utbildningsomgång</translation>
    </message>
    <message>
        <source>Pack title</source>
        <translation>Paketets titel</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Facit shown</source>
        <translation>Facit visas</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Granskade</translation>
    </message>
    <message>
        <source>Training rounds made by hand</source>
        <translation>Egna utbildningsomgångar</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Åldersgrupp</translation>
    </message>
    <message>
        <source>Facit</source>
        <translation>Facit</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n tecken</numerusform>
            <numerusform>%n tecken</numerusform>
        </translation>
    </message>
    <message>
        <source>Cases of the training round</source>
        <translation>Utbildningsomgångens fall</translation>
    </message>
    <message>
        <source>Case text</source>
        <translation>Ärendetext</translation>
    </message>
    <message>
        <source>Choose a case to read its text.</source>
        <translation>Välj ett fall för att läsa dess text.</translation>
    </message>
    <message>
        <source>New training round…</source>
        <translation>Ny utbildningsomgång…</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Nytt fall…</translation>
    </message>
    <message>
        <source>Edit text…</source>
        <translation>Ändra text…</translation>
    </message>
    <message>
        <source>Remove case</source>
        <translation>Ta bort fall</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granska</translation>
    </message>
    <message>
        <source>Export pack…</source>
        <translation>Exportera paket…</translation>
    </message>
    <message>
        <source>When all cases are answered</source>
        <translation>När alla fall är besvarade</translation>
    </message>
    <message>
        <source>After each case</source>
        <translation>Efter varje fall</translation>
    </message>
    <message>
        <source>Review begun</source>
        <translation>Granskning påbörjad</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Inte granskat</translation>
    </message>
    <message>
        <source>Remove the case %1 with its text and its facit review?</source>
        <translation>Ta bort fallet %1 med dess text och facitgranskning?</translation>
    </message>
    <message>
        <source>Export pack</source>
        <translation>Exportera paket</translation>
    </message>
    <message>
        <source>The pack was saved to %1. Import it under Training on the computers of the workshop.</source>
        <translation>Paketet sparades i %1. Importera det under Utbildning på datorerna som används på kursen.</translation>
    </message>
</context>
<context>
    <name>PackListPage</name>
    <message>
        <source>After each case</source>
        <translation>Efter varje ärende</translation>
    </message>
    <message>
        <source>When all cases are complete</source>
        <translation>När alla ärenden är klara</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>Facit shown</source>
        <translation>Facit visas</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Inbyggt</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importerat</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Omgångar</translation>
    </message>
    <message>
        <source>Training with fictitious cases</source>
        <translation>Utbildning med påhittade ärenden</translation>
    </message>
    <message>
        <source>Pick a pack and start: you read each fictitious case beside the review form and answer as in a real review. Your answers are compared with the pack&apos;s facit, with a rationale for every question. Training rounds never appear among the real rounds, summaries or exports.</source>
        <translation>Välj ett paket och starta: du läser varje påhittat ärende bredvid granskningsformuläret och svarar som i en riktig granskning. Dina svar jämförs med paketets facit, med en motivering till varje fråga. Utbildningsomgångar syns aldrig bland de riktiga omgångarna, sammanställningarna eller exporterna.</translation>
    </message>
    <message>
        <source>&amp;Packs</source>
        <translation>&amp;Paket</translation>
    </message>
    <message>
        <source>Training packs</source>
        <translation>Utbildningspaket</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>&amp;Omgång:</translation>
    </message>
    <message>
        <source>Round to start or continue</source>
        <translation>Omgång att starta eller fortsätta</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starta</translation>
    </message>
    <message>
        <source>Start or continue the chosen round (Enter in the list)</source>
        <translation>Starta eller fortsätt den valda omgången (Retur i listan)</translation>
    </message>
    <message>
        <source>&amp;Import pack…</source>
        <translation>&amp;Importera paket…</translation>
    </message>
    <message>
        <source>New round</source>
        <translation>Ny omgång</translation>
    </message>
    <message>
        <source>Continue: %1</source>
        <translation>Fortsätt: %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <source>Import training pack</source>
        <translation>Importera utbildningspaket</translation>
    </message>
    <message>
        <source>Training packs (*.yaml *.yml *.json)</source>
        <translation>Utbildningspaket (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>The pack was not imported; nothing was changed.</source>
        <translation>Paketet importerades inte; ingenting ändrades.</translation>
    </message>
    <message>
        <source>This pack is already imported; nothing was changed.</source>
        <translation>Paketet är redan importerat; ingenting ändrades.</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>The preview shows the last version that could be shown. Fix the problems to update it.</source>
        <translation>Förhandsvisningen visar det senaste läge som gick att visa. Åtgärda problemen för att uppdatera den.</translation>
    </message>
    <message>
        <source>The preview appears when the problems are fixed.</source>
        <translation>Förhandsvisningen visas när problemen är åtgärdade.</translation>
    </message>
    <message>
        <source>Preview of the review form: try it, nothing you answer here is saved.</source>
        <translation>Förhandsvisning av granskningsformuläret: prova gärna, inget du svarar här sparas.</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish checklist</source>
        <translation>Publicera checklista</translation>
    </message>
    <message>
        <source>Publishing makes version %2 of %1 final: it can no longer be changed, and new review rounds can use it.</source>
        <translation>När du publicerar blir version %2 av %1 slutgiltig: den kan inte längre ändras, och nya granskningsomgångar kan använda den.</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publicera</translation>
    </message>
    <message>
        <source>These questions of version %1 are not in the new version under the same key. Say what became of each: which new question it is now (renamed or reworded; add one for a split), or that it was removed.</source>
        <translation>De här frågorna i version %1 finns inte under samma nyckel i den nya versionen. Ange vad som hände med var och en: vilken ny fråga den är nu (med ny nyckel eller ny formulering; lägg till en till om frågan har delats upp), eller att den har tagits bort.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) changed</source>
        <translation>
            <numerusform>%n fråga ändrad</numerusform>
            <numerusform>%n frågor ändrade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n ny</numerusform>
            <numerusform>%n nya</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed or renamed</source>
        <translation>
            <numerusform>%n borttagen eller omdöpt</numerusform>
            <numerusform>%n borttagna eller omdöpta</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n oförändrad</numerusform>
            <numerusform>%n oförändrade</numerusform>
        </translation>
    </message>
    <message>
        <source>Compared with version %1: </source>
        <translation>Jämfört med version %1: </translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Ändrade: %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nya: %1</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>Dela upp…</translation>
    </message>
    <message>
        <source>The question became several new questions: map it to one more</source>
        <translation>Frågan blev flera nya frågor: koppla den till ytterligare en</translation>
    </message>
    <message>
        <source>Map %1 to one more new question</source>
        <translation>Koppla %1 till ytterligare en ny fråga</translation>
    </message>
    <message>
        <source>What became of %1</source>
        <translation>Vad som hände med %1</translation>
    </message>
    <message>
        <source>– choose –</source>
        <translation>– välj –</translation>
    </message>
    <message>
        <source>Removed (retired)</source>
        <translation>Borttagen (utgår)</translation>
    </message>
    <message>
        <source>Became: %1</source>
        <translation>Blev: %1</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Question key</source>
        <translation>Frågenyckel</translation>
    </message>
    <message>
        <source>The question&apos;s stable name in statistics and exports: lowercase letters a–z, digits and _. Keep it when you only reword the question.</source>
        <translation>Frågans fasta namn i statistik och exporter: små bokstäver a–z, siffror och _. Behåll den när du bara formulerar om frågan.</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>&amp;Nyckel</translation>
    </message>
    <message>
        <source>&amp;Question (Swedish)</source>
        <translation>F&amp;råga (svenska)</translation>
    </message>
    <message>
        <source>Question (English)</source>
        <translation>Fråga (engelska)</translation>
    </message>
    <message>
        <source>&amp;Guidance (Swedish)</source>
        <translation>&amp;Vägledning (svenska)</translation>
    </message>
    <message>
        <source>Guidance (English)</source>
        <translation>Vägledning (engelska)</translation>
    </message>
    <message>
        <source>Answer type</source>
        <translation>Svarstyp</translation>
    </message>
    <message>
        <source>Answer &amp;type</source>
        <translation>Svarst&amp;yp</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Svarsalternativ</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>Svarsalternat&amp;iv</translation>
    </message>
    <message>
        <source>Smallest allowed number</source>
        <translation>Lägsta tillåtna tal</translation>
    </message>
    <message>
        <source>Largest allowed number</source>
        <translation>Högsta tillåtna tal</translation>
    </message>
    <message>
        <source>S&amp;mallest</source>
        <translation>&amp;Lägsta</translation>
    </message>
    <message>
        <source>La&amp;rgest</source>
        <translation>H&amp;ögsta</translation>
    </message>
    <message>
        <source>&amp;Required answer</source>
        <translation>&amp;Obligatoriskt svar</translation>
    </message>
    <message>
        <source>A review cannot be marked complete without an answer to this question</source>
        <translation>En granskning kan inte markeras som klar utan ett svar på den här frågan</translation>
    </message>
    <message>
        <source>Compare &amp;women and men</source>
        <translation>Jämför &amp;kvinnor och män</translation>
    </message>
    <message>
        <source>The summary compares the answers of women and men to this question</source>
        <translation>Sammanställningen jämför svaren för kvinnor och män på den här frågan</translation>
    </message>
    <message>
        <source>&amp;Show only when</source>
        <translation>Visa &amp;bara när</translation>
    </message>
    <message>
        <source>Change required</source>
        <translation>Ändra obligatoriskt svar</translation>
    </message>
    <message>
        <source>Change comparison</source>
        <translation>Ändra jämförelse</translation>
    </message>
    <message>
        <source>Change smallest</source>
        <translation>Ändra lägsta värde</translation>
    </message>
    <message>
        <source>Change largest</source>
        <translation>Ändra högsta värde</translation>
    </message>
    <message>
        <source>Scale 1 means (Swedish)</source>
        <translation>Skalans 1 betyder (svenska)</translation>
    </message>
    <message>
        <source>Scale 1 means (English)</source>
        <translation>Skalans 1 betyder (engelska)</translation>
    </message>
    <message>
        <source>Scale 5 means (Swedish)</source>
        <translation>Skalans 5 betyder (svenska)</translation>
    </message>
    <message>
        <source>Scale 5 means (English)</source>
        <translation>Skalans 5 betyder (engelska)</translation>
    </message>
    <message>
        <source>Change scale ends</source>
        <translation>Ändra skalans ändpunkter</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Add a note to this answer (Ctrl+M)</source>
        <translation>Lägg till en anteckning till svaret (Ctrl+M)</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Anteckning (valfri)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Anteckning: %1</translation>
    </message>
    <message>
        <source>Count words in a text…</source>
        <translation>Räkna ord i en text…</translation>
    </message>
    <message>
        <source>Paste a passage to count its words and value-laden words; the text is never saved</source>
        <translation>Klistra in ett avsnitt för att räkna orden och de värdeladdade orden; texten sparas aldrig</translation>
    </message>
    <message>
        <source>1 = %1 · 5 = %2</source>
        <translation>1 = %1 · 5 = %2</translation>
    </message>
    <message>
        <source>Only a number can be typed here.</source>
        <translation>Här kan bara ett tal skrivas.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>Databasen kan inte öppnas</translation>
    </message>
    <message>
        <source>The newest good backup is from %1 and holds %2 rounds, %3 cases and %4 reviews. Restoring it puts that copy back; what was saved after it is not in it. The damaged file is kept in the backups folder for your IT support.</source>
        <translation>Den senaste fungerande säkerhetskopian är från %1 och innehåller %2 omgångar, %3 ärenden och %4 granskningar. Om du återställer den läggs den kopian tillbaka; det som sparades efter den finns inte med. Den skadade filen sparas i mappen för säkerhetskopior åt IT-stödet.</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Återställ säkerhetskopian</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message>
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Sparstatus</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Vägledning</translation>
    </message>
    <message>
        <source>← Cases</source>
        <translation>← Ärenden</translation>
    </message>
    <message>
        <source>Back to the case list (Alt+Left)</source>
        <translation>Tillbaka till ärendelistan (Alt+Vänster)</translation>
    </message>
    <message>
        <source>Previous case</source>
        <translation>Föregående ärende</translation>
    </message>
    <message>
        <source>Next case</source>
        <translation>Nästa ärende</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Ärende %1</translation>
    </message>
    <message>
        <source>%1 · age %2 · unit %3 · round %4 · reviewer %5</source>
        <translation>%1 · ålder %2 · enhet %3 · omgång %4 · granskare %5</translation>
    </message>
    <message>
        <source>All changes are saved</source>
        <translation>Alla ändringar är sparade</translation>
    </message>
    <message>
        <source>Reopen for changes</source>
        <translation>Öppna igen för ändringar</translation>
    </message>
    <message>
        <source>Mark as complete</source>
        <translation>Markera som klar</translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>%1 av %2 besvarade</translation>
    </message>
    <message numerus="yes">
        <source>%n required unanswered</source>
        <translation>
            <numerusform>%n obligatorisk saknar svar</numerusform>
            <numerusform>%n obligatoriska saknar svar</numerusform>
        </translation>
    </message>
    <message>
        <source>all required answered</source>
        <translation>alla obligatoriska besvarade</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Not saved: see the message at the question</source>
        <translation>Inte sparat: se meddelandet vid frågan</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Sparat %1</translation>
    </message>
    <message>
        <source>Change not saved</source>
        <translation>Ändringen är inte sparad</translation>
    </message>
    <message>
        <source>The change at “%1” was not saved: %2</source>
        <translation>Ändringen vid ”%1” sparades inte: %2</translation>
    </message>
    <message>
        <source>Discard the change, or go back and correct it?</source>
        <translation>Vill du kasta ändringen, eller gå tillbaka och rätta den?</translation>
    </message>
    <message>
        <source>&amp;Discard the change</source>
        <translation>&amp;Kasta ändringen</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Gå tillbaka</translation>
    </message>
    <message>
        <source>This review is complete. To change it, press “%1”.</source>
        <translation>Granskningen är klar. Tryck på ”%1” för att ändra den.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
    <message>
        <source>Complete and saved</source>
        <translation>Klar och sparad</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Öppnad igen</translation>
    </message>
    <message>
        <source>Changed elsewhere: choose above</source>
        <translation>Ändrad på annat håll: välj ovan</translation>
    </message>
    <message>
        <source>Required: this question needs an answer.</source>
        <translation>Obligatorisk: frågan behöver ett svar.</translation>
    </message>
    <message numerus="yes">
        <source>%n required question(s) unanswered</source>
        <translation>
            <numerusform>%n obligatorisk fråga saknar svar</numerusform>
            <numerusform>%n obligatoriska frågor saknar svar</numerusform>
        </translation>
    </message>
    <message>
        <source>No guidance.</source>
        <translation>Ingen vägledning.</translation>
    </message>
    <message>
        <source>Keys: J = yes, N = no, Delete = clear.</source>
        <translation>Tangenter: J = ja, N = nej, Delete = rensa.</translation>
    </message>
    <message>
        <source>Keys: J = yes, N = no, E = not applicable, Delete = clear.</source>
        <translation>Tangenter: J = ja, N = nej, E = ej aktuellt, Delete = rensa.</translation>
    </message>
    <message>
        <source>Keys: 1–5 choose, Delete = clear.</source>
        <translation>Tangenter: 1–5 väljer, Delete = rensa.</translation>
    </message>
    <message>
        <source>Keys: 1, 2, 3 … choose an option, Delete = clear.</source>
        <translation>Tangenter: 1, 2, 3 … väljer ett alternativ, Delete = rensa.</translation>
    </message>
    <message>
        <source>Keys: 1, 2, 3 … tick or untick an option, Delete = clear all.</source>
        <translation>Tangenter: 1, 2, 3 … kryssar i eller ur ett alternativ, Delete = rensa alla.</translation>
    </message>
    <message>
        <source>Ctrl+M = note, Ctrl+Return = complete.</source>
        <translation>Ctrl+M = anteckning, Ctrl+Retur = klar.</translation>
    </message>
</context>
<context>
    <name>ReviewsArea</name>
    <message>
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>New review round</source>
        <translation>Ny granskningsomgång</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>e.g. Färdtjänst 2026 H1</source>
        <translation>t.ex. Färdtjänst 2026 H1</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>e.g. 2026 H1</source>
        <translation>t.ex. 2026 H1</translation>
    </message>
    <message>
        <source>Baseline round</source>
        <translation>Jämförelseomgång</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>&amp;Checklista</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <source>&amp;Baseline (before)</source>
        <translation>&amp;Jämförelse (före)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <source>Round</source>
        <translation>Omgång</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation> (arkiverad)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Jämförelse</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Klara</translation>
    </message>
    <message>
        <source>Fictitious</source>
        <translation>Fiktiv</translation>
    </message>
    <message>
        <source>Search rounds</source>
        <translation>Sök omgång</translation>
    </message>
    <message>
        <source>Review rounds</source>
        <translation>Granskningsomgångar</translation>
    </message>
    <message>
        <source>There are no review rounds yet. To see how the program works, you can try it with fictitious demo data: three rounds (paratransit, childcare, substance abuse) with made-up cases and completed reviews, clearly marked as fictitious.</source>
        <translation>Det finns inga granskningsomgångar ännu. Om du vill se hur programmet fungerar kan du prova med fiktiva exempeldata: tre omgångar (färdtjänst, barnomsorg, missbruk) med påhittade ärenden och klara granskningar, tydligt markerade som fiktiva.</translation>
    </message>
    <message>
        <source>Try with demo data</source>
        <translation>Prova med exempeldata</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <source>&amp;New round…</source>
        <translation>&amp;Ny omgång…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Byt namn…</translation>
    </message>
    <message>
        <source>&amp;Archive / restore</source>
        <translation>&amp;Arkivera/återställ</translation>
    </message>
    <message>
        <source>Draw &amp;sample…</source>
        <translation>&amp;Dra urval…</translation>
    </message>
    <message>
        <source>Draw the selected empty round&apos;s cases at random from the case system&apos;s list of closed cases</source>
        <translation>Dra den valda tomma omgångens ärenden slumpmässigt ur verksamhetssystemets lista över avslutade ärenden</translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>Visa ar&amp;kiverade</translation>
    </message>
    <message>
        <source>Rename round</source>
        <translation>Byt namn på omgång</translation>
    </message>
    <message>
        <source>&amp;New name</source>
        <translation>&amp;Nytt namn</translation>
    </message>
    <message>
        <source>Draw sample</source>
        <translation>Dra urval</translation>
    </message>
    <message>
        <source>A sample is drawn into an empty review round; %1 already has cases or is a training round.</source>
        <translation>Ett urval dras till en tom granskningsomgång; %1 har redan ärenden eller är en utbildningsomgång.</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Exempeldata</translation>
    </message>
    <message>
        <source>The demo data could not be created. The log file has the details.</source>
        <translation>Exempeldata kunde inte skapas. Loggfilen har detaljerna.</translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message>
        <source>Draw a sample: %1</source>
        <translation>Dra urval: %1</translation>
    </message>
    <message>
        <source>&amp;Draw</source>
        <translation>&amp;Dra</translation>
    </message>
    <message>
        <source>The list of closed cases exported from the case system (CSV or Excel): one row per case with the columns case code and sex, optionally age band and unit. The list is read, never stored: only the drawn cases become the round&apos;s cases.</source>
        <translation>Listan över avslutade ärenden från verksamhetssystemet (CSV eller Excel): en rad per ärende med kolumnerna ärendekod och kön, gärna också åldersgrupp och enhet. Listan läses men sparas aldrig: bara de dragna ärendena blir omgångens ärenden.</translation>
    </message>
    <message>
        <source>List of closed cases</source>
        <translation>Lista över avslutade ärenden</translation>
    </message>
    <message>
        <source>a .csv or .xlsx file</source>
        <translation>en .csv- eller .xlsx-fil</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>&amp;Välj fil…</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <source>How the cases are shared out</source>
        <translation>Hur ärendena fördelas</translation>
    </message>
    <message>
        <source>As many women as men</source>
        <translation>Lika många kvinnor som män</translation>
    </message>
    <message>
        <source>In proportion to the list</source>
        <translation>I proportion till listan</translation>
    </message>
    <message>
        <source>Number of cases</source>
        <translation>Antal ärenden</translation>
    </message>
    <message>
        <source>Draw within each &amp;unit</source>
        <translation>Dra inom varje &amp;enhet</translation>
    </message>
    <message>
        <source>Share reviewed twice</source>
        <translation>Andel som granskas två gånger</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>Granskare</translation>
    </message>
    <message>
        <source>initials separated by commas, e.g. AB, CD, EF</source>
        <translation>initialer åtskilda med komma, t.ex. AB, CD, EF</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Slumpfrö</translation>
    </message>
    <message>
        <source>Any whole number. Write it down: the same list and seed always give the same sample.</source>
        <translation>Vilket heltal som helst. Anteckna det: samma lista och frö ger alltid samma urval.</translation>
    </message>
    <message>
        <source>&amp;Share out</source>
        <translation>&amp;Fördelning</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Antal</translation>
    </message>
    <message>
        <source>Reviewed &amp;twice</source>
        <translation>D&amp;ubbelgranskas</translation>
    </message>
    <message>
        <source>&amp;Reviewers</source>
        <translation>&amp;Granskare</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>&amp;Slumpfrö</translation>
    </message>
    <message>
        <source>What will be drawn</source>
        <translation>Det här dras</translation>
    </message>
    <message>
        <source>Available and drawn per sex and unit</source>
        <translation>Tillgängliga och dragna per kön och enhet</translation>
    </message>
    <message>
        <source>Problems in the list</source>
        <translation>Fel i listan</translation>
    </message>
    <message>
        <source>Choose the list to see what will be drawn.</source>
        <translation>Välj listan för att se vad som dras.</translation>
    </message>
    <message>
        <source> per sex</source>
        <translation> per kön</translation>
    </message>
    <message>
        <source> in all</source>
        <translation> totalt</translation>
    </message>
    <message>
        <source>Choose the list of closed cases</source>
        <translation>Välj listan över avslutade ärenden</translation>
    </message>
    <message>
        <source>Reading the list…</source>
        <translation>Läser listan…</translation>
    </message>
    <message>
        <source>The list could not be read. The log file has the details.</source>
        <translation>Listan kunde inte läsas. Detaljerna finns i loggfilen.</translation>
    </message>
    <message>
        <source>%1 cases will be drawn from %2 (%3 rows). Nothing has been drawn yet; choose Draw to give the round these cases.</source>
        <translation>%1 ärenden dras ur %2 (%3 rader). Inget är draget ännu; välj Dra för att ge omgången de här ärendena.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alla</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>In the list</source>
        <translation>I listan</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>Dragna</translation>
    </message>
    <message>
        <source>Choose the list of closed cases.</source>
        <translation>Välj listan över avslutade ärenden.</translation>
    </message>
    <message>
        <source>The preview is not ready yet; look at what will be drawn, then choose Draw.</source>
        <translation>Förhandsvisningen är inte klar än; titta på vad som dras och välj sedan Dra.</translation>
    </message>
    <message>
        <source>The sample could not be drawn; nothing was changed. The log file has the details.</source>
        <translation>Urvalet kunde inte dras; inget har ändrats. Detaljerna finns i loggfilen.</translation>
    </message>
</context>
<context>
    <name>SamplePlanPanel</name>
    <message>
        <source>Sample size</source>
        <translation>Urvalsstorlek</translation>
    </message>
    <message>
        <source> percentage points</source>
        <translation> procentenheter</translation>
    </message>
    <message>
        <source>Difference to find</source>
        <translation>Skillnad att upptäcka</translation>
    </message>
    <message>
        <source>Available files, women</source>
        <translation>Tillgängliga akter, kvinnor</translation>
    </message>
    <message>
        <source>Available files, men</source>
        <translation>Tillgängliga akter, män</translation>
    </message>
    <message>
        <source>women</source>
        <translation>kvinnor</translation>
    </message>
    <message>
        <source>men</source>
        <translation>män</translation>
    </message>
    <message>
        <source>&amp;Difference to find</source>
        <translation>&amp;Skillnad att upptäcka</translation>
    </message>
    <message>
        <source>Files there are</source>
        <translation>Akter som finns</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>inte angivet</translation>
    </message>
    <message>
        <source>Choose a checklist to see how many files a round needs.</source>
        <translation>Välj en checklista för att se hur många akter en omgång behöver.</translation>
    </message>
    <message>
        <source>A yes/no question, 50 % against %1 %, found with 80 % power, needs per sex:</source>
        <translation>En ja/nej-fråga, 50 % mot %1 %, upptäckt med 80 % styrka, behöver per kön:</translation>
    </message>
    <message>
        <source>%1 files for a question tested on its own</source>
        <translation>%1 akter för en fråga som prövas för sig</translation>
    </message>
    <message>
        <source>%1 files for any of the checklist&apos;s %2 compared questions</source>
        <translation>%1 akter för vilken som helst av checklistans %2 jämförda frågor</translation>
    </message>
    <message>
        <source>The files there are can find a difference of at least:</source>
        <translation>Med de akter som finns kan omgången upptäcka en skillnad på minst:</translation>
    </message>
    <message>
        <source>%1 percentage points for a question on its own</source>
        <translation>%1 procentenheter för en fråga för sig</translation>
    </message>
    <message>
        <source>%1 percentage points for any question</source>
        <translation>%1 procentenheter för vilken fråga som helst</translation>
    </message>
    <message>
        <source>more than 100</source>
        <translation>mer än 100</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>Section</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <source>Section key</source>
        <translation>Avsnittsnyckel</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>&amp;Nyckel</translation>
    </message>
    <message>
        <source>&amp;Title (Swedish)</source>
        <translation>&amp;Rubrik (svenska)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Rubrik (engelska)</translation>
    </message>
    <message>
        <source>&amp;Description (Swedish)</source>
        <translation>&amp;Beskrivning (svenska)</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>Beskrivning (engelska)</translation>
    </message>
</context>
<context>
    <name>SectionsView</name>
    <message>
        <source>Section</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <source>Questions by sex</source>
        <translation>Frågor per kön</translation>
    </message>
    <message>
        <source>S&amp;ection</source>
        <translation>A&amp;vsnitt</translation>
    </message>
    <message>
        <source>The share of %1 with the answer compared, and in brackets the number who answered (n). No percentage on fewer than %2 answers: the count only. The tooltip gives the 95 % interval.</source>
        <translation>Andelen %1 med det jämförda svaret, och inom parentes antalet som svarade (n). Ingen procentsats på färre än %2 svar: bara antalet. Verktygstipset visar 95 % konfidensintervall.</translation>
    </message>
    <message>
        <source>Counted and shown, never part of the test between the sexes.</source>
        <translation>Räknas och visas, men ingår aldrig i testet mellan könen.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>All cases together, %1 and %2 included; the tooltip gives the sex distribution of those with the answer compared.</source>
        <translation>Alla ärenden tillsammans, även %1 och %2; verktygstipset visar könsfördelningen bland dem som har det jämförda svaret.</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>median</source>
        <translation>median</translation>
    </message>
    <message>
        <source>not summarised (free text or date)</source>
        <translation>sammanställs inte (fritext eller datum)</translation>
    </message>
    <message>
        <source>share “%1”</source>
        <translation>andel ”%1”</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Difference
(95 % CI)</source>
        <translation>Skillnad
(95 % KI)</translation>
    </message>
    <message>
        <source>%1 minus %2 in percentage points, with the 95 % confidence interval (Newcombe). For numbers the ratio of the medians (%1 / %2) with a 95 % bootstrap interval; the tooltip gives the means and totals.</source>
        <translation>%1 minus %2 i procentenheter, med 95 % konfidensintervall (Newcombe). För tal kvoten mellan medianerna (%1 / %2) med 95 % bootstrapintervall; verktygstipset visar medelvärden och summor.</translation>
    </message>
    <message>
        <source>adjusted
p</source>
        <translation>justerat
p</translation>
    </message>
    <message>
        <source>The p-value adjusted for the number of questions compared (Benjamini–Hochberg); a difference is flagged when it is below %1. The rows of a breakdown are adjusted together on their own. A primary question, decided before the round, is tested on its own without adjustment.</source>
        <translation>p-värdet justerat för antalet jämförda frågor (Benjamini–Hochberg); en skillnad markeras när det är under %1. Raderna i en uppdelning justeras tillsammans för sig. En huvudfråga, bestämd före omgången, prövas för sig utan justering.</translation>
    </message>
    <message>
        <source>%1: median %2, mean %3, quartiles %4 to %5, total %6; %7 answers</source>
        <translation>%1: median %2, medelvärde %3, kvartiler %4 till %5, summa %6; %7 svar</translation>
    </message>
    <message>
        <source>%1 “not applicable”, not in the base</source>
        <translation>%1 ”ej aktuellt”, inte med i basen</translation>
    </message>
    <message>
        <source>Of the %1 with this answer: %2</source>
        <translation>Av de %1 med detta svar: %2</translation>
    </message>
    <message>
        <source>%1 with this answer: too few for a sex distribution</source>
        <translation>%1 med detta svar: för få för en könsfördelning</translation>
    </message>
    <message>
        <source>Median: %1 %2, %3 %4, ratio %5 (%6)</source>
        <translation>Median: %1 %2, %3 %4, kvot %5 (%6)</translation>
    </message>
    <message>
        <source>Mean: %1 %2, %3 %4, ratio %5 (%6)</source>
        <translation>Medelvärde: %1 %2, %3 %4, kvot %5 (%6)</translation>
    </message>
    <message>
        <source>Total: %1 %2, %3 %4</source>
        <translation>Summa: %1 %2, %3 %4</translation>
    </message>
    <message>
        <source>primary question</source>
        <translation>huvudfråga</translation>
    </message>
    <message>
        <source>too few to say</source>
        <translation>för litet underlag</translation>
    </message>
    <message>
        <source>no variation</source>
        <translation>ingen variation</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>skillnad</translation>
    </message>
    <message>
        <source>large but uncertain</source>
        <translation>stor men osäker</translation>
    </message>
    <message>
        <source>No findings to show.</source>
        <translation>Inga resultat att visa.</translation>
    </message>
    <message>
        <source>No answers.</source>
        <translation>Inga svar.</translation>
    </message>
    <message>
        <source>too few for a bar</source>
        <translation>för få för en stapel</translation>
    </message>
    <message>
        <source>(share of answers)</source>
        <translation>(andel av svaren)</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Medelvärde</translation>
    </message>
    <message>
        <source>Upper quartile</source>
        <translation>Övre kvartil</translation>
    </message>
    <message>
        <source>Free text and dates are not summarised.</source>
        <translation>Fritext och datum sammanställs inte.</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>← Packs</source>
        <translation>← Paket</translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation>Totalt resultat</translation>
    </message>
    <message>
        <source>&amp;Export answers for the facilitator…</source>
        <translation>Exportera &amp;mina svar till utbildaren…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>C&amp;ases</source>
        <translation>Ä&amp;renden</translation>
    </message>
    <message>
        <source>Training cases</source>
        <translation>Övningsärenden</translation>
    </message>
    <message>
        <source>Case &amp;text</source>
        <translation>Ärende&amp;text</translation>
    </message>
    <message>
        <source>Case text</source>
        <translation>Ärendetext</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Facit and score</source>
        <translation>Facit och resultat</translation>
    </message>
    <message>
        <source>Your score appears here as you complete the cases.</source>
        <translation>Ditt resultat visas här när du gör klart ärendena.</translation>
    </message>
    <message>
        <source>Overall: %1</source>
        <translation>Totalt: %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Utbildning</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Welcome</source>
        <translation>Välkommen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Your initials or a pseudonym are recorded on every review you make, so a unit chief can tell reviewers apart. Do not use your personnummer.</source>
        <translation>Dina initialer eller en pseudonym sparas på varje granskning du gör, så att enhetschefen kan skilja granskarna åt. Använd inte ditt personnummer.</translation>
    </message>
    <message>
        <source>Initials or pseudonym</source>
        <translation>Initialer eller pseudonym</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Samma som systemet</translation>
    </message>
    <message>
        <source>&amp;Initials or pseudonym</source>
        <translation>&amp;Initialer eller pseudonym</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&lt;b&gt;How the work is shared.&lt;/b&gt; The &lt;b&gt;caseworker&lt;/b&gt; reviews closed case files against a checklist, case by case, and sends the reviews to the unit chief in an exchange file. The &lt;b&gt;unit chief&lt;/b&gt; collects them, sees the findings split by sex and hands them out only as anonymised figures. Press F1 at any time for help on the part you are in.</source>
        <translation>&lt;b&gt;Så delas arbetet.&lt;/b&gt; &lt;b&gt;Handläggaren&lt;/b&gt; granskar avslutade akter mot en checklista, ärende för ärende, och skickar granskningarna till enhetschefen i en utbytesfil. &lt;b&gt;Enhetschefen&lt;/b&gt; samlar in dem, ser resultaten uppdelade på kön och lämnar ut dem bara som anonymiserad statistik. Tryck F1 när som helst för hjälp om den del du står i.</translation>
    </message>
    <message>
        <source>Automatic backups kept of each kind</source>
        <translation>Antal automatiska säkerhetskopior som sparas av varje slag</translation>
    </message>
    <message>
        <source>Automatic &amp;backups kept</source>
        <translation>Automatiska &amp;säkerhetskopior som sparas</translation>
    </message>
    <message>
        <source>A PostgreSQL database is backed up by your IT department (pg_dump).</source>
        <translation>En PostgreSQL-databas säkerhetskopieras av IT-avdelningen (pg_dump).</translation>
    </message>
    <message>
        <source>A backup is made at the first start of each day and before every update of the database. Backups are kept in %1.</source>
        <translation>En säkerhetskopia görs vid dagens första start och före varje uppdatering av databasen. Säkerhetskopiorna sparas i %1.</translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation>Säkerhetskopiera &amp;nu</translation>
    </message>
    <message>
        <source>That looks like a personnummer. Use initials or a pseudonym.</source>
        <translation>Det ser ut som ett personnummer. Använd initialer eller en pseudonym.</translation>
    </message>
</context>
<context>
    <name>ShowIfEditor</name>
    <message>
        <source>Show only when this question is answered</source>
        <translation>Visa bara när den här frågan besvaras</translation>
    </message>
    <message>
        <source>with one of these answers</source>
        <translation>med något av de här svaren</translation>
    </message>
    <message>
        <source>Always shown</source>
        <translation>Visas alltid</translation>
    </message>
    <message>
        <source>%1 (not an earlier question)</source>
        <translation>%1 (inte en tidigare fråga)</translation>
    </message>
    <message>
        <source>Show always</source>
        <translation>Visa alltid</translation>
    </message>
    <message>
        <source>Change condition</source>
        <translation>Ändra villkor</translation>
    </message>
</context>
<context>
    <name>SpreadsheetFile</name>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx);;All files (*)</source>
        <translation>Kalkylark (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx);;Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>StructureModel</name>
    <message>
        <source>Some questions of this section have problems.</source>
        <translation>Några frågor i det här avsnittet har problem.</translation>
    </message>
    <message>
        <source>(checklist without a title)</source>
        <translation>(checklista utan titel)</translation>
    </message>
    <message>
        <source>(section without a title)</source>
        <translation>(avsnitt utan rubrik)</translation>
    </message>
</context>
<context>
    <name>TextAidDialog</name>
    <message>
        <source>Count words in a text</source>
        <translation>Räkna ord i en text</translation>
    </message>
    <message>
        <source>Paste the passage of the investigation that describes the person. It is counted here and discarded when you close this window or fill in the answers: the text is never saved, only the numbers.</source>
        <translation>Klistra in det avsnitt i utredningen som beskriver personen. Det räknas här och kastas när du stänger fönstret eller fyller i svaren: texten sparas aldrig, bara siffrorna.</translation>
    </message>
    <message>
        <source>Text to count</source>
        <translation>Text att räkna</translation>
    </message>
    <message>
        <source>Paste the text here (Ctrl+V)</source>
        <translation>Klistra in texten här (Ctrl+V)</translation>
    </message>
    <message>
        <source>Words:</source>
        <translation>Ord:</translation>
    </message>
    <message>
        <source>Sentences:</source>
        <translation>Meningar:</translation>
    </message>
    <message>
        <source>Value-laden words:</source>
        <translation>Värdeladdade ord:</translation>
    </message>
    <message>
        <source>Lexicon version %1</source>
        <translation>Ordlista version %1</translation>
    </message>
    <message>
        <source>&amp;Fill in the answers</source>
        <translation>&amp;Fyll i svaren</translation>
    </message>
    <message>
        <source>%1 (%2 per 100 words)</source>
        <translation>%1 (%2 per 100 ord)</translation>
    </message>
    <message>
        <source>Fills in:</source>
        <translation>Fyller i:</translation>
    </message>
</context>
<context>
    <name>TrainingArea</name>
    <message>
        <source>Take &amp;part</source>
        <translation>&amp;Delta i utbildning</translation>
    </message>
    <message>
        <source>&amp;Make a pack</source>
        <translation>Gör ett &amp;paket</translation>
    </message>
    <message>
        <source>&amp;Workshop results</source>
        <translation>&amp;Jämför deltagarnas svar</translation>
    </message>
</context>
<context>
    <name>TrainingCaseDialog</name>
    <message>
        <source>Edit case text</source>
        <translation>Ändra ärendetext</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nytt fall</translation>
    </message>
    <message>
        <source>e.g. KURS-01</source>
        <translation>t.ex. KURS-01</translation>
    </message>
    <message>
        <source>Case text</source>
        <translation>Ärendetext</translation>
    </message>
    <message>
        <source>The part of the investigation or decision a reviewer reads; invented, no personnummer.</source>
        <translation>Den del av utredningen eller beslutet som en granskare läser; påhittad, inga personnummer.</translation>
    </message>
    <message>
        <source>Case &amp;text</source>
        <translation>Ärende&amp;text</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <source>The gap over the rounds</source>
        <translation>Skillnaden över omgångarna</translation>
    </message>
    <message>
        <source>median</source>
        <translation>median</translation>
    </message>
    <message>
        <source>share “%1”</source>
        <translation>andel ”%1”</translation>
    </message>
    <message>
        <source>Too few answers in this round to give a gap (at least %1 of each sex).</source>
        <translation>För få svar i den här omgången för att ge en skillnad (minst %1 av varje kön).</translation>
    </message>
    <message>
        <source>(primary question)</source>
        <translation>(huvudfråga)</translation>
    </message>
    <message numerus="yes">
        <source>Tick three or more rounds of the same checklist under “Rounds” to follow the gap between the sexes over time. %n round(s) ticked now.</source>
        <translation>
            <numerusform>Markera tre eller fler omgångar av samma checklista under ”Omgångar” för att följa skillnaden mellan könen över tid. Nu är %n omgång markerad.</numerusform>
            <numerusform>Markera tre eller fler omgångar av samma checklista under ”Omgångar” för att följa skillnaden mellan könen över tid. Nu är %n omgångar markerade.</numerusform>
        </translation>
    </message>
    <message>
        <source>The rounds are read from the oldest to the newest.</source>
        <translation>Omgångarna läses från den äldsta till den senaste.</translation>
    </message>
    <message>
        <source>%1. The gap is %2 minus %3 in each round, with its 95 % interval.</source>
        <translation>%1. Skillnaden är %2 minus %3 i varje omgång, med 95 % konfidensintervall.</translation>
    </message>
    <message numerus="yes">
        <source>%n trend(s) were tested (a weighted linear regression of the gap over the rounds), with p-values adjusted for their number (Benjamini–Hochberg, q = %1). “Narrowed” or “widened” is said only when the trend holds after the adjustment; otherwise “no clear change”.</source>
        <translation>
            <numerusform>%n trend prövades (viktad linjär regression av skillnaden över omgångarna), med p-värdet justerat för antalet (Benjamini–Hochberg, q = %1). ”Minskat” eller ”ökat” sägs bara när trenden håller efter justeringen; annars ”ingen säker förändring”.</numerusform>
            <numerusform>%n trender prövades (viktad linjär regression av skillnaden över omgångarna), med p-värdena justerade för antalet (Benjamini–Hochberg, q = %1). ”Minskat” eller ”ökat” sägs bara när trenden håller efter justeringen; annars ”ingen säker förändring”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>The gap in %1 (%2), with its 95 % interval.</source>
        <translation>Skillnaden i %1 (%2), med 95 % konfidensintervall.</translation>
    </message>
    <message>
        <source>Trend per round (95 % CI)</source>
        <translation>Trend per omgång (95 % KI)</translation>
    </message>
    <message>
        <source>How much the gap changes from one round to the next, in percentage points, with its 95 % interval. For numbers the factor the ratio of the medians is multiplied by per round (×1 = unchanged).</source>
        <translation>Hur mycket skillnaden ändras från en omgång till nästa, i procentenheter, med 95 % konfidensintervall. För tal den faktor kvoten mellan medianerna multipliceras med per omgång (×1 = oförändrad).</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>The trend&apos;s own p-value, before the adjustment for the number of questions: whether the gap changes over the rounds.</source>
        <translation>Trendens eget p-värde, före justeringen för antalet frågor: om skillnaden ändras över omgångarna.</translation>
    </message>
    <message>
        <source>adjusted p</source>
        <translation>justerat p</translation>
    </message>
    <message>
        <source>Tests whether the gap changes over the rounds, adjusted for the number of questions (Benjamini–Hochberg). A primary question is tested on its own without adjustment.</source>
        <translation>Prövar om skillnaden ändras över omgångarna, justerat för antalet frågor (Benjamini–Hochberg). En huvudfråga prövas för sig utan justering.</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>No question was compared.</source>
        <translation>Ingen fråga jämfördes.</translation>
    </message>
    <message>
        <source>the ratio of the medians per round; the dashed line is 1 (no gap).</source>
        <translation>kvoten mellan medianerna per omgång; den streckade linjen är 1 (ingen skillnad).</translation>
    </message>
    <message>
        <source>the gap in percentage points per round; the dashed line is 0 (no gap).</source>
        <translation>skillnaden i procentenheter per omgång; den streckade linjen är 0 (ingen skillnad).</translation>
    </message>
    <message>
        <source>Too few answers in every round to give a gap.</source>
        <translation>För få svar i varje omgång för att ge en skillnad.</translation>
    </message>
</context>
</TS>

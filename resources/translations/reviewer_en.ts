<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditExportDialog</name>
    <message numerus="yes">
        <source>%n event(s) written to %1. An internal document: keep it within the organisation.</source>
        <translation>
            <numerusform>%n event written to %1. An internal document: keep it within the organisation.</numerusform>
            <numerusform>%n events written to %1. An internal document: keep it within the organisation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BeforeAfterView</name>
    <message numerus="yes">
        <source>%n change(s) of the gap were tested, with p-values adjusted for their number (Benjamini–Hochberg, q = %1). “Narrowed” or “widened” is said only when the change holds after the adjustment; otherwise “no clear change”.</source>
        <translation>
            <numerusform>%n change of the gap was tested, with its p-value adjusted for the number (Benjamini–Hochberg, q = %1). “Narrowed” or “widened” is said only when the change holds after the adjustment; otherwise “no clear change”.</numerusform>
            <numerusform>%n changes of the gap were tested, with p-values adjusted for their number (Benjamini–Hochberg, q = %1). “Narrowed” or “widened” is said only when the change holds after the adjustment; otherwise “no clear change”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <source>%1: %n case(s) – %3 %4, %5 %6, %7 %8, %9 %10.</source>
        <translation>
            <numerusform>%1: %n case – %3 %4, %5 %6, %7 %8, %9 %10.</numerusform>
            <numerusform>%1: %n cases – %3 %4, %5 %6, %7 %8, %9 %10.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) were reviewed by two people; each case is counted once.</source>
        <translation>
            <numerusform>%n case was reviewed by two people; each case is counted once.</numerusform>
            <numerusform>%n cases were reviewed by two people; each case is counted once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>%n case(s) with completed reviews.</source>
        <translation>
            <numerusform>%n case with a completed review.</numerusform>
            <numerusform>%n cases with completed reviews.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeExportDialog</name>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) – %3 of %n case(s) completed</source>
        <translation>
            <numerusform>%1 (%2) – %3 of %n case completed</numerusform>
            <numerusform>%1 (%2) – %3 of %n cases completed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>The passphrase needs at least %n character.</numerusform>
            <numerusform>The passphrase needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeImportDialog</name>
    <message numerus="yes">
        <source>%n file(s) cannot be imported (see below); the others can.</source>
        <translation>
            <numerusform>%n file cannot be imported (see below); the others can.</numerusform>
            <numerusform>%n files cannot be imported (see below); the others can.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) differ between a file and this database. Choose for each which to keep; “keep both” stores the incoming review beside the existing one under the reviewer&apos;s name with “(2)”.</source>
        <translation>
            <numerusform>%n review differs between a file and this database. Choose which to keep; “keep both” stores the incoming review beside the existing one under the reviewer&apos;s name with “(2)”.</numerusform>
            <numerusform>%n reviews differ between a file and this database. Choose for each which to keep; “keep both” stores the incoming review beside the existing one under the reviewer&apos;s name with “(2)”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message numerus="yes">
        <source>%n figure(s) hidden: fewer than %1 cases, or they would give such a figure away.</source>
        <translation>
            <numerusform>%n figure hidden: fewer than %1 cases, or it would give such a figure away.</numerusform>
            <numerusform>%n figures hidden: fewer than %1 cases, or they would give such a figure away.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them because, together with earlier releases of overlapping selections (%1), they would let a hidden figure be worked out.</source>
        <translation>
            <numerusform>%n of them because, together with earlier releases of overlapping selections (%1), it would let a hidden figure be worked out.</numerusform>
            <numerusform>%n of them because, together with earlier releases of overlapping selections (%1), they would let a hidden figure be worked out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FacilitatorView</name>
    <message numerus="yes">
        <source>%n participant file(s) read; nothing was stored.</source>
        <translation>
            <numerusform>%n participant file read; nothing was stored.</numerusform>
            <numerusform>%n participant files read; nothing was stored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message numerus="yes">
        <source>%n difference(s) flagged:</source>
        <translation>
            <numerusform>%n difference flagged:</numerusform>
            <numerusform>%n differences flagged:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n row(s) of the second breakdown are adjusted together on their own.</source>
        <translation>
            <numerusform>The %n row of the second breakdown is adjusted on its own.</numerusform>
            <numerusform>The %n rows of the second breakdown are adjusted together on their own.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message numerus="yes">
        <source>%n problem(s) to fix before publishing:</source>
        <translation>
            <numerusform>%n problem to fix before publishing:</numerusform>
            <numerusform>%n problems to fix before publishing:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackAuthoringPage</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message numerus="yes">
        <source>%n question(s) changed</source>
        <translation>
            <numerusform>%n question changed</numerusform>
            <numerusform>%n questions changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed or renamed</source>
        <translation>
            <numerusform>%n removed or renamed</numerusform>
            <numerusform>%n removed or renamed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message numerus="yes">
        <source>%n required unanswered</source>
        <translation>
            <numerusform>%n required question unanswered</numerusform>
            <numerusform>%n required questions unanswered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required question(s) unanswered</source>
        <translation>
            <numerusform>%n required question unanswered</numerusform>
            <numerusform>%n required questions unanswered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message numerus="yes">
        <source>Tick three or more rounds of the same checklist under “Rounds” to follow the gap between the sexes over time. %n round(s) ticked now.</source>
        <translation>
            <numerusform>Tick three or more rounds of the same checklist under “Rounds” to follow the gap between the sexes over time. %n round ticked now.</numerusform>
            <numerusform>Tick three or more rounds of the same checklist under “Rounds” to follow the gap between the sexes over time. %n rounds ticked now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trend(s) were tested (a weighted linear regression of the gap over the rounds), with p-values adjusted for their number (Benjamini–Hochberg, q = %1). “Narrowed” or “widened” is said only when the trend holds after the adjustment; otherwise “no clear change”.</source>
        <translation>
            <numerusform>%n trend was tested (a weighted linear regression of the gap over the rounds), with its p-value adjusted for their number (Benjamini–Hochberg, q = %1). “Narrowed” or “widened” is said only when the trend holds after the adjustment; otherwise “no clear change”.</numerusform>
            <numerusform>%n trends were tested (a weighted linear regression of the gap over the rounds), with p-values adjusted for their number (Benjamini–Hochberg, q = %1). “Narrowed” or “widened” is said only when the trend holds after the adjustment; otherwise “no clear change”.</numerusform>
        </translation>
    </message>
</context>
</TS>

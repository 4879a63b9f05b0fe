<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CaseWorkspace</name>
    <message numerus="yes">
        <source>Not shared with you: %n record(s) of the other authority.</source>
        <translation>
            <numerusform>Not shared with you: %n record of the other authority.</numerusform><numerusform>Not shared with you: %n records of the other authority.</numerusform></translation>
    </message>
</context>
<context>
    <name>ClientFacingWindow</name>
    <message numerus="yes">
        <source>Wrong PIN. Tries left before the profile locks: %n.</source>
        <translation>
            <numerusform>Wrong PIN. Tries left before the profile locks: %n.</numerusform><numerusform>Wrong PIN. Tries left before the profile locks: %n.</numerusform></translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message numerus="yes">
        <source>%n conflict(s) to resolve.</source>
        <translation>
            <numerusform>%n conflict to resolve.</numerusform><numerusform>%n conflicts to resolve.</numerusform></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message numerus="yes">
        <source>%n change(s) waiting.</source>
        <translation>
            <numerusform>%n change waiting.</numerusform><numerusform>%n changes waiting.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Synced %1 · %n change(s) waiting</source>
        <translation>
            <numerusform>Synced %1 · %n change waiting</numerusform><numerusform>Synced %1 · %n changes waiting</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform><numerusform>%n conflicts to resolve</numerusform></translation>
    </message>
</context>
<context>
    <name>TeamMeetingScreen</name>
    <message numerus="yes">
        <source>Not shared with your authority: %n record(s) of the week.</source>
        <translation>
            <numerusform>Not shared with your authority: %n record of the week.</numerusform><numerusform>Not shared with your authority: %n records of the week.</numerusform></translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message numerus="yes">
        <source>Try again in %n s</source>
        <translation>
            <numerusform>Try again in %n s</numerusform><numerusform>Try again in %n s</numerusform></translation>
    </message>
</context>
<context>
    <name>RatingsCsvBar</name>
    <message numerus="yes">
        <source>%n rating(s) written to %1.</source>
        <translation>
            <numerusform>%n rating written to %1.</numerusform><numerusform>%n ratings written to %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n form(s) the file cannot hold were left out.</source>
        <translation>
            <numerusform>%n form the file cannot hold were left out.</numerusform><numerusform>%n forms the file cannot hold were left out.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s) will be added to the case.</source>
        <translation>
            <numerusform>%n rating will be added to the case.</numerusform><numerusform>%n ratings will be added to the case.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n are already recorded and are skipped.</source>
        <translation>
            <numerusform>%n are already recorded and are skipped.</numerusform><numerusform>%n are already recorded and are skipped.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s) imported.</source>
        <translation>
            <numerusform>%n rating imported.</numerusform><numerusform>%n ratings imported.</numerusform></translation>
    </message>
</context>
</TS>

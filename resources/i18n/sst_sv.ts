<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AbsenceMeasure</name>
    <message>
        <source>Total absence</source>
        <translation>Total frånvaro</translation>
    </message>
    <message>
        <source>Authorised absence</source>
        <translation>Giltig frånvaro</translation>
    </message>
    <message>
        <source>Unauthorised absence</source>
        <translation>Ogiltig frånvaro</translation>
    </message>
</context>
<context>
    <name>AbsenceTab</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Frånvaro</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mått</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Absence per period</source>
        <translation>Frånvaro per period</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>Bedömt</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <source>Participation in teaching</source>
        <translation>Deltagande i undervisningen</translation>
    </message>
    <message>
        <source>Record absence</source>
        <translation>Registrera frånvaro</translation>
    </message>
    <message>
        <source>Absence in percent</source>
        <translation>Frånvaro i procent</translation>
    </message>
    <message>
        <source>The school's absence system</source>
        <translation>Skolans frånvarosystem</translation>
    </message>
    <message>
        <source>Record &amp;absence</source>
        <translation>Registrera &amp;frånvaro</translation>
    </message>
    <message>
        <source>Measured on</source>
        <translation>Mätt den</translation>
    </message>
    <message>
        <source>Record participation</source>
        <translation>Registrera deltagande</translation>
    </message>
    <message>
        <source>What it rests on</source>
        <translation>Vad bedömningen bygger på</translation>
    </message>
    <message>
        <source>Record &amp;participation</source>
        <translation>Registrera &amp;deltagande</translation>
    </message>
    <message>
        <source>Give the period the absence was measured over.</source>
        <translation>Ange perioden som frånvaron mättes över.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Perioden slutar innan den börjar.</translation>
    </message>
    <message>
        <source>Absence is measured after the period has ended.</source>
        <translation>Frånvaron mäts efter att perioden har slutat.</translation>
    </message>
    <message>
        <source>Give the absence in percent.</source>
        <translation>Ange frånvaron i procent.</translation>
    </message>
    <message>
        <source>The percentage is not a number.</source>
        <translation>Procentsatsen är inte ett tal.</translation>
    </message>
    <message>
        <source>A percentage is between 0 and 100.</source>
        <translation>En procentsats ligger mellan 0 och 100.</translation>
    </message>
</context>
<context>
    <name>AdmissionOutcome</name>
    <message>
        <source>Admitted</source>
        <translation>Antagen</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Avslag</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
</context>
<context>
    <name>AdmissionPanel</name>
    <message>
        <source>Admission group</source>
        <translation>Antagningsgrupp</translation>
    </message>
    <message>
        <source>Applicants in the suggested order</source>
        <translation>Sökande i föreslagen ordning</translation>
    </message>
    <message>
        <source>Why the group changed the suggested order</source>
        <translation>Varför gruppen ändrade den föreslagna ordningen</translation>
    </message>
    <message>
        <source>Guidance to other support (when declined)</source>
        <translation>Vägledning till annat stöd (vid avslag)</translation>
    </message>
    <message>
        <source>Roles present, e.g. samordnare, enhetschef</source>
        <translation>Närvarande roller, t.ex. samordnare, enhetschef</translation>
    </message>
    <message>
        <source>&amp;Record the group's outcome</source>
        <translation>&amp;Registrera gruppens beslut</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Förtur</translation>
    </message>
    <message>
        <source>Reason for a new rank</source>
        <translation>Skäl till ändrad förtur</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Vägledning</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>%1. %2, year %3, absence %4 %</source>
        <translation>%1. %2, åk %3, frånvaro %4 %</translation>
    </message>
</context>
<context>
    <name>AimsDialog</name>
    <message>
        <source>Overall aims and review</source>
        <translation>Övergripande mål och uppföljning</translation>
    </message>
    <message>
        <source>Overall aims</source>
        <translation>Övergripande mål</translation>
    </message>
    <message>
        <source>The programme suggests %1 (counted from today).</source>
        <translation>Programmet föreslår %1 (räknat från i dag).</translation>
    </message>
    <message>
        <source>Overall &amp;aims</source>
        <translation>Övergripande &amp;mål</translation>
    </message>
    <message>
        <source>Next &amp;review</source>
        <translation>Nästa &amp;uppföljning</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Analysis</source>
        <translation>Analys</translation>
    </message>
    <message>
        <source>Save the &amp;analysis</source>
        <translation>Spara &amp;analysen</translation>
    </message>
    <message>
        <source>The analysis is written by the authority that keeps this revision.</source>
        <translation>Analysen skrivs av den myndighet som för den här versionen.</translation>
    </message>
    <message>
        <source>The analysis closes the mapping and grounds the plan.</source>
        <translation>Analysen avslutar kartläggningen och ligger till grund för planen.</translation>
    </message>
</context>
<context>
    <name>ApplicationForm</name>
    <message>
        <source>New SST plus application</source>
        <translation>Ny ansökan till SST plus</translation>
    </message>
    <message>
        <source>Unit or role, e.g. Ekskolans elevhälsa</source>
        <translation>Enhet eller roll, t.ex. Ekskolans elevhälsa</translation>
    </message>
    <message>
        <source>&amp;Save application</source>
        <translation>&amp;Spara ansökan</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Väg in</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Inkom</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Sökande</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Frånvaro</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Other indicators</source>
        <translation>Andra indikatorer</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Created</source>
        <translation>Skapade</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Ändrade</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Tog bort</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Läste</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Listade</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Undertecknade</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Skrev ut</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exporterade</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <source>Who saw and changed what</source>
        <translation>Vem som läst och ändrat vad</translation>
    </message>
</context>
<context>
    <name>Authority</name>
    <message>
        <source>School</source>
        <translation>Skolan</translation>
    </message>
    <message>
        <source>Social services</source>
        <translation>Socialtjänsten</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <source>Requested</source>
        <translation>Förfrågan</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Beslutad</translation>
    </message>
    <message>
        <source>Information meeting</source>
        <translation>Informationsmöte</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Uppstartad</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Pågående</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Avslutas</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Ansökt</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>Bedömd</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Antagen</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Kartläggning</translation>
    </message>
    <message>
        <source>Six-month evaluation</source>
        <translation>Sexmånadersutvärdering</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>Uppföljd</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Avslag</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Återtagen</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Överlämnad</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Åk</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Öppnat</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Skyddad identitet</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>Overview</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>Family and participants</source>
        <translation>Familj och deltagare</translation>
    </message>
    <message>
        <source>Referral and decisions</source>
        <translation>Aktualisering och beslut</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Möten</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Absence and participation</source>
        <translation>Frånvaro och deltagande</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Kartläggning</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Skattningar</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Closure and follow-up</source>
        <translation>Avslut och uppföljning</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Loggning</translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation>← &amp;Tillbaka</translation>
    </message>
    <message>
        <source>Report of c&amp;oncern…</source>
        <translation>&amp;Orosanmälan…</translation>
    </message>
    <message>
        <source>Record a report of concern (Ctrl+Shift+O)</source>
        <translation>Gör en orosanmälan (Ctrl+Skift+O)</translation>
    </message>
    <message>
        <source>Protected identity: address, school and contact details are shown only to the responsible social services staff. Never print or share them.</source>
        <translation>Skyddade personuppgifter: adress, skola och kontaktuppgifter visas bara för ansvarig personal inom socialtjänsten. Skriv aldrig ut eller lämna ut dem.</translation>
    </message>
    <message>
        <source>Timeline of the case</source>
        <translation>Ärendets tidslinje</translation>
    </message>
    <message>
        <source>This part of the case comes in a later version.</source>
        <translation>Den här delen av ärendet kommer i en senare version.</translation>
    </message>
    <message>
        <source>Student not yet identified</source>
        <translation>Eleven är ännu inte identifierad</translation>
    </message>
    <message>
        <source>%1 · %2 · school %3, year %4 · staff: %5</source>
        <translation>%1 · %2 · skola %3, åk %4 · personal: %5</translation>
    </message>
    <message>
        <source>No consent in force: only your own authority's records are shown.</source>
        <translation>Inget gällande samtycke: bara din egen huvudmans uppgifter visas.</translation>
    </message>
    <message>
        <source>Consent in force, shared with: %1</source>
        <translation>Gällande samtycke, delas med: %1</translation>
    </message>
    <message numerus="yes">
        <source>Not shared with you: %n record(s) of the other authority.</source>
        <translation>
            <numerusform>Delas inte med dig: %n uppgift från den andra huvudmannen.</numerusform>
            <numerusform>Delas inte med dig: %n uppgifter från den andra huvudmannen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>Search name, identity number, school or case</source>
        <translation>Sök namn, personnummer, skola eller ärende</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Sök ärenden</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>Alla insatser</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All schools</source>
        <translation>Alla skolor</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Alla stadsdelar</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Stadsdel</translation>
    </message>
    <message>
        <source>&amp;Mine only</source>
        <translation>&amp;Bara mina</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>Ärendelista</translation>
    </message>
    <message>
        <source>%1 of %2 cases</source>
        <translation>%1 av %2 ärenden</translation>
    </message>
</context>
<context>
    <name>ChoosePinDialog</name>
    <message>
        <source>Hand the computer over</source>
        <translation>Lämna över datorn</translation>
    </message>
    <message>
        <source>Only the form is shown while the student or guardian fills it in. Choose a PIN of 4 to 8 digits that you will type to get back.</source>
        <translation>Bara formuläret visas medan eleven eller vårdnadshavaren fyller i det. Välj en PIN-kod med 4–8 siffror som du skriver för att komma tillbaka.</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>&amp;Lämna över</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN-kod</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>PIN-kod &amp;igen</translation>
    </message>
    <message>
        <source>The PIN is 4 to 8 digits.</source>
        <translation>PIN-koden ska vara 4–8 siffror.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>PIN-koderna är olika.</translation>
    </message>
</context>
<context>
    <name>ClientFacingWindow</name>
    <message>
        <source>I am &amp;done: give the computer back</source>
        <translation>Jag är &amp;klar: lämna tillbaka datorn</translation>
    </message>
    <message>
        <source>For the staff member: type the session PIN to go back.</source>
        <translation>För personalen: skriv sessionens PIN-kod för att gå tillbaka.</translation>
    </message>
    <message>
        <source>Session PIN</source>
        <translation>Sessionens PIN-kod</translation>
    </message>
    <message>
        <source>&amp;Return to the form</source>
        <translation>&amp;Tillbaka till formuläret</translation>
    </message>
    <message>
        <source>&amp;Forgot the PIN: lock, open with passphrase</source>
        <translation>&amp;Glömt PIN-koden: lås och öppna med lösenfras</translation>
    </message>
    <message>
        <source>&amp;Go back to the record</source>
        <translation>&amp;Gå tillbaka till ärendet</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN-kod</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. Tries left before the profile locks: %n.</source>
        <translation>
            <numerusform>Fel PIN-kod. Försök kvar innan profilen låses: %n.</numerusform>
            <numerusform>Fel PIN-kod. Försök kvar innan profilen låses: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientRatingPage</name>
    <message>
        <source>Put a mark on each line. You can move it until you confirm.</source>
        <translation>Sätt ett streck på varje linje. Du kan flytta det tills du bekräftar.</translation>
    </message>
    <message>
        <source>&amp;These are my answers</source>
        <translation>&amp;Det här är mina svar</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>&amp;Börja om</translation>
    </message>
    <message>
        <source>Thank you! Your answers are saved.</source>
        <translation>Tack! Dina svar är sparade.</translation>
    </message>
</context>
<context>
    <name>ClientSigningPage</name>
    <message>
        <source>The plan you sign</source>
        <translation>Planen du skriver under</translation>
    </message>
    <message>
        <source>Signing: %1</source>
        <translation>Skriver under: %1</translation>
    </message>
    <message>
        <source>Read the plan. If you agree with it, sign on the line below.</source>
        <translation>Läs planen. Om du håller med, skriv under på linjen nedanför.</translation>
    </message>
    <message>
        <source>&amp;This is my signature</source>
        <translation>&amp;Det här är min underskrift</translation>
    </message>
    <message>
        <source>&amp;Clear and sign again</source>
        <translation>&amp;Sudda och skriv igen</translation>
    </message>
    <message>
        <source>Thank you! Your signature is saved.</source>
        <translation>Tack! Din underskrift är sparad.</translation>
    </message>
</context>
<context>
    <name>ClosureReason</name>
    <message>
        <source>Goals met</source>
        <translation>Målen uppfyllda</translation>
    </message>
    <message>
        <source>Support cannot be carried out</source>
        <translation>Insatsen kan inte genomföras</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>Avslutad i förtid</translation>
    </message>
    <message>
        <source>Other support needed</source>
        <translation>Annat stöd behövs</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Flyttat</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Annat skäl</translation>
    </message>
</context>
<context>
    <name>ClosureTab</name>
    <message>
        <source>Due</source>
        <translation>Ska göras</translation>
    </message>
    <message>
        <source>Months after</source>
        <translation>Månader efter</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gjord</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>Deltagande</translation>
    </message>
    <message>
        <source>Follow-ups after closure</source>
        <translation>Uppföljningar efter avslut</translation>
    </message>
    <message>
        <source>Record the selected follow-up</source>
        <translation>Registrera vald uppföljning</translation>
    </message>
    <message>
        <source>Record &amp;follow-up</source>
        <translation>Registrera &amp;uppföljning</translation>
    </message>
    <message>
        <source>Participation in teaching</source>
        <translation>Deltagande i undervisningen</translation>
    </message>
    <message>
        <source>Acceptable knowledge</source>
        <translation>Godtagbara kunskaper</translation>
    </message>
    <message>
        <source>Eligible for upper-secondary</source>
        <translation>Behörig till gymnasiet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Okänt</translation>
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
        <source>The case is not closed.</source>
        <translation>Ärendet är inte avslutat.</translation>
    </message>
    <message>
        <source>Closed %1: %2; goals met: %3.</source>
        <translation>Avslutat %1: %2; målen uppfyllda: %3.</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Ändrat av</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Conflicts to resolve</source>
        <translation>Konflikter att lösa</translation>
    </message>
    <message>
        <source>The value that was saved</source>
        <translation>Värdet som sparades</translation>
    </message>
    <message>
        <source>The other value</source>
        <translation>Det andra värdet</translation>
    </message>
    <message>
        <source>Your merge</source>
        <translation>Din sammanslagning</translation>
    </message>
    <message>
        <source>&amp;Keep the saved value</source>
        <translation>&amp;Behåll det sparade värdet</translation>
    </message>
    <message>
        <source>&amp;Use the other value</source>
        <translation>&amp;Använd det andra värdet</translation>
    </message>
    <message>
        <source>Save my &amp;merge</source>
        <translation>Spara min &amp;sammanslagning</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Sparat</translation>
    </message>
    <message>
        <source>Or write a merge of both</source>
        <translation>Eller skriv en sammanslagning av båda</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve.</source>
        <translation>
            <numerusform>%n konflikt att lösa.</numerusform>
            <numerusform>%n konflikter att lösa.</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts: everything synced merged cleanly.</source>
        <translation>Inga konflikter: allt som synkats gick att slå ihop.</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Av %1</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
</context>
<context>
    <name>ConsentPartyKind</name>
    <message>
        <source>Student</source>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
</context>
<context>
    <name>ConsentPurpose</name>
    <message>
        <source>Taking part in the information meeting</source>
        <translation>Delta i informationsmötet</translation>
    </message>
    <message>
        <source>SST support</source>
        <translation>Stöd från SST</translation>
    </message>
    <message>
        <source>Referral to SST plus</source>
        <translation>Aktualisering till SST plus</translation>
    </message>
    <message>
        <source>Sharing between school and social services</source>
        <translation>Uppgifter delas mellan skola och socialtjänst</translation>
    </message>
    <message>
        <source>First meeting at home</source>
        <translation>Första mötet i hemmet</translation>
    </message>
    <message>
        <source>Follow-up after closure</source>
        <translation>Uppföljning efter avslut</translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <source>Consents</source>
        <translation>Samtycken</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>Återkallat av</translation>
    </message>
    <message>
        <source>&amp;Withdraw consent</source>
        <translation>Åter&amp;kalla samtycke</translation>
    </message>
    <message>
        <source>Record a new consent</source>
        <translation>Registrera ett nytt samtycke</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Skriftligt</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>Muntligt</translation>
    </message>
    <message>
        <source>What the family was told</source>
        <translation>Vad familjen fick veta</translation>
    </message>
    <message>
        <source>Record &amp;consent</source>
        <translation>Registrera &amp;samtycke</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Syften</translation>
    </message>
    <message>
        <source>Records shared</source>
        <translation>Uppgifter som delas</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>Delas med</translation>
    </message>
    <message>
        <source>until</source>
        <translation>till</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Lämnat</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>gäller</translation>
    </message>
    <message>
        <source>not in force</source>
        <translation>gäller inte</translation>
    </message>
    <message>
        <source>withdrawn %1</source>
        <translation>återkallat %1</translation>
    </message>
    <message>
        <source>%1 → %2 (%3), given %4, until %5: %6</source>
        <translation>%1 → %2 (%3), lämnat %4, till %5: %6</translation>
    </message>
    <message>
        <source>The student</source>
        <translation>Eleven</translation>
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
        <source>Answer of %1</source>
        <translation>Svar från %1</translation>
    </message>
    <message>
        <source>Tick at least one purpose.</source>
        <translation>Kryssa i minst ett syfte.</translation>
    </message>
    <message>
        <source>Tick the records that may be shared.</source>
        <translation>Kryssa i vilka uppgifter som får delas.</translation>
    </message>
    <message>
        <source>The end date is before the day it was given.</source>
        <translation>Slutdatumet ligger före dagen samtycket lämnades.</translation>
    </message>
</context>
<context>
    <name>ContactKind</name>
    <message>
        <source>Home visit</source>
        <translation>Hembesök</translation>
    </message>
    <message>
        <source>Daily contact</source>
        <translation>Daglig kontakt</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telefonsamtal</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>School visit</source>
        <translation>Skolbesök</translation>
    </message>
    <message>
        <source>Other contact</source>
        <translation>Annan kontakt</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuter</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Replaced by a correction</source>
        <translation>Ersatt av en rättelse</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Contacts of the case</source>
        <translation>Ärendets kontakter</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(inte angivet)</translation>
    </message>
    <message>
        <source>What happened, in a sentence or two</source>
        <translation>Vad hände, med en eller två meningar</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Genomförd</translation>
    </message>
    <message>
        <source>Booked ahead</source>
        <translation>Bokad framåt</translation>
    </message>
    <message>
        <source>&amp;Log contact</source>
        <translation>&amp;Registrera kontakt</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Kontakt</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Anteckning</translation>
    </message>
    <message>
        <source>Mark &amp;held</source>
        <translation>Markera som &amp;genomförd</translation>
    </message>
    <message>
        <source>&amp;Rebook to the time above</source>
        <translation>&amp;Omboka till tiden ovan</translation>
    </message>
    <message>
        <source>Cancel &amp;booking</source>
        <translation>&amp;Ställ in bokningen</translation>
    </message>
    <message>
        <source>A held contact cannot be in the future; choose Booked ahead.</source>
        <translation>En genomförd kontakt kan inte ligga i framtiden; välj Bokad framåt.</translation>
    </message>
</context>
<context>
    <name>DecisionKind</name>
    <message>
        <source>Decision on assistance</source>
        <translation>Biståndsbeslut</translation>
    </message>
    <message>
        <source>Special support</source>
        <translation>Särskilt stöd</translation>
    </message>
    <message>
        <source>Additional adaptations</source>
        <translation>Extra anpassningar</translation>
    </message>
    <message>
        <source>Continuation decision</source>
        <translation>Beslut om fortsatt insats</translation>
    </message>
    <message>
        <source>Decision to start SST</source>
        <translation>Beslut om start i SST</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <source>Where the case is</source>
        <translation>Var ärendet står</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nästa steg</translation>
    </message>
    <message>
        <source>&amp;Move the case</source>
        <translation>&amp;Flytta ärendet</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Delvis</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Why the support goes on past the time limit</source>
        <translation>Varför stödet fortsätter efter tidsgränsen</translation>
    </message>
    <message>
        <source>Save the &amp;reason</source>
        <translation>Spara &amp;motiveringen</translation>
    </message>
    <message>
        <source>Why the case changes programme</source>
        <translation>Varför ärendet byter insats</translation>
    </message>
    <message>
        <source>Closing:</source>
        <translation>Avslut:</translation>
    </message>
    <message>
        <source>goals met</source>
        <translation>målen uppfyllda</translation>
    </message>
    <message>
        <source>Record a decision</source>
        <translation>Registrera ett beslut</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Beviljat</translation>
    </message>
    <message>
        <source>Overall goal of the assignment</source>
        <translation>Uppdragets övergripande mål</translation>
    </message>
    <message>
        <source>Record &amp;decision</source>
        <translation>Registrera &amp;beslut</translation>
    </message>
    <message>
        <source>Hand over to a colleague</source>
        <translation>Lämna över till en kollega</translation>
    </message>
    <message>
        <source>What the colleague needs to know</source>
        <translation>Vad kollegan behöver veta</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>&amp;Lämna över</translation>
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
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Report of concern</source>
        <translation>Orosanmälan</translation>
    </message>
    <message>
        <source>Reported to (unit)</source>
        <translation>Anmäld till (enhet)</translation>
    </message>
    <message>
        <source>What the concern is</source>
        <translation>Vad oron gäller</translation>
    </message>
    <message>
        <source>Record report of &amp;concern</source>
        <translation>Registrera &amp;orosanmälan</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Nu: %1</translation>
    </message>
    <message>
        <source>Step down to SST</source>
        <translation>Flytta ner till SST</translation>
    </message>
    <message>
        <source>Step up to SST plus</source>
        <translation>Flytta upp till SST plus</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to SST Desktop</source>
        <translation>Välkommen till SST Desktop</translation>
    </message>
    <message>
        <source>Your profile keeps everything you record encrypted on this computer. Choose a passphrase only you know; without it or the recovery code nobody can open it.</source>
        <translation>Din profil sparar allt du dokumenterar krypterat på den här datorn. Välj en lösenfras som bara du känner till; utan den eller återställningskoden kan ingen öppna profilen.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>e.g. SST Västerort</source>
        <translation>t.ex. SST Västerort</translation>
    </message>
    <message>
        <source>&amp;Create profile</source>
        <translation>&amp;Skapa profil</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Roll</translation>
    </message>
    <message>
        <source>&amp;Authority</source>
        <translation>&amp;Huvudman</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>Creating the encrypted profile…</source>
        <translation>Skapar den krypterade profilen…</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>Din återställningskod</translation>
    </message>
    <message>
        <source>If you forget your passphrase, this code is the only way back into your profile. It is shown only now. Print it or write it down and keep it locked away, not on this computer.</source>
        <translation>Om du glömmer din lösenfras är den här koden enda vägen tillbaka in i profilen. Den visas bara nu. Skriv ut den eller skriv ner den och förvara den inlåst, inte på den här datorn.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Återställningskod</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>I have stored the recovery code somewhere safe</source>
        <translation>Jag har förvarat återställningskoden på ett säkert ställe</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsätt</translation>
    </message>
</context>
<context>
    <name>FunctionPanel</name>
    <message>
        <source>The function of the absence</source>
        <translation>Funktionen bakom frånvaron</translation>
    </message>
    <message>
        <source>The function of the absence in your own words</source>
        <translation>Funktionen bakom frånvaron med egna ord</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>Med egna ord</translation>
    </message>
    <message>
        <source>Save the &amp;function</source>
        <translation>Spara &amp;funktionen</translation>
    </message>
</context>
<context>
    <name>Gender</name>
    <message>
        <source>Girl</source>
        <translation>Flicka</translation>
    </message>
    <message>
        <source>Boy</source>
        <translation>Pojke</translation>
    </message>
    <message>
        <source>Other gender identity</source>
        <translation>Annan könsidentitet</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Sub-goal</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>What the goal is</source>
        <translation>Vad målet är</translation>
    </message>
    <message>
        <source>How you will know: e.g. at school 4 days a week</source>
        <translation>Hur ni vet att målet nåtts: t.ex. i skolan 4 dagar i veckan</translation>
    </message>
    <message>
        <source>&amp;Perspective</source>
        <translation>&amp;Perspektiv</translation>
    </message>
    <message>
        <source>Under goal</source>
        <translation>Under mål</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>&amp;Mål</translation>
    </message>
    <message>
        <source>Measurable &amp;criterion</source>
        <translation>Mätbart &amp;kriterium</translation>
    </message>
    <message>
        <source>&amp;Target date</source>
        <translation>&amp;Måldatum</translation>
    </message>
</context>
<context>
    <name>GoalStatus</name>
    <message>
        <source>Met</source>
        <translation>Uppnått</translation>
    </message>
    <message>
        <source>Partly met</source>
        <translation>Delvis uppnått</translation>
    </message>
    <message>
        <source>Not yet met</source>
        <translation>Inte uppnått ännu</translation>
    </message>
</context>
<context>
    <name>InterventionDialog</name>
    <message>
        <source>Intervention</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>No particular goal</source>
        <translation>Inget särskilt mål</translation>
    </message>
    <message>
        <source>Not from the toolbox: describe it</source>
        <translation>Inte ur verktygslådan: beskriv den</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>The school</source>
        <translation>Skolan</translation>
    </message>
    <message>
        <source>Social services</source>
        <translation>Socialtjänsten</translation>
    </message>
    <message>
        <source>The family</source>
        <translation>Familjen</translation>
    </message>
    <message>
        <source>The team</source>
        <translation>Teamet</translation>
    </message>
    <message>
        <source>Another service</source>
        <translation>Annan verksamhet</translation>
    </message>
    <message>
        <source>The student</source>
        <translation>Eleven</translation>
    </message>
    <message>
        <source>The student and guardians</source>
        <translation>Eleven och vårdnadshavarna</translation>
    </message>
    <message>
        <source>The guardians</source>
        <translation>Vårdnadshavarna</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Andra</translation>
    </message>
    <message>
        <source>e.g. twice a week</source>
        <translation>t.ex. två gånger i veckan</translation>
    </message>
    <message>
        <source>For &amp;goal</source>
        <translation>För &amp;mål</translation>
    </message>
    <message>
        <source>&amp;Toolbox</source>
        <translation>&amp;Verktygslåda</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beskrivning</translation>
    </message>
    <message>
        <source>&amp;Who does it</source>
        <translation>&amp;Vem gör det</translation>
    </message>
    <message>
        <source>For &amp;whom</source>
        <translation>För v&amp;em</translation>
    </message>
    <message>
        <source>W&amp;here</source>
        <translation>V&amp;ar</translation>
    </message>
    <message>
        <source>How &amp;often</source>
        <translation>Hur &amp;ofta</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Från – till</translation>
    </message>
    <message>
        <source>Choose from the toolbox or describe the intervention.</source>
        <translation>Välj ur verktygslådan eller beskriv insatsen.</translation>
    </message>
    <message>
        <source>Say who does it.</source>
        <translation>Ange vem som gör det.</translation>
    </message>
    <message>
        <source>It cannot end before it starts.</source>
        <translation>Den kan inte sluta innan den börjar.</translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <source>A new line</source>
        <translation>En ny rad</translation>
    </message>
    <message>
        <source>A new line in %1</source>
        <translation>En ny rad under %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
</context>
<context>
    <name>LegalBasis</name>
    <message>
        <source>Voluntary service</source>
        <translation>Serviceinsats</translation>
    </message>
    <message>
        <source>Needs-assessed assistance</source>
        <translation>Biståndsbedömd insats</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Not connected to a server</source>
        <translation>Inte ansluten till någon server</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synka nu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;vsluta</translation>
    </message>
    <message>
        <source>This computer has been disconnected</source>
        <translation>Datorn har kopplats bort</translation>
    </message>
    <message>
        <source>IT has disconnected this computer from the team's server, for example because it was reported lost. The profile on it has been erased. Everything that had been synced is safe on the server.</source>
        <translation>IT har kopplat bort datorn från teamets server, till exempel för att den anmälts förlorad. Profilen på datorn har raderats. Allt som hade synkats finns kvar på servern.</translation>
    </message>
    <message>
        <source>The profile is damaged</source>
        <translation>Profilen är skadad</translation>
    </message>
    <message>
        <source>Parts of the database file sst.db are damaged, so SST Desktop has locked the profile without writing anything more to it. Contact support: they can restore it from your backup. Do not delete any files in the profile folder.</source>
        <translation>Delar av databasfilen sst.db är skadade, så SST Desktop har låst profilen utan att skriva något mer i den. Kontakta supporten: de kan återställa den från din säkerhetskopia. Ta inte bort några filer i profilmappen.</translation>
    </message>
</context>
<context>
    <name>MakeGoalsDialog</name>
    <message>
        <source>Make plan goals</source>
        <translation>Gör mål i planen</translation>
    </message>
    <message>
        <source>Each line you tick becomes a goal of the plan's draft (a draft is started if there is none). Choose the perspective of each goal.</source>
        <translation>Varje rad du bockar för blir ett mål i planens utkast (ett utkast påbörjas om det inte finns något). Välj perspektiv för varje mål.</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>Perspective</source>
        <translation>Perspektiv</translation>
    </message>
    <message>
        <source>Lines that can become goals</source>
        <translation>Rader som kan bli mål</translation>
    </message>
    <message>
        <source>Add the analysis to the plan's overall aims</source>
        <translation>Lägg till analysen i planens övergripande mål</translation>
    </message>
    <message>
        <source>Make the goals</source>
        <translation>Gör målen</translation>
    </message>
</context>
<context>
    <name>MappingItemKind</name>
    <message>
        <source>Worry</source>
        <translation>Oro</translation>
    </message>
    <message>
        <source>Danger statement</source>
        <translation>Farhågeformulering</translation>
    </message>
    <message>
        <source>What works</source>
        <translation>Det som fungerar</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Styrka</translation>
    </message>
    <message>
        <source>What needs to happen</source>
        <translation>Det som behöver hända</translation>
    </message>
    <message>
        <source>Safety goal</source>
        <translation>Säkerhetsmål</translation>
    </message>
</context>
<context>
    <name>MappingPart</name>
    <message>
        <source>Pedagogical section</source>
        <translation>Pedagogisk del</translation>
    </message>
    <message>
        <source>Psychological section</source>
        <translation>Psykologisk del</translation>
    </message>
    <message>
        <source>Social-therapeutic section</source>
        <translation>Social-terapeutisk del</translation>
    </message>
    <message>
        <source>The student's own view</source>
        <translation>Elevens egen bild</translation>
    </message>
    <message>
        <source>The guardians' view</source>
        <translation>Vårdnadshavarnas bild</translation>
    </message>
    <message>
        <source>The function of the absence</source>
        <translation>Funktionen bakom frånvaron</translation>
    </message>
    <message>
        <source>Interventions tried</source>
        <translation>Prövade insatser</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Styrkor</translation>
    </message>
    <message>
        <source>Worries</source>
        <translation>Oro</translation>
    </message>
    <message>
        <source>Danger statement</source>
        <translation>Farhågeformulering</translation>
    </message>
    <message>
        <source>What works</source>
        <translation>Det som fungerar</translation>
    </message>
    <message>
        <source>What needs to happen</source>
        <translation>Det som behöver hända</translation>
    </message>
    <message>
        <source>Safety goals</source>
        <translation>Säkerhetsmål</translation>
    </message>
    <message>
        <source>Scaling 0-10: the student</source>
        <translation>Skalfråga 0-10: eleven</translation>
    </message>
    <message>
        <source>Scaling 0-10: a guardian</source>
        <translation>Skalfråga 0-10: vårdnadshavare</translation>
    </message>
    <message>
        <source>Scaling 0-10: the team</source>
        <translation>Skalfråga 0-10: teamet</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analys</translation>
    </message>
</context>
<context>
    <name>MappingPerspective</name>
    <message>
        <source>Pedagogical</source>
        <translation>Pedagogiskt</translation>
    </message>
    <message>
        <source>Psychological</source>
        <translation>Psykologiskt</translation>
    </message>
    <message>
        <source>Social-therapeutic</source>
        <translation>Socialt-terapeutiskt</translation>
    </message>
</context>
<context>
    <name>MappingTab</name>
    <message>
        <source>Which revision of the mapping</source>
        <translation>Vilken version av kartläggningen</translation>
    </message>
    <message>
        <source>&amp;Start the mapping</source>
        <translation>&amp;Påbörja kartläggningen</translation>
    </message>
    <message>
        <source>Mark &amp;complete</source>
        <translation>Markera som &amp;klar</translation>
    </message>
    <message>
        <source>&amp;Revise</source>
        <translation>&amp;Revidera</translation>
    </message>
    <message>
        <source>Parts of the mapping</source>
        <translation>Kartläggningens delar</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Parts of the mapping and their state</source>
        <translation>Kartläggningens delar och hur långt de kommit</translation>
    </message>
    <message>
        <source>Why this part is missing</source>
        <translation>Varför delen saknas</translation>
    </message>
    <message>
        <source>Mark &amp;missing</source>
        <translation>Markera som &amp;saknad</translation>
    </message>
    <message>
        <source>&amp;Undo the mark</source>
        <translation>&amp;Ta bort markeringen</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Skriven</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Saknas: %1</translation>
    </message>
    <message>
        <source>Marked missing</source>
        <translation>Markerad som saknad</translation>
    </message>
    <message>
        <source>Not written yet</source>
        <translation>Inte skriven ännu</translation>
    </message>
    <message>
        <source>Goals added to the plan's draft: %1. Already there: %2.</source>
        <translation>Mål som lades till i planens utkast: %1. Fanns redan: %2.</translation>
    </message>
    <message>
        <source>The analysis was added to its overall aims.</source>
        <translation>Analysen lades till i de övergripande målen.</translation>
    </message>
    <message>
        <source>Revision %1: draft</source>
        <translation>Version %1: utkast</translation>
    </message>
    <message>
        <source>Revision %1: complete %2</source>
        <translation>Version %1: klar %2</translation>
    </message>
    <message>
        <source>Mapping, revision %1</source>
        <translation>Kartläggning, version %1</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Kartläggning</translation>
    </message>
    <message>
        <source>&amp;Bring over our parts from revision %1</source>
        <translation>&amp;Hämta våra delar från version %1</translation>
    </message>
    <message>
        <source>No mapping yet. It starts after the start meeting, with the student and the guardians, from the pedagogical, psychological and social-therapeutic perspectives.</source>
        <translation>Ingen kartläggning ännu. Den påbörjas efter uppstartsmötet, tillsammans med eleven och vårdnadshavarna, utifrån ett pedagogiskt, psykologiskt och socialt-terapeutiskt perspektiv.</translation>
    </message>
    <message>
        <source>An earlier revision: it is read as it was, never changed.</source>
        <translation>En tidigare version: den visas som den var och ändras aldrig.</translation>
    </message>
    <message>
        <source>Draft, started %1. Parts still open: %2.</source>
        <translation>Utkast, påbörjat %1. Delar som återstår: %2.</translation>
    </message>
    <message>
        <source>Complete since %1. Revise it to change it.</source>
        <translation>Klar sedan %1. Revidera den för att ändra.</translation>
    </message>
    <message>
        <source>Records of the other authority not shared with you: %1.</source>
        <translation>Den andra myndighetens uppgifter som inte delas med dig: %1.</translation>
    </message>
    <message>
        <source>Not complete yet. Write these parts or mark them missing with a reason: %1</source>
        <translation>Inte klar ännu. Skriv de här delarna eller markera dem som saknade med ett skäl: %1</translation>
    </message>
</context>
<context>
    <name>MeetingKind</name>
    <message>
        <source>Information meeting</source>
        <translation>Informationsmöte</translation>
    </message>
    <message>
        <source>Information and start meeting</source>
        <translation>Kombinerat informations- och uppstartsmöte</translation>
    </message>
    <message>
        <source>Start meeting</source>
        <translation>Uppstartsmöte</translation>
    </message>
    <message>
        <source>Review meeting</source>
        <translation>Uppföljningsmöte</translation>
    </message>
    <message>
        <source>Guardian meeting</source>
        <translation>Träff med vårdnadshavare</translation>
    </message>
    <message>
        <source>SIP meeting</source>
        <translation>SIP-möte</translation>
    </message>
    <message>
        <source>Closing meeting</source>
        <translation>Avslutningsmöte</translation>
    </message>
    <message>
        <source>Booster session</source>
        <translation>Booster-träff</translation>
    </message>
    <message>
        <source>Internal staff meeting</source>
        <translation>Tjänstepersonsmöte</translation>
    </message>
    <message>
        <source>Pupil health team meeting</source>
        <translation>Elevhälsomöte</translation>
    </message>
    <message>
        <source>Absence review meeting</source>
        <translation>Frånvarogenomlysning</translation>
    </message>
    <message>
        <source>Initial session</source>
        <translation>Initial träff</translation>
    </message>
</context>
<context>
    <name>MeetingStatus</name>
    <message>
        <source>Booked</source>
        <translation>Bokad</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Genomförd</translation>
    </message>
    <message>
        <source>Rebooked</source>
        <translation>Ombokad</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Inställd</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>Notes or reason</source>
        <translation>Anteckning eller skäl</translation>
    </message>
    <message>
        <source>Meetings of the case</source>
        <translation>Ärendets möten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Notes when held, or the reason when cancelled</source>
        <translation>Anteckning när mötet hållits, eller skälet när det ställts in</translation>
    </message>
    <message>
        <source>&amp;Book meeting</source>
        <translation>&amp;Boka möte</translation>
    </message>
    <message>
        <source>Mark &amp;held</source>
        <translation>Markera som &amp;genomförd</translation>
    </message>
    <message>
        <source>&amp;Rebook to the time above</source>
        <translation>&amp;Omboka till tiden ovan</translation>
    </message>
    <message>
        <source>&amp;Cancel meeting</source>
        <translation>&amp;Ställ in mötet</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>&amp;Möte</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Deltagare</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Dagordning</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Anteckning</translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation>Deltagare: %1</translation>
    </message>
    <message>
        <source>Write why the meeting is cancelled in Notes.</source>
        <translation>Skriv i Anteckning varför mötet ställs in.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseForm</name>
    <message>
        <source>Use at least 10 characters.</source>
        <translation>Använd minst 10 tecken.</translation>
    </message>
    <message>
        <source>This is a common password.</source>
        <translation>Det här är ett vanligt lösenord.</translation>
    </message>
    <message>
        <source>Names are easy to guess.</source>
        <translation>Namn är lätta att gissa.</translation>
    </message>
    <message>
        <source>Words about school or the app are easy to guess.</source>
        <translation>Ord om skolan eller appen är lätta att gissa.</translation>
    </message>
    <message>
        <source>Keyboard patterns are easy to guess.</source>
        <translation>Tangentbordsmönster är lätta att gissa.</translation>
    </message>
    <message>
        <source>Repeated characters add little.</source>
        <translation>Upprepade tecken gör den knappast starkare.</translation>
    </message>
    <message>
        <source>Sequences such as abc or 123 are easy to guess.</source>
        <translation>Följder som abc eller 123 är lätta att gissa.</translation>
    </message>
    <message>
        <source>Years are easy to guess.</source>
        <translation>Årtal är lätta att gissa.</translation>
    </message>
    <message>
        <source>Dates are easy to guess.</source>
        <translation>Datum är lätta att gissa.</translation>
    </message>
    <message>
        <source>Look-alike symbols and reversed words do not help much.</source>
        <translation>Liknande tecken och baklängesord hjälper inte mycket.</translation>
    </message>
    <message>
        <source>A single common word is easy to guess.</source>
        <translation>Ett enda vanligt ord är lätt att gissa.</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Mycket svag</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Svag</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Godtagbar</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Mycket stark</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Ny lösenfras</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Ny lösenfras igen</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Lösenfrasens styrka</translation>
    </message>
    <message>
        <source>New &amp;passphrase</source>
        <translation>Ny &amp;lösenfras</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Igen</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Styrka</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De två lösenfraserna är olika.</translation>
    </message>
    <message>
        <source>Several unrelated words are easy to remember and hard to guess.</source>
        <translation>Flera orelaterade ord är lätta att komma ihåg och svåra att gissa.</translation>
    </message>
</context>
<context>
    <name>NotYetScreen</name>
    <message>
        <source>This part of SST Desktop comes in a later version.</source>
        <translation>Den här delen av SST Desktop kommer i en senare version.</translation>
    </message>
</context>
<context>
    <name>ParticipationLevel</name>
    <message>
        <source>Not attending</source>
        <translation>Deltar inte</translation>
    </message>
    <message>
        <source>Approaching school</source>
        <translation>Närmar sig skolan</translation>
    </message>
    <message>
        <source>Some lessons</source>
        <translation>Några lektioner</translation>
    </message>
    <message>
        <source>Most lessons</source>
        <translation>De flesta lektioner</translation>
    </message>
    <message>
        <source>Full participation</source>
        <translation>Fullt deltagande</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Class teacher</source>
        <translation>Klasslärare</translation>
    </message>
    <message>
        <source>School counsellor</source>
        <translation>Skolkurator</translation>
    </message>
    <message>
        <source>School nurse</source>
        <translation>Skolsköterska</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Rektor</translation>
    </message>
    <message>
        <source>Child and adolescent psychiatry</source>
        <translation>Barn- och ungdomspsykiatrin (BUP)</translation>
    </message>
    <message>
        <source>Social services case officer</source>
        <translation>Handläggare, socialtjänsten</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Mor</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Far</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Foster parent</source>
        <translation>Familjehemsförälder</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Vårdnad</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Protected identity: the guardians' contact details are not shown to you.</source>
        <translation>Skyddade personuppgifter: vårdnadshavarnas kontaktuppgifter visas inte för dig.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Add a guardian</source>
        <translation>Lägg till vårdnadshavare</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN (may be left empty)</source>
        <translation>ÅÅÅÅMMDD-NNNN (får lämnas tomt)</translation>
    </message>
    <message>
        <source>If not Swedish</source>
        <translation>Om inte svenska</translation>
    </message>
    <message>
        <source>Has &amp;custody</source>
        <translation>Har &amp;vårdnad</translation>
    </message>
    <message>
        <source>Needs an &amp;interpreter</source>
        <translation>Behöver to&amp;lk</translation>
    </message>
    <message>
        <source>Add &amp;guardian</source>
        <translation>Lägg till vårdnads&amp;havare</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>&amp;Relation</source>
        <translation>R&amp;elation</translation>
    </message>
    <message>
        <source>I&amp;dentity number</source>
        <translation>&amp;Personnummer</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>E-p&amp;ost</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adress</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Språ&amp;k</translation>
    </message>
    <message>
        <source>Add a participant</source>
        <translation>Lägg till deltagare</translation>
    </message>
    <message>
        <source>Add pa&amp;rticipant</source>
        <translation>Lägg till &amp;deltagare</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;mn</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>&amp;Roll</translation>
    </message>
    <message>
        <source>Or&amp;ganisation</source>
        <translation>Or&amp;ganisation</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Tele&amp;fon</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>E-po&amp;st</translation>
    </message>
    <message>
        <source>%1, interpreter</source>
        <translation>%1, tolk</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tolk</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>PlanContentView</name>
    <message>
        <source>Goal or intervention</source>
        <translation>Mål eller insats</translation>
    </message>
    <message>
        <source>Criterion, or who, for whom, where, how often</source>
        <translation>Kriterium, eller vem, för vem, var, hur ofta</translation>
    </message>
    <message>
        <source>Target date or period</source>
        <translation>Måldatum eller period</translation>
    </message>
    <message>
        <source>Status at the latest review</source>
        <translation>Status vid senaste uppföljning</translation>
    </message>
    <message>
        <source>Goals and interventions of the plan</source>
        <translation>Planens mål och insatser</translation>
    </message>
    <message>
        <source>No goals in this perspective</source>
        <translation>Inga mål i det här perspektivet</translation>
    </message>
    <message>
        <source>Not tied to a goal</source>
        <translation>Inte knutna till ett mål</translation>
    </message>
</context>
<context>
    <name>PlanHistory</name>
    <message>
        <source>Revision</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gäller från</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Undertecknad av</translation>
    </message>
    <message>
        <source>Revisions of the plan</source>
        <translation>Planens versioner</translation>
    </message>
    <message>
        <source>The earlier revision</source>
        <translation>Den tidigare versionen</translation>
    </message>
    <message>
        <source>The later revision</source>
        <translation>Den senare versionen</translation>
    </message>
    <message>
        <source>What changed between the two revisions</source>
        <translation>Vad som ändrats mellan de två versionerna</translation>
    </message>
    <message>
        <source>Compare revision</source>
        <translation>Jämför version</translation>
    </message>
    <message>
        <source>with</source>
        <translation>med</translation>
    </message>
    <message>
        <source>Choose two different revisions to compare.</source>
        <translation>Välj två olika versioner att jämföra.</translation>
    </message>
    <message>
        <source>From revision %1 to revision %2</source>
        <translation>Från version %1 till version %2</translation>
    </message>
    <message>
        <source>No change in aims, goals or interventions.</source>
        <translation>Inga ändringar i mål eller insatser.</translation>
    </message>
    <message>
        <source>The overall aims changed.</source>
        <translation>De övergripande målen ändrades.</translation>
    </message>
    <message>
        <source>The review date changed.</source>
        <translation>Uppföljningsdatumet ändrades.</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>ingen ännu</translation>
    </message>
    <message>
        <source>Revision %1 signed by: %2</source>
        <translation>Version %1 undertecknad av: %2</translation>
    </message>
    <message>
        <source>Goal added: %1</source>
        <translation>Mål tillagt: %1</translation>
    </message>
    <message>
        <source>Goal removed: %1</source>
        <translation>Mål borttaget: %1</translation>
    </message>
    <message>
        <source>Goal changed: %1</source>
        <translation>Mål ändrat: %1</translation>
    </message>
    <message>
        <source>Intervention added: %1</source>
        <translation>Insats tillagd: %1</translation>
    </message>
    <message>
        <source>Intervention removed: %1</source>
        <translation>Insats borttagen: %1</translation>
    </message>
    <message>
        <source>Intervention changed: %1</source>
        <translation>Insats ändrad: %1</translation>
    </message>
    <message>
        <source>perspective</source>
        <translation>perspektiv</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>criterion</source>
        <translation>kriterium</translation>
    </message>
    <message>
        <source>target date</source>
        <translation>måldatum</translation>
    </message>
    <message>
        <source>placed under another goal</source>
        <translation>flyttat till ett annat mål</translation>
    </message>
    <message>
        <source>moved to another goal</source>
        <translation>flyttad till ett annat mål</translation>
    </message>
    <message>
        <source>toolbox item</source>
        <translation>verktyg</translation>
    </message>
    <message>
        <source>description</source>
        <translation>beskrivning</translation>
    </message>
    <message>
        <source>who</source>
        <translation>vem</translation>
    </message>
    <message>
        <source>for whom</source>
        <translation>för vem</translation>
    </message>
    <message>
        <source>where</source>
        <translation>var</translation>
    </message>
    <message>
        <source>how often</source>
        <translation>hur ofta</translation>
    </message>
    <message>
        <source>from</source>
        <translation>från</translation>
    </message>
    <message>
        <source>to</source>
        <translation>till</translation>
    </message>
</context>
<context>
    <name>PlanKind</name>
    <message>
        <source>Action plan</source>
        <translation>Handlingsplan</translation>
    </message>
    <message>
        <source>Implementation plan</source>
        <translation>Genomförandeplan</translation>
    </message>
</context>
<context>
    <name>PlanPdfSaver</name>
    <message>
        <source>Saved %1 (revision %2, fingerprint %3).</source>
        <translation>Sparade %1 (version %2, kontrollkod %3).</translation>
    </message>
    <message>
        <source>The plan's own text names the student or a guardian: initials replace only the name fields.</source>
        <translation>Planens egen text nämner eleven eller en vårdnadshavare vid namn: initialer ersätter bara namnfälten.</translation>
    </message>
    <message>
        <source>Save the plan as PDF</source>
        <translation>Spara planen som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Skyddad identitet</translation>
    </message>
    <message>
        <source>The student has a protected identity. Why is the plan saved? (audited)</source>
        <translation>Eleven har skyddad identitet. Varför sparas planen? (loggas)</translation>
    </message>
</context>
<context>
    <name>PlanPerspective</name>
    <message>
        <source>Individual</source>
        <translation>Individuellt</translation>
    </message>
    <message>
        <source>School-related</source>
        <translation>Pedagogiskt/skolrelaterat</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Socialt</translation>
    </message>
</context>
<context>
    <name>PlanRevisionStatus</name>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Awaiting signatures</source>
        <translation>Väntar på underskrifter</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Undertecknad</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Ersatt</translation>
    </message>
</context>
<context>
    <name>PlanSignersView</name>
    <message>
        <source>Signer</source>
        <translation>Undertecknare</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Signers of the revision</source>
        <translation>Versionens undertecknare</translation>
    </message>
</context>
<context>
    <name>PlanSigningFlow</name>
    <message>
        <source>Signature recorded.</source>
        <translation>Underskriften är registrerad.</translation>
    </message>
    <message>
        <source>Sign the plan</source>
        <translation>Skriv under planen</translation>
    </message>
    <message>
        <source>The signed scan is attached to the revision.</source>
        <translation>Den inskannade underskrivna planen är bifogad versionen.</translation>
    </message>
    <message>
        <source>The signed scan</source>
        <translation>Den inskannade underskrivna planen</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>Inskannade filer (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Which plan of the case</source>
        <translation>Vilken plan i ärendet</translation>
    </message>
    <message>
        <source>&amp;Start the plan</source>
        <translation>&amp;Påbörja planen</translation>
    </message>
    <message>
        <source>Overall aims</source>
        <translation>Övergripande mål</translation>
    </message>
    <message>
        <source>Edit aims and review &amp;date…</source>
        <translation>Ändra mål och uppföljnings&amp;datum…</translation>
    </message>
    <message>
        <source>Goals and interventions</source>
        <translation>Mål och insatser</translation>
    </message>
    <message>
        <source>Add &amp;goal…</source>
        <translation>Lägg till &amp;mål…</translation>
    </message>
    <message>
        <source>Add s&amp;ub-goal…</source>
        <translation>Lägg till &amp;delmål…</translation>
    </message>
    <message>
        <source>Add &amp;intervention…</source>
        <translation>Lägg till &amp;insats…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>Än&amp;dra…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Underskrifter</translation>
    </message>
    <message>
        <source>Send for &amp;signatures</source>
        <translation>Skicka för &amp;underskrift</translation>
    </message>
    <message>
        <source>Signed on &amp;paper…</source>
        <translation>Undertecknad på &amp;papper…</translation>
    </message>
    <message>
        <source>Sign on scree&amp;n…</source>
        <translation>Skriv under på skär&amp;men…</translation>
    </message>
    <message>
        <source>De&amp;clined…</source>
        <translation>A&amp;vböjde…</translation>
    </message>
    <message>
        <source>Attach the signed &amp;scan…</source>
        <translation>Bifoga den inskannade under&amp;skrivna planen…</translation>
    </message>
    <message>
        <source>Back to dra&amp;ft</source>
        <translation>Tillbaka till &amp;utkast</translation>
    </message>
    <message>
        <source>Change the plan before it is signed: what was signed so far is withdrawn.</source>
        <translation>Ändra planen innan den är undertecknad: det som redan undertecknats dras tillbaka.</translation>
    </message>
    <message>
        <source>Goal status at a re&amp;view…</source>
        <translation>Målens status vid upp&amp;följning…</translation>
    </message>
    <message>
        <source>Re&amp;vise</source>
        <translation>Re&amp;videra</translation>
    </message>
    <message>
        <source>Start a new draft from the signed revision.</source>
        <translation>Påbörja ett nytt utkast från den undertecknade versionen.</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Spara som P&amp;DF…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>Waiting for signatures: the content is fixed. To change it, go back to draft.</source>
        <translation>Väntar på underskrifter: innehållet är låst. Gå tillbaka till utkast för att ändra det.</translation>
    </message>
    <message>
        <source>A signed revision is never changed: Revise starts a new draft.</source>
        <translation>En undertecknad version ändras aldrig: Revidera påbörjar ett nytt utkast.</translation>
    </message>
    <message>
        <source>%1 (maintenance plan)</source>
        <translation>%1 (påminnelseplan)</translation>
    </message>
    <message>
        <source>No overall aims written yet.</source>
        <translation>Inga övergripande mål skrivna ännu.</translation>
    </message>
    <message>
        <source>%1: not started</source>
        <translation>%1: inte påbörjad</translation>
    </message>
    <message>
        <source>%1 · revision %2 · %3</source>
        <translation>%1 · version %2 · %3</translation>
    </message>
    <message>
        <source>Part of the plan is not shared with your authority.</source>
        <translation>En del av planen delas inte med din myndighet.</translation>
    </message>
    <message>
        <source>The case has no plan yet.</source>
        <translation>Ärendet har ingen plan ännu.</translation>
    </message>
    <message>
        <source>In force from %1</source>
        <translation>Gäller från %1</translation>
    </message>
    <message>
        <source>Revision %1 is in force from %2</source>
        <translation>Version %1 gäller från %2</translation>
    </message>
    <message>
        <source>Review suggested by the programme: %1</source>
        <translation>Uppföljning som programmet föreslår: %1</translation>
    </message>
    <message>
        <source>Sent for signatures: print it or let each signer sign on screen.</source>
        <translation>Skickad för underskrift: skriv ut den eller låt var och en skriva under på skärmen.</translation>
    </message>
    <message>
        <source>A new draft: change what is needed and send it for signatures.</source>
        <translation>Ett nytt utkast: ändra det som behövs och skicka det för underskrift.</translation>
    </message>
</context>
<context>
    <name>PlanWords</name>
    <message>
        <source>(no description)</source>
        <translation>(ingen beskrivning)</translation>
    </message>
    <message>
        <source>Who: %1</source>
        <translation>Vem: %1</translation>
    </message>
    <message>
        <source>for: %1</source>
        <translation>för: %1</translation>
    </message>
    <message>
        <source>where: %1</source>
        <translation>var: %1</translation>
    </message>
    <message>
        <source>how often: %1</source>
        <translation>hur ofta: %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>från %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>till %1</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Inte följt upp</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Undertecknad</translation>
    </message>
    <message>
        <source>Declined: still needs a signature</source>
        <translation>Avböjde: behöver fortfarande en underskrift</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Inte undertecknad ännu</translation>
    </message>
    <message>
        <source>Signed on paper</source>
        <translation>Undertecknad på papper</translation>
    </message>
    <message>
        <source>Signed on screen</source>
        <translation>Undertecknad på skärmen</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Avböjde</translation>
    </message>
    <message>
        <source>Next review: by decision</source>
        <translation>Nästa uppföljning: enligt beslut</translation>
    </message>
    <message>
        <source>Next review: %1 at the latest (the programme's cadence, from %2)</source>
        <translation>Nästa uppföljning: senast %1 (programmets intervall, från %2)</translation>
    </message>
    <message>
        <source>Next review: %1 (as the plan says)</source>
        <translation>Nästa uppföljning: %1 (enligt planen)</translation>
    </message>
    <message>
        <source>Next review: %1 (the follow-up meeting)</source>
        <translation>Nästa uppföljning: %1 (uppföljningsmötet)</translation>
    </message>
    <message>
        <source>Next review: %1 (the evaluation)</source>
        <translation>Nästa uppföljning: %1 (utvärderingen)</translation>
    </message>
    <message>
        <source>Next review: %1</source>
        <translation>Nästa uppföljning: %1</translation>
    </message>
    <message>
        <source>criterion: %1</source>
        <translation>kriterium: %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>senast %1</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Overall aims</source>
        <translation>Övergripande mål</translation>
    </message>
    <message>
        <source>Other interventions</source>
        <translation>Andra insatser</translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <source>SST</source>
        <translation>SST</translation>
    </message>
    <message>
        <source>SST plus</source>
        <translation>SST plus</translation>
    </message>
</context>
<context>
    <name>RatingEntry</name>
    <message>
        <source>In the session</source>
        <translation>I samtalet</translation>
    </message>
    <message>
        <source>Rated by the client on screen</source>
        <translation>Skattad av klienten på skärmen</translation>
    </message>
    <message>
        <source>Paper form</source>
        <translation>Pappersformulär</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importerad</translation>
    </message>
</context>
<context>
    <name>RatingForm</name>
    <message>
        <source>Low</source>
        <translation>Lågt</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Högt</translation>
    </message>
    <message>
        <source>Total: mark every line (of %1)</source>
        <translation>Summa: markera alla linjer (av %1)</translation>
    </message>
    <message>
        <source>Total: %1 of %2</source>
        <translation>Summa: %1 av %2</translation>
    </message>
</context>
<context>
    <name>RatingLine</name>
    <message>
        <source>The screen does not report its size; the line may be shorter or longer than 10 cm.</source>
        <translation>Skärmen anger inte sin storlek; linjen kan vara kortare eller längre än 10 cm.</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Inte markerad</translation>
    </message>
    <message>
        <source>Marked at %1 mm of 100</source>
        <translation>Markerad vid %1 mm av 100</translation>
    </message>
    <message>
        <source>%1 (saved)</source>
        <translation>%1 (sparad)</translation>
    </message>
</context>
<context>
    <name>RatingsTab</name>
    <message>
        <source>Whose cut-off and band the chart shows</source>
        <translation>Vems gränsvärde och band diagrammet visar</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulär</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Skattad av</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summa</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Every rating of the case</source>
        <translation>Ärendets alla skattningar</translation>
    </message>
    <message>
        <source>Cut-off and band for</source>
        <translation>Gränsvärde och band för</translation>
    </message>
    <message>
        <source>New rating</source>
        <translation>Ny skattning</translation>
    </message>
    <message>
        <source>Outcome rating (ORS/CORS): at the start</source>
        <translation>Skattning av mående (ORS/CORS): i början</translation>
    </message>
    <message>
        <source>Session rating (SRS/CSRS): at the end</source>
        <translation>Skattning av samtalet (SRS/CSRS): i slutet</translation>
    </message>
    <message>
        <source>The contact the rating belongs to</source>
        <translation>Kontakten som skattningen hör till</translation>
    </message>
    <message>
        <source>&amp;Rate here</source>
        <translation>&amp;Skatta här</translation>
    </message>
    <message>
        <source>&amp;Hand over to the client…</source>
        <translation>&amp;Lämna över till klienten…</translation>
    </message>
    <message>
        <source>Not &amp;given this session</source>
        <translation>Inte &amp;genomförd i dag</translation>
    </message>
    <message>
        <source>&amp;Save the rating</source>
        <translation>&amp;Spara skattningen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>Who rates</source>
        <translation>Vem skattar</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <source>The student</source>
        <translation>Eleven</translation>
    </message>
    <message>
        <source>A teacher</source>
        <translation>Lärare</translation>
    </message>
    <message>
        <source>Guardian %1</source>
        <translation>Vårdnadshavare %1</translation>
    </message>
    <message>
        <source>A guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>No contact</source>
        <translation>Ingen kontakt</translation>
    </message>
    <message>
        <source>Record the student's date of birth first: the form follows the age.</source>
        <translation>Registrera elevens födelsedatum först: formuläret följer åldern.</translation>
    </message>
    <message>
        <source>Form: %1 (the student is %2 on the date)</source>
        <translation>Formulär: %1 (eleven är %2 år på datumet)</translation>
    </message>
    <message>
        <source>How have things been?</source>
        <translation>Hur har det varit?</translation>
    </message>
    <message>
        <source>How was today's meeting?</source>
        <translation>Hur var dagens samtal?</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Inte genomförd</translation>
    </message>
    <message>
        <source>No signals from the latest ratings.</source>
        <translation>Inga signaler från de senaste skattningarna.</translation>
    </message>
    <message>
        <source>Outcome (ORS)</source>
        <translation>Mående (ORS)</translation>
    </message>
    <message>
        <source>Session (SRS)</source>
        <translation>Samtalet (SRS)</translation>
    </message>
    <message>
        <source>Absence %</source>
        <translation>Frånvaro %</translation>
    </message>
    <message>
        <source>Cut-off</source>
        <translation>Gränsvärde</translation>
    </message>
    <message>
        <source>Reliable change</source>
        <translation>Tillförlitlig förändring</translation>
    </message>
    <message>
        <source>No ratings yet</source>
        <translation>Inga skattningar ännu</translation>
    </message>
    <message>
        <source>paper form</source>
        <translation>pappersformulär</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>Deltagande</translation>
    </message>
    <message>
        <source>Session {number}</source>
        <translation>Session {number}</translation>
    </message>
</context>
<context>
    <name>RecordCategory</name>
    <message>
        <source>Referral</source>
        <translation>Aktualisering</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Möten</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Absence and participation</source>
        <translation>Frånvaro och deltagande</translation>
    </message>
    <message>
        <source>Mapping, pedagogical</source>
        <translation>Kartläggning, pedagogisk</translation>
    </message>
    <message>
        <source>Mapping, psychological</source>
        <translation>Kartläggning, psykologisk</translation>
    </message>
    <message>
        <source>Mapping, social</source>
        <translation>Kartläggning, social</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Skattningar</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>Closure and follow-up</source>
        <translation>Avslut och uppföljning</translation>
    </message>
</context>
<context>
    <name>RecordClass</name>
    <message>
        <source>Social services record</source>
        <translation>Socialtjänstens journal</translation>
    </message>
    <message>
        <source>Pupil health record</source>
        <translation>Elevhälsans journal</translation>
    </message>
    <message>
        <source>School record</source>
        <translation>Skolans dokumentation</translation>
    </message>
    <message>
        <source>Team working note</source>
        <translation>Teamets arbetsanteckning</translation>
    </message>
    <message>
        <source>Referral request</source>
        <translation>Uppdragsförfrågan</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Loggning</translation>
    </message>
</context>
<context>
    <name>RecordField</name>
    <message>
        <source>Agenda</source>
        <translation>Dagordning</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analys</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Iakttagelser</translation>
    </message>
    <message>
        <source>Student's view</source>
        <translation>Elevens syn</translation>
    </message>
    <message>
        <source>Guardians' view</source>
        <translation>Vårdnadshavarnas syn</translation>
    </message>
    <message>
        <source>Child's response</source>
        <translation>Barnets gensvar</translation>
    </message>
    <message>
        <source>Agreed actions</source>
        <translation>Överenskomna åtgärder</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Längd (minuter)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Measurable criterion</source>
        <translation>Mätbart kriterium</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Måldatum</translation>
    </message>
    <message>
        <source>Overall aims</source>
        <translation>Övergripande mål</translation>
    </message>
    <message>
        <source>Overall goal</source>
        <translation>Övergripande mål</translation>
    </message>
    <message>
        <source>Handover note</source>
        <translation>Överlämningsanteckning</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Fritext</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>Vidtagna åtgärder</translation>
    </message>
    <message>
        <source>Adaptations tried</source>
        <translation>Prövade anpassningar</translation>
    </message>
    <message>
        <source>Expected of the team</source>
        <translation>Förväntningar på teamet</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Ämne</translation>
    </message>
</context>
<context>
    <name>RecordType</name>
    <message>
        <source>Consent</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <source>Trialled intervention</source>
        <translation>Prövad insats</translation>
    </message>
    <message>
        <source>Report of concern</source>
        <translation>Orosanmälan</translation>
    </message>
    <message>
        <source>Staff assigned</source>
        <translation>Personal tilldelad</translation>
    </message>
    <message>
        <source>Plan goal</source>
        <translation>Mål i planen</translation>
    </message>
    <message>
        <source>Daily contact offered</source>
        <translation>Daglig kontakt erbjuden</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Kartläggning</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>Deltagande</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Skattning</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status ändrad</translation>
    </message>
    <message>
        <source>Plan signature</source>
        <translation>Underskrift av plan</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Frånvaro</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Uppdrag</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <source>Mapping section</source>
        <translation>Avsnitt i kartläggningen</translation>
    </message>
    <message>
        <source>Plan revision</source>
        <translation>Version av plan</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Avslut</translation>
    </message>
    <message>
        <source>Plan intervention</source>
        <translation>Insats i planen</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Betyg</translation>
    </message>
    <message>
        <source>Admission group</source>
        <translation>Antagningsgrupp</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Ansökan</translation>
    </message>
    <message>
        <source>Consent answer</source>
        <translation>Svar på samtycke</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>Referral request</source>
        <translation>Uppdragsförfrågan</translation>
    </message>
    <message>
        <source>Team meeting note</source>
        <translation>Anteckning från teammöte</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Bilaga</translation>
    </message>
    <message>
        <source>Mapping item</source>
        <translation>Rad i kartläggningen</translation>
    </message>
    <message>
        <source>Mapping scaling</source>
        <translation>Skalfråga i kartläggningen</translation>
    </message>
    <message>
        <source>Plan goal reviewed</source>
        <translation>Mål i planen uppföljt</translation>
    </message>
</context>
<context>
    <name>ReferralRoute</name>
    <message>
        <source>Referral request</source>
        <translation>Uppdragsförfrågan</translation>
    </message>
    <message>
        <source>Application from school</source>
        <translation>Ansökan från skolan</translation>
    </message>
    <message>
        <source>Application from social services</source>
        <translation>Ansökan från socialtjänsten</translation>
    </message>
    <message>
        <source>The family's own application</source>
        <translation>Familjens egen ansökan</translation>
    </message>
    <message>
        <source>Report of concern</source>
        <translation>Orosanmälan</translation>
    </message>
    <message>
        <source>Already known to social services</source>
        <translation>Redan aktuell hos socialtjänsten</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <source>New referral request (anonymous)</source>
        <translation>Ny uppdragsförfrågan (anonym)</translation>
    </message>
    <message>
        <source>No name or identity number: the request stays anonymous until the family has said yes.</source>
        <translation>Inget namn eller personnummer: förfrågan är anonym tills familjen har sagt ja.</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(inte angivet)</translation>
    </message>
    <message>
        <source>A report of concern in the last six months</source>
        <translation>En orosanmälan de senaste sex månaderna</translation>
    </message>
    <message>
        <source>The student's view of the causes</source>
        <translation>Elevens syn på orsakerna</translation>
    </message>
    <message>
        <source>The guardians' view of the causes</source>
        <translation>Vårdnadshavarnas syn på orsakerna</translation>
    </message>
    <message>
        <source>Adaptations tried at school</source>
        <translation>Anpassningar som prövats i skolan</translation>
    </message>
    <message>
        <source>Other measures taken</source>
        <translation>Andra åtgärder som vidtagits</translation>
    </message>
    <message>
        <source>What the school expects of the team</source>
        <translation>Vad skolan förväntar sig av teamet</translation>
    </message>
    <message>
        <source>&amp;Save request</source>
        <translation>&amp;Spara förfrågan</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Inkom</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Stadsdel</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Åk</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Absence, last two months</source>
        <translation>Frånvaro, senaste två månaderna</translation>
    </message>
    <message>
        <source>Remove the identity number from: %1. The request must stay anonymous.</source>
        <translation>Ta bort personnumret ur: %1. Förfrågan ska vara anonym.</translation>
    </message>
</context>
<context>
    <name>RequestsScreen</name>
    <message>
        <source>Received</source>
        <translation>Inkom</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Åk</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Frånvaro</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Requests and applications</source>
        <translation>Förfrågningar och ansökningar</translation>
    </message>
    <message>
        <source>&amp;New referral request</source>
        <translation>&amp;Ny uppdragsförfrågan</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Anta</translation>
    </message>
    <message>
        <source>&amp;Decline with guidance</source>
        <translation>Avslå med &amp;vägledning</translation>
    </message>
    <message>
        <source>&amp;Link the student</source>
        <translation>&amp;Koppla eleven</translation>
    </message>
    <message>
        <source>New SST &amp;plus application</source>
        <translation>Ny ansökan till SST &amp;plus</translation>
    </message>
    <message>
        <source>Record a&amp;ssessment</source>
        <translation>Registrera &amp;bedömning</translation>
    </message>
    <message>
        <source>Ad&amp;mission group</source>
        <translation>Antagnings&amp;grupp</translation>
    </message>
    <message>
        <source>Assessment summary (social services)</source>
        <translation>Sammanfattning av bedömningen (socialtjänsten)</translation>
    </message>
    <message>
        <source>Guidance to other support (required to decline)</source>
        <translation>Vägledning till annat stöd (krävs för avslag)</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>kopplad</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>Write the assessment's summary first.</source>
        <translation>Skriv först en sammanfattning av bedömningen.</translation>
    </message>
    <message>
        <source>Write the guidance to other support first.</source>
        <translation>Skriv först vägledningen till annat stöd.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Family therapist</source>
        <translation>Familjebehandlare</translation>
    </message>
    <message>
        <source>School psychologist</source>
        <translation>Skolpsykolog</translation>
    </message>
    <message>
        <source>Coordinating psychologist</source>
        <translation>Samordnande psykolog</translation>
    </message>
    <message>
        <source>Special educator</source>
        <translation>Specialpedagog</translation>
    </message>
    <message>
        <source>School social worker</source>
        <translation>Skolsocionom</translation>
    </message>
    <message>
        <source>Case officer</source>
        <translation>Socialsekreterare</translation>
    </message>
    <message>
        <source>Intake officer</source>
        <translation>Mottagningssekreterare</translation>
    </message>
    <message>
        <source>School counsellor</source>
        <translation>Skolkurator</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Rektor</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Lärare</translation>
    </message>
    <message>
        <source>School nurse</source>
        <translation>Skolsköterska</translation>
    </message>
    <message>
        <source>Unit manager</source>
        <translation>Enhetschef</translation>
    </message>
    <message>
        <source>Project manager</source>
        <translation>Projektledare</translation>
    </message>
</context>
<context>
    <name>ScalingPanel</name>
    <message>
        <source>Scaling question 0-10</source>
        <translation>Skalfråga 0-10</translation>
    </message>
    <message>
        <source>Where is the situation today, from 0 to 10? The wording of the question is the team's own.</source>
        <translation>Var befinner sig situationen i dag, från 0 till 10? Frågans ordalydelse är teamets egen.</translation>
    </message>
    <message>
        <source>Which guardian scales</source>
        <translation>Vilken vårdnadshavare som skattar</translation>
    </message>
    <message>
        <source>The student</source>
        <translation>Eleven</translation>
    </message>
    <message>
        <source>The team</source>
        <translation>Teamet</translation>
    </message>
    <message>
        <source>Scaling 0-10</source>
        <translation>Skalning 0-10</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Guardian %1</source>
        <translation>Vårdnadshavare %1</translation>
    </message>
    <message>
        <source>No guardian recorded</source>
        <translation>Ingen vårdnadshavare registrerad</translation>
    </message>
    <message>
        <source>Not scaled yet</source>
        <translation>Inte skattad ännu</translation>
    </message>
    <message>
        <source>Latest: %1 on %2</source>
        <translation>Senast: %1 den %2</translation>
    </message>
</context>
<context>
    <name>SchoolKind</name>
    <message>
        <source>Municipal school</source>
        <translation>Kommunal skola</translation>
    </message>
    <message>
        <source>Independent school</source>
        <translation>Fristående skola</translation>
    </message>
</context>
<context>
    <name>SectionsPanel</name>
    <message>
        <source>Perspectives</source>
        <translation>Perspektiv</translation>
    </message>
    <message>
        <source>Which perspective's section</source>
        <translation>Vilket perspektivs del</translation>
    </message>
    <message>
        <source>The student's own view</source>
        <translation>Elevens egen bild</translation>
    </message>
    <message>
        <source>The guardians' view</source>
        <translation>Vårdnadshavarnas bild</translation>
    </message>
    <message>
        <source>The function of the absence, as seen here</source>
        <translation>Frånvarons funktion, sett härifrån</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Iakttagelser</translation>
    </message>
    <message>
        <source>&amp;Save the section</source>
        <translation>&amp;Spara delen</translation>
    </message>
    <message>
        <source>Perspective</source>
        <translation>Perspektiv</translation>
    </message>
    <message>
        <source>Written by %1</source>
        <translation>Skriven av %1</translation>
    </message>
    <message>
        <source>Only its author can change this section.</source>
        <translation>Bara den som skrev delen kan ändra den.</translation>
    </message>
    <message>
        <source>Not shared with you: the other authority wrote it.</source>
        <translation>Delas inte med dig: den andra myndigheten skrev den.</translation>
    </message>
    <message>
        <source>Not written yet.</source>
        <translation>Inte skriven ännu.</translation>
    </message>
</context>
<context>
    <name>ServerBox</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Connect to server</source>
        <translation>&amp;Anslut till servern</translation>
    </message>
    <message>
        <source>Server &amp;address</source>
        <translation>Serverns a&amp;dress</translation>
    </message>
    <message>
        <source>Enrollment c&amp;ode</source>
        <translation>Anslutnings&amp;kod</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Ansluten till %1.</translation>
    </message>
    <message>
        <source>Not connected. IT gives you the address and a code valid 24 hours.</source>
        <translation>Inte ansluten. IT ger dig adressen och en kod som gäller i 24 timmar.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>Home</source>
        <translation>Hemmet</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skolan</translation>
    </message>
    <message>
        <source>Elsewhere</source>
        <translation>Annan plats</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Programme rules in force</source>
        <translation>Gällande regler för insatserna</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;Lock after idle</source>
        <translation>&amp;Lås efter inaktivitet</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;Textstorlek</translation>
    </message>
    <message>
        <source>Programme rules (read-only)</source>
        <translation>Regler för insatserna (skrivskyddat)</translation>
    </message>
    <message>
        <source>every %1-%2 weeks</source>
        <translation>var %1–%2:e vecka</translation>
    </message>
    <message>
        <source>after %1 months</source>
        <translation>efter %1 månader</translation>
    </message>
    <message>
        <source>a written reason</source>
        <translation>en skriftlig motivering</translation>
    </message>
    <message>
        <source>a continuation decision</source>
        <translation>ett beslut om fortsatt insats</translation>
    </message>
    <message>
        <source>all districts</source>
        <translation>alla stadsdelar</translation>
    </message>
    <message>
        <source>%1 (%2, from %3)</source>
        <translation>%1 (%2, från %3)</translation>
    </message>
    <message>
        <source>%1 months; beyond it needs %2</source>
        <translation>%1 månader; längre tid kräver %2</translation>
    </message>
    <message>
        <source>School years</source>
        <translation>Årskurser</translation>
    </message>
    <message>
        <source>Absence threshold</source>
        <translation>Frånvarogräns</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Tidsgräns</translation>
    </message>
    <message>
        <source>Plan signers</source>
        <translation>Undertecknar planen</translation>
    </message>
    <message>
        <source>Follow-ups after closure (months)</source>
        <translation>Uppföljning efter avslut (månader)</translation>
    </message>
</context>
<context>
    <name>SignerRole</name>
    <message>
        <source>Student</source>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skolan</translation>
    </message>
    <message>
        <source>Social services</source>
        <translation>Socialtjänsten</translation>
    </message>
</context>
<context>
    <name>SignsOfSafetyPanel</name>
    <message>
        <source>Signs of Safety</source>
        <translation>Signs of Safety</translation>
    </message>
    <message>
        <source>What we are worried about</source>
        <translation>Oro</translation>
    </message>
    <message>
        <source>What works</source>
        <translation>Det som fungerar</translation>
    </message>
    <message>
        <source>What needs to happen</source>
        <translation>Det som behöver hända</translation>
    </message>
    <message>
        <source>Worries</source>
        <translation>Det vi är oroliga för</translation>
    </message>
    <message>
        <source>Danger statements</source>
        <translation>Farhågeformuleringar</translation>
    </message>
    <message>
        <source>What works well</source>
        <translation>Det som går bra</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Styrkor</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Nästa steg</translation>
    </message>
    <message>
        <source>Safety goals</source>
        <translation>Säkerhetsmål</translation>
    </message>
    <message>
        <source>Make plan &amp;goals…</source>
        <translation>Gör &amp;mål i planen…</translation>
    </message>
</context>
<context>
    <name>SstError</name>
    <message>
        <source>A signature cannot be dated after today ({today}).</source>
        <translation>En underskrift kan inte dateras efter i dag ({today}).</translation>
    </message>
    <message>
        <source>The period must start on or before its end ({start} – {end}).</source>
        <translation>Perioden måste börja senast när den slutar ({start} – {end}).</translation>
    </message>
    <message>
        <source>The student has a protected identity: a case summary needs a reason, which is recorded in the audit log.</source>
        <translation>Eleven har skyddade personuppgifter: en sammanställning behöver ett skäl, som sparas i loggen.</translation>
    </message>
    <message>
        <source>Absence cannot be measured before the period has ended.</source>
        <translation>Frånvaron kan inte mätas innan perioden är slut.</translation>
    </message>
    <message>
        <source>An absence percentage must be between 0 and 100 (got {value}).</source>
        <translation>Frånvaron i procent måste vara mellan 0 och 100 (angivet: {value}).</translation>
    </message>
    <message>
        <source>The period must end on or after its start.</source>
        <translation>Perioden måste sluta samma dag som den börjar eller senare.</translation>
    </message>
    <message>
        <source>Changing the suggested priority needs a written reason.</source>
        <translation>Att ändra den föreslagna förturen kräver en skriftlig motivering.</translation>
    </message>
    <message>
        <source>The file is not the {media_type} file it says it is; save or scan it again.</source>
        <translation>Filen är inte den {media_type}-fil den utger sig för att vara; spara eller skanna den igen.</translation>
    </message>
    <message>
        <source>The file is empty; nothing was attached.</source>
        <translation>Filen är tom; inget bifogades.</translation>
    </message>
    <message>
        <source>Files of type {media_type} cannot be attached; attach a PDF, PNG, JPEG or TIFF file.</source>
        <translation>Filer av typen {media_type} kan inte bifogas; bifoga en PDF-, PNG-, JPEG- eller TIFF-fil.</translation>
    </message>
    <message>
        <source>You may not open this attachment.</source>
        <translation>Du får inte öppna den här bilagan.</translation>
    </message>
    <message>
        <source>The file has not reached this computer yet; it arrives with the next sync.</source>
        <translation>Filen har inte kommit till den här datorn än; den kommer med nästa synkning.</translation>
    </message>
    <message>
        <source>The file is {size_mb} MB; an attachment may be at most {limit_mb} MB. Scan it at a lower resolution or in fewer pages.</source>
        <translation>Filen är {size_mb} MB; en bilaga får vara högst {limit_mb} MB. Skanna den med lägre upplösning eller i färre sidor.</translation>
    </message>
    <message>
        <source>Closing a case needs the closure details (reason, goals met).</source>
        <translation>För att avsluta ärendet behövs uppgifter om avslutet (skäl, om målen uppfyllts).</translation>
    </message>
    <message>
        <source>That staff member is not assigned to this case.</source>
        <translation>Den personen är inte tilldelad ärendet.</translation>
    </message>
    <message>
        <source>No {entity} with id {id} in this profile.</source>
        <translation>Det finns ingen post av typen {entity} med id {id} i profilen.</translation>
    </message>
    <message>
        <source>This case is not assigned to your team.</source>
        <translation>Ärendet hör inte till ditt team.</translation>
    </message>
    <message>
        <source>The field {field} is required.</source>
        <translation>Fältet {field} måste fyllas i.</translation>
    </message>
    <message>
        <source>Only staff of {authority} may record a {entity}.</source>
        <translation>Bara personal hos {authority} får registrera {entity}.</translation>
    </message>
    <message>
        <source>No new passphrase given: set SST_NEW_PASSPHRASE, or run in a terminal.</source>
        <translation>Ingen ny lösenfras angiven: sätt SST_NEW_PASSPHRASE eller kör i en terminal.</translation>
    </message>
    <message>
        <source>No passphrase given: set SST_PASSPHRASE, use --passphrase-file, or run in a terminal.</source>
        <translation>Ingen lösenfras angiven: sätt SST_PASSPHRASE, använd --passphrase-file eller kör i en terminal.</translation>
    </message>
    <message>
        <source>No case with reference {reference} in your list.</source>
        <translation>Inget ärende med beteckningen {reference} finns i din lista.</translation>
    </message>
    <message>
        <source>Cannot read the passphrase file {file}.</source>
        <translation>Det går inte att läsa lösenfrasfilen {file}.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De två lösenfraserna är olika.</translation>
    </message>
    <message>
        <source>Cannot read the password file {file}.</source>
        <translation>Det går inte att läsa lösenordsfilen {file}.</translation>
    </message>
    <message>
        <source>Cannot read the ratings file {file}.</source>
        <translation>Skattningsfilen {file} kan inte läsas.</translation>
    </message>
    <message>
        <source>This case already has a closure recorded.</source>
        <translation>Ärendet har redan ett registrerat avslut.</translation>
    </message>
    <message>
        <source>Goals met must be yes, partly or no.</source>
        <translation>Måluppfyllelse ska vara ja, delvis eller nej.</translation>
    </message>
    <message>
        <source>The programme rules in {file} are not valid: {field}: {problem}</source>
        <translation>Reglerna för insatserna i {file} är inte giltiga: {field}: {problem}</translation>
    </message>
    <message>
        <source>No programme rules for {programme} are in force on {day}.</source>
        <translation>Inga regler för {programme} gäller den {day}.</translation>
    </message>
    <message>
        <source>The organisation configuration {file} is not valid: {field}: {problem}</source>
        <translation>Organisationens inställningsfil {file} är inte giltig: {field}: {problem}</translation>
    </message>
    <message>
        <source>A consent must name the kinds of records it covers; 'everything' is not a valid scope.</source>
        <translation>Ett samtycke måste ange vilka slags uppgifter det gäller; ”allt” är inte ett giltigt omfång.</translation>
    </message>
    <message>
        <source>A consent must name at least one purpose.</source>
        <translation>Ett samtycke måste ange minst ett syfte.</translation>
    </message>
    <message>
        <source>The student answers for themselves: add the student's answer.</source>
        <translation>Eleven svarar själv: lägg till elevens svar.</translation>
    </message>
    <message>
        <source>A consent cannot end before the day it was given.</source>
        <translation>Ett samtycke kan inte upphöra före dagen det lämnades.</translation>
    </message>
    <message>
        <source>This consent was already withdrawn.</source>
        <translation>Samtycket är redan återkallat.</translation>
    </message>
    <message>
        <source>A consent cannot be withdrawn before it was given.</source>
        <translation>Ett samtycke kan inte återkallas innan det har lämnats.</translation>
    </message>
    <message>
        <source>A duration must be between 0 and 1440 minutes (got {value}).</source>
        <translation>Tiden måste vara mellan 0 och 1440 minuter (angivet: {value}).</translation>
    </message>
    <message>
        <source>A held contact is final; record a correction that says why instead.</source>
        <translation>En genomförd kontakt kan inte ändras; registrera i stället en rättelse som säger varför.</translation>
    </message>
    <message>
        <source>The profile already holds {cases} cases; demo data goes into a new one.</source>
        <translation>Profilen innehåller redan {cases} ärenden; demodata läggs i en ny profil.</translation>
    </message>
    <message>
        <source>Cannot write the export there: the folder does not exist, is not writable or is full.</source>
        <translation>Exporten kan inte sparas där: mappen finns inte, går inte att skriva i eller är full.</translation>
    </message>
    <message>
        <source>Cannot tell the file type from '{suffix}'; name the file .xlsx or .csv.</source>
        <translation>Filtypen framgår inte av '{suffix}'; ge filen namnet .xlsx eller .csv.</translation>
    </message>
    <message>
        <source>This follow-up is already recorded.</source>
        <translation>Uppföljningen är redan registrerad.</translation>
    </message>
    <message>
        <source>Subjects passed must be between 0 and the number of subjects.</source>
        <translation>Antal godkända ämnen måste vara mellan 0 och antalet ämnen.</translation>
    </message>
    <message>
        <source>{instrument} for {respondent} is meant for ages {ages}, not {age}.</source>
        <translation>{instrument} för {respondent} är avsett för åldrarna {ages}, inte {age}.</translation>
    </message>
    <message>
        <source>{instrument} has different cut-offs by age: give the student's age.</source>
        <translation>{instrument} har olika gränsvärden för olika åldrar: ange elevens ålder.</translation>
    </message>
    <message>
        <source>{instrument} needs an answer to every item; {key} is missing.</source>
        <translation>{instrument} behöver svar på varje fråga; {key} saknas.</translation>
    </message>
    <message>
        <source>The answer to item {key} must be a whole number from {low} to {high}.</source>
        <translation>Svaret på fråga {key} måste vara ett heltal från {low} till {high}.</translation>
    </message>
    <message>
        <source>{instrument} ({respondent}) has no item {key}.</source>
        <translation>{instrument} ({respondent}) har ingen fråga {key}.</translation>
    </message>
    <message>
        <source>The instrument definition {file} is not valid: {field}: {problem}</source>
        <translation>Instrumentdefinitionen {file} är inte giltig: {field}: {problem}</translation>
    </message>
    <message>
        <source>The answers are not valid input: {problem}</source>
        <translation>Svaren är inte giltig indata: {problem}</translation>
    </message>
    <message>
        <source>No version of {family} is meant for a {respondent} rating of a student aged {age}.</source>
        <translation>Ingen version av {family} är avsedd för en skattning av {respondent} för en elev som är {age} år.</translation>
    </message>
    <message>
        <source>{instrument} needs a respondent: one of {known}.</source>
        <translation>{instrument} behöver en svarande: någon av {known}.</translation>
    </message>
    <message>
        <source>{instrument} has no respondent {respondent}; it has {known}.</source>
        <translation>{instrument} har ingen svarande {respondent}; det har {known}.</translation>
    </message>
    <message>
        <source>No instrument {instrument} is installed (see `sst instruments`).</source>
        <translation>Inget instrument {instrument} är installerat (se `sst instruments`).</translation>
    </message>
    <message>
        <source>Version {version} of {instrument} is not installed.</source>
        <translation>Version {version} av {instrument} är inte installerad.</translation>
    </message>
    <message>
        <source>The {perspective} section belongs to its author; only they can change it.</source>
        <translation>Avsnittet {perspective} tillhör den som skrev det; bara den personen kan ändra det.</translation>
    </message>
    <message>
        <source>A meeting that is {status} cannot be {action}; book a new one instead.</source>
        <translation>Ett möte med status {status} kan inte {action}; boka ett nytt i stället.</translation>
    </message>
    <message>
        <source>The personal identity number is not valid ({reason}). Check the digits, or leave it empty.</source>
        <translation>Personnumret är inte giltigt ({reason}). Kontrollera siffrorna eller lämna fältet tomt.</translation>
    </message>
    <message>
        <source>The plan still needs signatures from: {missing}.</source>
        <translation>Planen behöver fortfarande underskrift av: {missing}.</translation>
    </message>
    <message>
        <source>A plan needs at least one goal before it is signed.</source>
        <translation>En plan behöver minst ett mål innan den undertecknas.</translation>
    </message>
    <message>
        <source>Revision {number} is not waiting for signatures.</source>
        <translation>Version {number} väntar inte på underskrifter.</translation>
    </message>
    <message>
        <source>Revision {number} is still open; finish or sign it first.</source>
        <translation>Version {number} är fortfarande öppen; gör klart eller underteckna den först.</translation>
    </message>
    <message>
        <source>Revision {number} of this plan is {status} and cannot be changed; start a new revision.</source>
        <translation>Version {number} av planen är {status} och kan inte ändras; påbörja en ny version.</translation>
    </message>
    <message>
        <source>An intervention needs a toolbox item or a description.</source>
        <translation>En insats behöver ett verktyg ur verktygslådan eller en beskrivning.</translation>
    </message>
    <message>
        <source>No toolbox item with code {tool}.</source>
        <translation>Det finns inget verktyg med koden {tool}.</translation>
    </message>
    <message>
        <source>No case {case} in your list.</source>
        <translation>Inget ärende {case} i din lista.</translation>
    </message>
    <message>
        <source>Case {case} has no plan yet.</source>
        <translation>Ärende {case} har ingen plan än.</translation>
    </message>
    <message>
        <source>The plan of case {case} has no revision {number}.</source>
        <translation>Planen i ärende {case} har ingen revision {number}.</translation>
    </message>
    <message>
        <source>The student has a protected identity: printing the plan needs a reason, which is recorded in the audit log.</source>
        <translation>Eleven har skyddade personuppgifter: för att skriva ut planen behövs ett skäl, som sparas i loggen.</translation>
    </message>
    <message>
        <source>Part of this plan is not shared with your authority, so it cannot be printed whole.</source>
        <translation>En del av planen delas inte med din myndighet, så den kan inte skrivas ut i sin helhet.</translation>
    </message>
    <message>
        <source>{folder} is a file; a backup goes into a new, empty folder. Choose another name.</source>
        <translation>{folder} är en fil; en säkerhetskopia sparas i en ny, tom mapp. Välj ett annat namn.</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not empty; choose another.</source>
        <translation>Mappen {folder} för säkerhetskopian är inte tom; välj en annan.</translation>
    </message>
    <message>
        <source>There is already an SST profile in the chosen folder; it was not changed.</source>
        <translation>Det finns redan en SST-profil i den valda mappen; den har inte ändrats.</translation>
    </message>
    <message>
        <source>The key file {file} is damaged (checksum mismatch or unreadable); it was not changed. Restore it from a backup or use the organisation's escrow.</source>
        <translation>Nyckelfilen {file} är skadad (kontrollsumman stämmer inte eller den går inte att läsa); den har inte ändrats. Återställ den från en säkerhetskopia eller använd organisationens reservnyckel.</translation>
    </message>
    <message>
        <source>The key file {file} does not exist.</source>
        <translation>Nyckelfilen {file} finns inte.</translation>
    </message>
    <message>
        <source>A key rotation with the recovery code needs a new passphrase (SST_NEW_PASSPHRASE for sst).</source>
        <translation>Ett nyckelbyte med återställningskoden kräver en ny lösenfras (SST_NEW_PASSPHRASE för sst).</translation>
    </message>
    <message>
        <source>The profile in {file} has no owner recorded; it was not set up fully.</source>
        <translation>Profilen i {file} saknar ägare; den skapades inte färdigt.</translation>
    </message>
    <message>
        <source>There is no SST profile in the chosen folder.</source>
        <translation>Det finns ingen SST-profil i den valda mappen.</translation>
    </message>
    <message>
        <source>Too many wrong attempts; try again in {seconds} s.</source>
        <translation>För många felaktiga försök; försök igen om {seconds} s.</translation>
    </message>
    <message>
        <source>The passphrase is too easy to guess (strength {score} of 4); use at least 10 characters, for example several unrelated words.</source>
        <translation>Lösenfrasen är för lätt att gissa (styrka {score} av 4); använd minst 10 tecken, till exempel flera orelaterade ord.</translation>
    </message>
    <message>
        <source>The passphrase or recovery code is wrong.</source>
        <translation>Lösenfrasen eller återställningskoden är fel.</translation>
    </message>
    <message>
        <source>This rating has already been corrected; correct the newest.</source>
        <translation>Skattningen är redan rättad; rätta den senaste versionen.</translation>
    </message>
    <message>
        <source>The contact chosen belongs to another case.</source>
        <translation>Kontakten som valts hör till ett annat ärende.</translation>
    </message>
    <message>
        <source>A rating cannot be dated after today ({today}).</source>
        <translation>En skattning kan inte dateras efter i dag ({today}).</translation>
    </message>
    <message>
        <source>The guardian chosen is not a guardian of this student.</source>
        <translation>Den valda vårdnadshavaren är inte vårdnadshavare för den här eleven.</translation>
    </message>
    <message>
        <source>Choose which guardian rated: the form is a guardian's.</source>
        <translation>Välj vilken vårdnadshavare som skattade: formuläret är vårdnadshavarens.</translation>
    </message>
    <message>
        <source>A rating has either its answers or, imported without them, its totals; not both.</source>
        <translation>En skattning har antingen sina svar eller, om den importerats utan dem, sina summor; inte båda.</translation>
    </message>
    <message>
        <source>The student's date of birth is not recorded, so the right version of the form for their age cannot be chosen. Record it under Family and participants first.</source>
        <translation>Elevens födelsedatum är inte registrerat, så rätt version av formuläret för elevens ålder kan inte väljas. Registrera det under Familj och deltagare först.</translation>
    </message>
    <message>
        <source>No case {case} among the cases you may see.</source>
        <translation>Inget ärende {case} finns bland de ärenden du får se.</translation>
    </message>
    <message>
        <source>A rating marked as not given cannot have answers.</source>
        <translation>En skattning som markerats som inte genomförd kan inte ha svar.</translation>
    </message>
    <message>
        <source>The total of {instrument} must be from 0 to {high} with at most one decimal.</source>
        <translation>Summan för {instrument} ska vara från 0 till {high} med högst en decimal.</translation>
    </message>
    <message>
        <source>Only the line forms (ORS, CORS, SRS, CSRS) can be recorded by their total alone; {instrument} needs its answers.</source>
        <translation>Bara linjeformulären (ORS, CORS, SRS, CSRS) kan registreras med enbart summan; {instrument} behöver sina svar.</translation>
    </message>
    <message>
        <source>Nothing was imported: {count} row(s) of the file have a problem. {problems}</source>
        <translation>Ingenting importerades: {count} rad(er) i filen har fel. {problems}</translation>
    </message>
    <message>
        <source>{column} is empty.</source>
        <translation>{column} är tom.</translation>
    </message>
    <message>
        <source>entry must be clinician, client, paper, imported or empty.</source>
        <translation>entry ska vara clinician, client, paper, imported eller tom.</translation>
    </message>
    <message>
        <source>The row has more fields than the header has columns.</source>
        <translation>Raden har fler fält än rubrikraden har kolumner.</translation>
    </message>
    <message>
        <source>guardian is empty: a parent's rating says which guardian (1, 2...).</source>
        <translation>guardian är tom: en vårdnadshavares skattning anger vilken vårdnadshavare (1, 2 …).</translation>
    </message>
    <message>
        <source>guardian is only filled in for a parent's rating.</source>
        <translation>guardian fylls bara i för en vårdnadshavares skattning.</translation>
    </message>
    <message>
        <source>The header of the ratings file has no column {column}.</source>
        <translation>Rubrikraden i skattningsfilen saknar kolumnen {column}.</translation>
    </message>
    <message>
        <source>The column {column} appears twice in the header.</source>
        <translation>Kolumnen {column} står två gånger i rubrikraden.</translation>
    </message>
    <message>
        <source>The header of the ratings file has a column this format does not know: {column}.</source>
        <translation>Rubrikraden i skattningsfilen har en kolumn som formatet inte känner till: {column}.</translation>
    </message>
    <message>
        <source>instrument must be one of ors, cors, srs, csrs; the other forms are not in this file format.</source>
        <translation>instrument ska vara ors, cors, srs eller csrs; övriga formulär ingår inte i det här filformatet.</translation>
    </message>
    <message>
        <source>The student has no guardian {number} recorded.</source>
        <translation>Eleven har ingen vårdnadshavare {number} registrerad.</translation>
    </message>
    <message>
        <source>The ratings file has no header line; its first line names the columns (see docs/ratings-csv.md).</source>
        <translation>Skattningsfilen saknar rubrikrad; den första raden namnger kolumnerna (se docs/ratings-csv.md).</translation>
    </message>
    <message>
        <source>The row has no scores: an empty cell is missing, never zero, so a rating not given is marked skipped=1.</source>
        <translation>Raden saknar poäng: en tom cell betyder att värdet saknas, aldrig noll, så en skattning som inte gjorts markeras skipped=1.</translation>
    </message>
    <message>
        <source>rated_on is not a date written YYYY-MM-DD.</source>
        <translation>rated_on är inte ett datum skrivet ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>{column} is not a number.</source>
        <translation>{column} är inte ett tal.</translation>
    </message>
    <message>
        <source>{column} must be 1 or more, or empty.</source>
        <translation>{column} ska vara 1 eller mer, eller tom.</translation>
    </message>
    <message>
        <source>The ratings file is not UTF-8 text; save it as CSV UTF-8.</source>
        <translation>Skattningsfilen är inte UTF-8-text; spara den som CSV UTF-8.</translation>
    </message>
    <message>
        <source>{column} must be a whole number.</source>
        <translation>{column} ska vara ett heltal.</translation>
    </message>
    <message>
        <source>case_ref is another case than the one imported into ({expected}); empty it or import the row into its own case.</source>
        <translation>case_ref är ett annat ärende än det som importeras till ({expected}); töm den eller importera raden till sitt eget ärende.</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>Rad {line}: {problem}</translation>
    </message>
    <message>
        <source>skipped must be 1, 0 or empty.</source>
        <translation>skipped ska vara 1, 0 eller tom.</translation>
    </message>
    <message>
        <source>The rating is marked skipped=1 but has scores; a rating not given has every score cell empty.</source>
        <translation>Skattningen är markerad skipped=1 men har poäng; en skattning som inte gjorts har alla poängceller tomma.</translation>
    </message>
    <message>
        <source>total is not the sum of the items in cm; leave it empty and it is worked out.</source>
        <translation>total är inte summan av svaren i cm; lämna den tom så räknas den fram.</translation>
    </message>
    <message>
        <source>{instrument} is not the form for the student's age on that date; {chosen} is.</source>
        <translation>{instrument} är inte formuläret för elevens ålder det datumet; det är {chosen}.</translation>
    </message>
    <message>
        <source>An absence percentage must be between 0 and 100.</source>
        <translation>Frånvaron i procent måste vara mellan 0 och 100.</translation>
    </message>
    <message>
        <source>This referral request is already decided.</source>
        <translation>Uppdragsförfrågan är redan beslutad.</translation>
    </message>
    <message>
        <source>The field {field} seems to hold a personal identity number; a referral request must be anonymous until the family has said yes.</source>
        <translation>Fältet {field} verkar innehålla ett personnummer; en uppdragsförfrågan ska vara anonym tills familjen har sagt ja.</translation>
    </message>
    <message>
        <source>A student can be linked to the request only after the family has said yes (consent).</source>
        <translation>En elev kan kopplas till förfrågan först när familjen har sagt ja (samtycke).</translation>
    </message>
    <message>
        <source>The folder for {file} does not exist.</source>
        <translation>Mappen för {file} finns inte.</translation>
    </message>
    <message>
        <source>Cannot write {file}: {problem}.</source>
        <translation>Det går inte att skriva {file}: {problem}.</translation>
    </message>
    <message>
        <source>The password for the PDF is empty.</source>
        <translation>Lösenordet för PDF-filen är tomt.</translation>
    </message>
    <message>
        <source>The database file {file} is in use by another program.</source>
        <translation>Databasfilen {file} används av ett annat program.</translation>
    </message>
    <message>
        <source>The database file {file} is damaged or is not an SST database (the key was right).</source>
        <translation>Databasfilen {file} är skadad eller är ingen SST-databas (nyckeln var rätt).</translation>
    </message>
    <message>
        <source>The database file {file} does not exist.</source>
        <translation>Databasfilen {file} finns inte.</translation>
    </message>
    <message>
        <source>Records are never deleted directly; mark them deleted or purge them.</source>
        <translation>Uppgifter raderas aldrig direkt; markera dem som borttagna eller gallra dem.</translation>
    </message>
    <message>
        <source>This profile was written by a newer version of SST Desktop (schema {revision}); update the app to open it.</source>
        <translation>Profilen skapades av en nyare version av SST Desktop (schema {revision}); uppdatera appen för att öppna den.</translation>
    </message>
    <message>
        <source>The SQLite library in use has no encryption; refusing to open.</source>
        <translation>SQLite-biblioteket som används saknar kryptering; profilen öppnas inte.</translation>
    </message>
    <message>
        <source>The birth date does not match the identity number.</source>
        <translation>Födelsedatumet stämmer inte med personnumret.</translation>
    </message>
    <message>
        <source>School year must be F (0) to 10 (got {value}).</source>
        <translation>Årskursen måste vara F (0) till 10 (angivet: {value}).</translation>
    </message>
    <message>
        <source>The record of this conflict is no longer here.</source>
        <translation>Uppgiften som konflikten gäller finns inte längre här.</translation>
    </message>
    <message>
        <source>This conflict has already been resolved.</source>
        <translation>Konflikten är redan löst.</translation>
    </message>
    <message>
        <source>A case that is '{status}' cannot move to {target}; only open cases change programme.</source>
        <translation>Ett ärende med status ”{status}” kan inte flyttas till {target}; bara pågående ärenden kan byta insats.</translation>
    </message>
    <message>
        <source>The support can start only when the student and guardians have consented to it.</source>
        <translation>Insatsen kan starta först när eleven och vårdnadshavarna har samtyckt.</translation>
    </message>
    <message>
        <source>Continuing after the six-month evaluation needs a continuation decision.</source>
        <translation>Att fortsätta efter sexmånadersutvärderingen kräver ett beslut om fortsatt insats.</translation>
    </message>
    <message>
        <source>A declined student must be given guidance to other support; record it first.</source>
        <translation>En elev som fått avslag ska få vägledning till annat stöd; registrera den först.</translation>
    </message>
    <message>
        <source>A case in {programme} cannot go from '{from_status}' to '{to_status}'; allowed next steps: {allowed}.</source>
        <translation>Ett ärende i {programme} kan inte gå från ”{from_status}” till ”{to_status}”; tillåtna nästa steg: {allowed}.</translation>
    </message>
    <message>
        <source>The case is past its time limit; write the reason for the longer support first.</source>
        <translation>Ärendet har passerat tidsgränsen; skriv först motiveringen till det längre stödet.</translation>
    </message>
    <message>
        <source>Something went wrong and the step was not saved. Everything saved before is safe. Please report it to support.</source>
        <translation>Något gick fel och steget sparades inte. Allt som sparats tidigare finns kvar. Rapportera gärna felet till supporten.</translation>
    </message>
    <message>
        <source>The catalogue of absence functions in {file} is not valid: {field}: {problem}</source>
        <translation>Katalogen över frånvarons funktioner i {file} är inte giltig: {field}: {problem}</translation>
    </message>
    <message>
        <source>The plan's draft is kept by the other authority; only its staff can add the analysis to its overall aims.</source>
        <translation>Planens utkast förs av den andra myndigheten; bara dess personal kan lägga till analysen i de övergripande målen.</translation>
    </message>
    <message>
        <source>This case already has a mapping; revise it instead.</source>
        <translation>Ärendet har redan en kartläggning; revidera den i stället.</translation>
    </message>
    <message>
        <source>Revision {revision} of the mapping is complete and cannot be changed; revise it instead.</source>
        <translation>Version {revision} av kartläggningen är klar och kan inte ändras; revidera den i stället.</translation>
    </message>
    <message>
        <source>The mapping cannot be marked complete: write these parts or mark them missing with a reason: {missing}.</source>
        <translation>Kartläggningen kan inte markeras som klar: skriv de här delarna eller markera dem som saknade med ett skäl: {missing}.</translation>
    </message>
    <message>
        <source>This item was written by the other authority; only its staff may change or remove it.</source>
        <translation>Raden skrevs av den andra myndigheten; bara dess personal får ändra eller ta bort den.</translation>
    </message>
    <message>
        <source>The mapping has no analysis (that you may read) to bring to the plan.</source>
        <translation>Kartläggningen har ingen analys (som du får läsa) att föra över till planen.</translation>
    </message>
    <message>
        <source>Only what needs to happen and the safety goals become plan goals.</source>
        <translation>Bara det som behöver hända och säkerhetsmålen blir mål i planen.</translation>
    </message>
    <message>
        <source>Revision {revision} is the newest revision; revise that one.</source>
        <translation>Version {revision} är den senaste; revidera den.</translation>
    </message>
    <message>
        <source>Choose at least one item, or the analysis, to bring to the plan.</source>
        <translation>Välj minst en rad, eller analysen, att föra över till planen.</translation>
    </message>
    <message>
        <source>This revision of the mapping is kept by the other authority: only its staff may change the function of the absence, the analysis or what is missing, or mark it complete.</source>
        <translation>Den här versionen av kartläggningen förs av den andra myndigheten: bara dess personal får ändra frånvarons funktion, analysen eller vad som saknas, eller markera den som klar.</translation>
    </message>
    <message>
        <source>Revision {revision} is still a draft: complete it before revising.</source>
        <translation>Version {revision} är fortfarande ett utkast: gör den klar innan du reviderar.</translation>
    </message>
    <message>
        <source>No absence function with code {code} in the catalogue.</source>
        <translation>Ingen funktion med koden {code} finns i katalogen.</translation>
    </message>
    <message>
        <source>The goal belongs to another revision of the plan.</source>
        <translation>Målet hör till en annan version av planen.</translation>
    </message>
    <message>
        <source>An intervention cannot end before it starts.</source>
        <translation>En insats kan inte sluta innan den börjar.</translation>
    </message>
    <message>
        <source>Give a status for at least one goal.</source>
        <translation>Ange status för minst ett mål.</translation>
    </message>
    <message>
        <source>A review cannot be dated after today ({day}).</source>
        <translation>En uppföljning kan inte dateras efter i dag ({day}).</translation>
    </message>
    <message>
        <source>Only the signed revision in force is reviewed; revision {number} is {status}.</source>
        <translation>Bara den undertecknade version som gäller följs upp; version {number} är {status}.</translation>
    </message>
    <message>
        <source>This signer is already recorded for this revision as {role}.</source>
        <translation>Den här undertecknaren är redan registrerad för versionen som {role}.</translation>
    </message>
    <message>
        <source>Nothing was signed: draw the signature on the pad.</source>
        <translation>Inget skrevs under: skriv din underskrift på ytan.</translation>
    </message>
    <message>
        <source>The signature has too many points; clear the pad and sign again.</source>
        <translation>Underskriften har för många punkter; sudda och skriv under igen.</translation>
    </message>
    <message>
        <source>Cannot read the period '{period}': write a quarter as 2026Q3 or a month as 2026-05.</source>
        <translation>Perioden '{period}' går inte att läsa: skriv ett kvartal som 2026Q3 eller en månad som 2026-05.</translation>
    </message>
    <message>
        <source>The texts file {file} has an unknown field '{field}' (docs/status-report.md lists them).</source>
        <translation>Textfilen {file} har ett okänt fält '{field}' (fälten står i docs/status-report.md).</translation>
    </message>
    <message>
        <source>Cannot read the texts file {file}: it must be a JSON object in UTF-8 ({problem}).</source>
        <translation>Textfilen {file} går inte att läsa: den måste vara ett JSON-objekt i UTF-8 ({problem}).</translation>
    </message>
    <message>
        <source>In the texts file {file}, '{field}' must be text.</source>
        <translation>I textfilen {file} måste '{field}' vara text.</translation>
    </message>
    <message>
        <source>This installation cannot write the report to edit (.docx): python-docx or lxml is missing.</source>
        <translation>Den här installationen kan inte skriva rapporten att redigera (.docx): python-docx eller lxml saknas.</translation>
    </message>
</context>
<context>
    <name>StudentForm</name>
    <message>
        <source>The student</source>
        <translation>Eleven</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN (may be left empty)</source>
        <translation>ÅÅÅÅMMDD-NNNN (får lämnas tomt)</translation>
    </message>
    <message>
        <source>Protected identity (skyddade personuppgifter)</source>
        <translation>Skyddade personuppgifter</translation>
    </message>
    <message>
        <source>&amp;Link the student to the case</source>
        <translation>&amp;Koppla eleven till ärendet</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Förnamn</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Efternamn</translation>
    </message>
    <message>
        <source>&amp;Identity number</source>
        <translation>&amp;Personnummer</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Åk</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>No network: changes are kept here and sent when the network is back.</source>
        <translation>Inget nätverk: ändringarna sparas här och skickas när nätverket är tillbaka.</translation>
    </message>
    <message>
        <source>The server does not answer right now; trying again soon.</source>
        <translation>Servern svarar inte just nu; försöker igen snart.</translation>
    </message>
    <message>
        <source>The server needs a newer SST Desktop. Ask IT to update it.</source>
        <translation>Servern kräver en nyare SST Desktop. Be IT uppdatera den.</translation>
    </message>
    <message>
        <source>This computer has been disconnected from the server by IT.</source>
        <translation>IT har kopplat bort datorn från servern.</translation>
    </message>
    <message>
        <source>The server did not accept this computer's credentials. Ask IT.</source>
        <translation>Servern godtog inte datorns inloggningsuppgifter. Kontakta IT.</translation>
    </message>
    <message>
        <source>The server address must start with https://.</source>
        <translation>Serverns adress måste börja med https://.</translation>
    </message>
    <message>
        <source>The server could not be verified: its certificate was replaced without notice. Nothing was sent. Contact IT.</source>
        <translation>Servern kunde inte styrkas: dess certifikat har bytts ut utan förvarning. Inget har skickats. Kontakta IT.</translation>
    </message>
    <message>
        <source>The server's certificate is not valid (expired, or issued for another address). Nothing was sent. Contact IT.</source>
        <translation>Serverns certifikat är inte giltigt (för gammalt eller utfärdat för en annan adress). Inget har skickats. Kontakta IT.</translation>
    </message>
    <message>
        <source>The code was issued for someone else. Ask IT for a code in your name.</source>
        <translation>Koden är utfärdad åt någon annan. Be IT om en kod i ditt namn.</translation>
    </message>
    <message>
        <source>The code is wrong, used or more than 24 hours old. Ask IT.</source>
        <translation>Koden är fel, redan använd eller äldre än 24 timmar. Kontakta IT.</translation>
    </message>
    <message>
        <source>Only a new profile without cases can be connected to a server.</source>
        <translation>Bara en ny profil utan ärenden kan anslutas till en server.</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Inte ansluten till någon server.</translation>
    </message>
    <message>
        <source>The server is busy; trying again in a few minutes.</source>
        <translation>Servern är upptagen; försöker igen om några minuter.</translation>
    </message>
    <message>
        <source>Too many failed attempts from this computer; the server asks it to wait. Trying again later.</source>
        <translation>För många misslyckade försök från den här datorn; servern ber den vänta. Försöker igen senare.</translation>
    </message>
    <message>
        <source>Sync failed ({code}); trying again soon.</source>
        <translation>Synkningen misslyckades ({code}); försöker igen snart.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkar…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting.</source>
        <translation>
            <numerusform>%n ändring väntar.</numerusform>
            <numerusform>%n ändringar väntar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>Inte ansluten till någon server</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message numerus="yes">
        <source>Synced %1 · %n change(s) waiting</source>
        <translation>
            <numerusform>Synkad %1 · %n ändring väntar</numerusform>
            <numerusform>Synkad %1 · %n ändringar väntar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n konflikt att lösa</numerusform>
            <numerusform>%n konflikter att lösa</numerusform>
        </translation>
    </message>
    <message>
        <source>everything fetched again (away a long time)</source>
        <translation>allt hämtades på nytt (länge sedan senaste synkningen)</translation>
    </message>
</context>
<context>
    <name>TeamMeetingScreen</name>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Möten</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Skattningar</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Nästa att göra</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Team meeting</source>
        <translation>Teammöte</translation>
    </message>
    <message>
        <source>The meeting's agenda</source>
        <translation>Mötets dagordning</translation>
    </message>
    <message>
        <source>Notes on the selected case</source>
        <translation>Anteckningar om valt ärende</translation>
    </message>
    <message>
        <source>Note for this case from today's meeting</source>
        <translation>Anteckning om ärendet från dagens möte</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>&amp;Lägg till anteckning</translation>
    </message>
    <message>
        <source>Meeting on</source>
        <translation>Möte den</translation>
    </message>
    <message numerus="yes">
        <source>Not shared with your authority: %n record(s) of the week.</source>
        <translation>
            <numerusform>Delas inte med din huvudman: %n uppgift från veckan.</numerusform>
            <numerusform>Delas inte med din huvudman: %n uppgifter från veckan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <source>Today</source>
        <translation>Idag</translation>
    </message>
    <message>
        <source>Only &amp;my cases</source>
        <translation>Bara &amp;mina ärenden</translation>
    </message>
    <message>
        <source>What needs doing today</source>
        <translation>Det som behöver göras idag</translation>
    </message>
    <message>
        <source>Nothing needs doing right now.</source>
        <translation>Inget behöver göras just nu.</translation>
    </message>
    <message>
        <source>%1 items, %2 overdue</source>
        <translation>%1 att göra, %2 försenade</translation>
    </message>
</context>
<context>
    <name>TodayTableModel</name>
    <message>
        <source>Meeting today</source>
        <translation>Möte idag</translation>
    </message>
    <message>
        <source>Daily contact not yet made</source>
        <translation>Daglig kontakt inte tagen än</translation>
    </message>
    <message>
        <source>Review meeting due</source>
        <translation>Dags för uppföljningsmöte</translation>
    </message>
    <message>
        <source>Six-month evaluation due</source>
        <translation>Dags för sexmånadersutvärdering</translation>
    </message>
    <message>
        <source>Continuation decision needed</source>
        <translation>Beslut om fortsatt insats behövs</translation>
    </message>
    <message>
        <source>Past the time limit: reason missing</source>
        <translation>Tidsgränsen passerad: motivering saknas</translation>
    </message>
    <message>
        <source>Plan waiting for signatures</source>
        <translation>Planen väntar på underskrifter</translation>
    </message>
    <message>
        <source>Follow-up after closure due</source>
        <translation>Dags för uppföljning efter avslut</translation>
    </message>
    <message>
        <source>Consent expires soon</source>
        <translation>Samtycket upphör snart</translation>
    </message>
    <message>
        <source>Rating signal</source>
        <translation>Signal från skattning</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
</context>
<context>
    <name>TrialsPanel</name>
    <message>
        <source>Interventions tried during the mapping</source>
        <translation>Insatser som prövats under kartläggningen</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Insats</translation>
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
        <source>The child's response</source>
        <translation>Barnets respons</translation>
    </message>
    <message>
        <source>What was tried</source>
        <translation>Vad som prövades</translation>
    </message>
    <message>
        <source>How the child responded</source>
        <translation>Hur barnet svarade på insatsen</translation>
    </message>
    <message>
        <source>Add the &amp;trial</source>
        <translation>Lägg till &amp;insatsen</translation>
    </message>
    <message>
        <source>Tried</source>
        <translation>Prövad</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Unlock SST Desktop</source>
        <translation>Lås upp SST Desktop</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation>Caps Lock är på.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås upp</translation>
    </message>
    <message>
        <source>Use &amp;recovery code</source>
        <translation>Använd å&amp;terställningskod</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Lösenfras</translation>
    </message>
    <message>
        <source>Use your recovery code</source>
        <translation>Använd din återställningskod</translation>
    </message>
    <message>
        <source>Type the recovery code you stored when the profile was created, then choose a new passphrase. The code keeps working until the key is rotated.</source>
        <translation>Skriv återställningskoden som du sparade när profilen skapades och välj sedan en ny lösenfras. Koden fortsätter att gälla tills nyckeln byts.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Återställningskod</translation>
    </message>
    <message>
        <source>Set new passphrase and &amp;unlock</source>
        <translation>Spara ny lösenfras och lås &amp;upp</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Tillbaka</translation>
    </message>
    <message>
        <source>Recovery &amp;code</source>
        <translation>Återställnings&amp;kod</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n s</source>
        <translation>
            <numerusform>Försök igen om %n s</numerusform>
            <numerusform>Försök igen om %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The e-mail address is not complete.</source>
        <translation>E-postadressen är inte komplett.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Today</source>
        <translation>Idag</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>Requests and applications</source>
        <translation>Förfrågningar och ansökningar</translation>
    </message>
    <message>
        <source>Team meeting</source>
        <translation>Teammöte</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigering</translation>
    </message>
</context>
<context>
    <name>RatingsCsvBar</name>
    <message>
        <source>E&amp;xport ratings (CSV)…</source>
        <translation>E&amp;xportera skattningar (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Import ratings (CSV)…</source>
        <translation>&amp;Importera skattningar (CSV)…</translation>
    </message>
    <message>
        <source>Export ratings</source>
        <translation>Exportera skattningar</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Import ratings</source>
        <translation>Importera skattningar</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s) written to %1.</source>
        <translation>
            <numerusform>%n skattning skrevs till %1.</numerusform><numerusform>%n skattningar skrevs till %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n form(s) the file cannot hold were left out.</source>
        <translation>
            <numerusform>%n formulär som filen inte rymmer utelämnades.</numerusform><numerusform>%n formulär som filen inte rymmer utelämnades.</numerusform></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kan inte läsa %1: %2</translation>
    </message>
    <message>
        <source>Every rating in the file is already recorded.</source>
        <translation>Alla skattningar i filen finns redan registrerade.</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s) will be added to the case.</source>
        <translation>
            <numerusform>%n skattning läggs till i ärendet.</numerusform><numerusform>%n skattningar läggs till i ärendet.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n are already recorded and are skipped.</source>
        <translation>
            <numerusform>%n finns redan och hoppas över.</numerusform><numerusform>%n finns redan och hoppas över.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s) imported.</source>
        <translation>
            <numerusform>%n skattning importerades.</numerusform><numerusform>%n skattningar importerades.</numerusform></translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Rad %1: %2</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Ingenting importerades.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Goals at the review</source>
        <translation>Målen vid uppföljningen</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Not reviewed now</source>
        <translation>Följs inte upp nu</translation>
    </message>
    <message>
        <source>&amp;Reviewed on</source>
        <translation>&amp;Följdes upp den</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>Yta för underskrift</translation>
    </message>
    <message>
        <source>Sign here with the mouse, a finger or a pen.</source>
        <translation>Skriv under här med musen, fingret eller en penna.</translation>
    </message>
</context>
<context>
    <name>SignerDialog</name>
    <message>
        <source>Signed on paper</source>
        <translation>Undertecknad på papper</translation>
    </message>
    <message>
        <source>Sign on screen</source>
        <translation>Skriv under på skärmen</translation>
    </message>
    <message>
        <source>Declined to sign</source>
        <translation>Avböjde att skriva under</translation>
    </message>
    <message>
        <source>The signer's name</source>
        <translation>Undertecknarens namn</translation>
    </message>
    <message>
        <source>Why they declined</source>
        <translation>Varför de avböjde</translation>
    </message>
    <message>
        <source>&amp;Signs as</source>
        <translation>&amp;Skriver under som</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>&amp;Date on the paper</source>
        <translation>&amp;Datum på pappret</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Skäl</translation>
    </message>
    <message>
        <source>Next you choose a PIN and hand the computer over: the signer sees the plan and signs on the screen.</source>
        <translation>Sedan väljer du en pinkod och lämnar över datorn: undertecknaren ser planen och skriver under på skärmen.</translation>
    </message>
</context>
</TS>

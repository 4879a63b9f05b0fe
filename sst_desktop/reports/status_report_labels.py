"""Every Swedish text of the status report, in one place (configuration as data): the goals in
the programme's own words (000:L141-173), headings, and for each figure the one line that says
what it counts, so a reader can check it against the records."""

from __future__ import annotations

from collections.abc import Mapping

TITLE = "Lägesrapport"
PERIOD = "Period"
TEAM = "Team"
PRINTED = "Framtagen"
PAGE = "Sida {page} ({pages})"
FIGURE, VALUE, COUNTS = "Uppgift", "Värde", "Vad som räknas"
COMMENT = "Kommentar"
OF = "{part} av {whole}"
HIDDEN_STATISTIC = "visas inte"
NOT_APPLICABLE = "–"
TOTAL = "Totalt"
COUNT = "Antal"

ABOUT = (
    "Siffrorna gäller teamets insatser och bygger på det som är registrerat i SST Desktop. "
    "En insats räknas från startdatum till avslutsdatum. {suppression}Rapporten innehåller "
    "inga namn, personnummer eller ärendenummer."
)
SUPPRESSION = (
    "Antal från 1 till {low} visas som <{threshold}, och '..' döljer ett tal som annars kan "
    "räknas fram ur de andra; medelvärden och medianer visas bara när de bygger på minst "
    "{threshold} ärenden. "
)


def about(threshold: int) -> str:
    """How to read the figures, with the organisation's small-cell threshold."""
    hidden = SUPPRESSION.format(low=threshold - 1, threshold=threshold) if threshold > 1 else ""
    return ABOUT.format(suppression=hidden)


WITHHELD = (
    "{count} {records} ur poster som du inte får läsa (den andra myndighetens, utan samtycke i "
    "kraft) ingår inte i siffrorna."
)


def withheld(count: int) -> str:
    return WITHHELD.format(count=count, records="uppgift" if count == 1 else "uppgifter")


OVERVIEW = "Översikt"
CHART_CAPTION = (
    "Ärenden per läge vid varje månads slut, de tolv månaderna fram till periodens slut "
    "(perioden markerad). Väntar på beslut: förfrågan eller ansökan inkommen, utredd eller "
    "antagen; beslutad: beslut fattat men insatsen inte startad; pågående: startad och inte "
    "avslutad. Läget är ärendets senaste statusändring den dagen."
)
CHART_GROUPS = ("Väntar på beslut", "Beslutad, ej startad", "Pågående insats")
CHART_AXIS = "Antal ärenden"
PERIOD_IN_CHART = "Perioden"
CHART_MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")

REFERRED = (
    "Inkomna förfrågningar och ansökningar",
    "Ärenden som öppnades under perioden (uppdragsförfrågan i SST, ansökan i SST plus).",
)
DECIDED = (
    "Beslutade",
    "Ärenden som fick status beslutad under perioden (SST: förfrågan antagen; SST plus: "
    "båda myndigheternas beslut fattade).",
)
DECLINED = (
    "Avböjda med vägledning till annat stöd",
    "Ärenden som avböjdes under perioden; appen tillåter inget avböjande utan registrerad "
    "vägledning.",
)
STARTED = ("Startade insatser", "Insatser med startdatum under perioden.")
ACTIVE = (
    "Pågående vid periodens slut",
    "Startade insatser som inte var avslutade på periodens sista dag.",
)
ACTIVE_IN_PERIOD = (
    "Insatser under perioden",
    "Startade insatser som pågick någon dag under perioden.",
)
FOLLOW_UPS_DONE = (
    "Uppföljningar efter avslut, gjorda",
    "Uppföljningar (till exempel 3 och 6 månader efter avslut) som registrerades "
    "som gjorda under perioden.",
)
FOLLOW_UPS_OVERDUE = (
    "Uppföljningar efter avslut, försenade",
    "Uppföljningar med förfallodag före periodens slut som inte var gjorda den dagen.",
)
CLOSED_CAPTION = "Avslutade insatser efter orsak"
CLOSED_COUNTS = (
    "Startade insatser med avslutsdatum under perioden, efter orsaken i avslutet. Återtagna och "
    "överlämnade insatser har inget avslut med orsak."
)
REASON = "Orsak"
CLOSED_WITHOUT_CLOSURE: Mapping[str, str] = {
    "withdrawn": "Återtagen (avbruten)",
    "handed_over": "Överlämnad",
    "unknown": "Utan registrerat avslut",
    "no_access": "Orsaken kan du inte läsa",
}

IMPACT_GOALS = (
    "Eleverna som har tagit del av insatsen deltar i högre grad i undervisningen.",
    "Eleverna som har tagit del av insatsen har i större utsträckning uppnått godtagbara "
    "kunskaper/betyg.",
    "Eleverna som har tagit del av insatsen upplever en förbättrad psykisk hälsa.",
    "Förbättrad samverkan kring skolfrånvaro mellan skola, socialtjänst och hälso- och sjukvård.",
)
PROJECT_GOALS = (
    "Eleverna som tar del av insatsen har erbjudits daglig kontakt med en medarbetare inom SST "
    "plus-teamet.",
    "Eleverna som tar del av insatsen känner sig saknade inom/av skolan.",
    "Eleverna som tar del av insatsen har erbjudits adekvat hjälp från både skola, socialtjänst "
    "och hälso-sjukvård.",
    "Frånvarande elever som inte är rätt målgrupp för SST plus har fått vägledning till annat "
    "adekvat stöd.",
)
IMPACT_HEADING = "Effektmål {number}: {name}"
PROJECT_HEADING = "Projektmål {number}: {name}"
IMPACT_NAMES = (
    "Deltagande i undervisningen",
    "Godtagbara kunskaper och betyg",
    "Psykisk hälsa",
    "Samverkan",
)
PROJECT_NAMES = (
    "Daglig kontakt",
    "Saknad av skolan",
    "Adekvat hjälp",
    "Vägledning till annat stöd",
)

# Impact goal 1
PARTICIPATION_CAPTION = "Deltagande i undervisningen, från första till senaste bedömning"
PARTICIPATION_COUNTS = (
    "Insatser avslutade under perioden: skolans bedömning av deltagandet (fem nivåer, från "
    "deltar inte till deltar fullt ut), den första jämförd med den senaste före avslutet."
)
PARTICIPATION_ROWS: Mapping[str, str] = {
    "rose": "Högre nivå",
    "same": "Samma nivå",
    "fell": "Lägre nivå",
    "too_few": "Färre än två bedömningar",
}
ABSENCE_START = (
    "Frånvaro vid start, median",
    "Senaste frånvaromätning före start (annars förfrågans eller ansökans uppgift), "
    "för avslutade insatser med en mätning både vid start och vid avslut.",
)
ABSENCE_END = (
    "Frånvaro vid avslut, median",
    "Senaste frånvaromätning efter start och senast på avslutsdagen, för samma insatser.",
)
ABSENCE_N = (
    "Insatser med båda mätningarna",
    "Insatser avslutade under perioden med en frånvaromätning vid start och vid avslut.",
)

# Impact goal 2
KNOWLEDGE_CAPTION = "Godtagbara kunskaper"
ELIGIBLE_CAPTION = "Behörighet till gymnasiet"
KNOWLEDGE_COUNTS = (
    "Vid avslut: insatser avslutade under perioden, skolans senaste bedömning före avslutet. "
    "Vid uppföljning: uppföljningar gjorda under perioden."
)
ELIGIBLE_COUNTS = (
    "Som ovan; behörighet bedöms bara i årskurs 9, så för de flesta elever saknas uppgiften."
)
WHEN = "När"
AT_CLOSURE = "Vid avslut"
AT_FOLLOW_UP = "Uppföljning {months} mån"
YES, NO, MISSING = "Ja", "Nej", "Uppgift saknas"

# Impact goal 3
RATING_MEAN = (
    "Förändring i elevens egen skattning, medel",
    "Insatser avslutade under perioden där eleven skattat sitt mående (ORS eller "
    "CORS, 0–40) minst två gånger: senaste minus första totalpoäng, medelvärde.",
)
RATING_N = (
    "Insatser med minst två skattningar (n)",
    "Avslutade under perioden med minst två skattningar av eleven själv.",
)
RATING_TOO_FEW = (
    "Avslutade med färre än två skattningar",
    "Avslutade under perioden där eleven skattat en gång eller inte alls (eller "
    "skattningarna inte kan läsas av dig).",
)
CHANGE_CAPTION = "Tillförlitlig förändring"
CHANGE_COUNTS = (
    "Samma insatser: förändringen från första till senaste skattning mot instrumentets gräns "
    "för tillförlitlig förändring i elevens åldersgrupp. Utan födelsedatum kan den inte "
    "bedömas."
)
CHANGE_ROWS: Mapping[str, str] = {
    "improved": "Tillförlitlig förbättring",
    "none": "Ingen tillförlitlig förändring",
    "worse": "Tillförlitlig försämring",
    "unknown": "Kan inte bedömas",
}

# Impact goal 4
SHARING = (
    "Med samtycke till informationsdelning",
    "Insatser under perioden med ett samtycke till delning mellan skola och socialtjänst "
    "i kraft den sista dag insatsen pågick under perioden.",
)
SIP = (
    "Med SIP under perioden",
    "Insatser under perioden där en samordnad individuell plan (SIP) med regionen hölls under "
    "perioden.",
)

# Project goal 1
DAILY_CAPTION = "Daglig kontakt (SST plus)"
DAILY_COUNTS = (
    "SST plus-insatser under perioden efter det senaste registrerade erbjudandet om daglig "
    "kontakt med en medarbetare i teamet."
)
DAILY_ROWS: Mapping[str, str] = {
    "wanted": "Erbjuden och önskad",
    "not_wanted": "Erbjuden, inte önskad",
    "not_offered": "Inget erbjudande registrerat",
    "no_access": "Erbjudandet kan du inte läsa",
}

# Project goal 2
MISSED_NOTE = (
    "Om eleverna känner sig saknade av skolan mäts i de anonyma enkäterna efter avslut. Svaren "
    "finns inte i SST Desktop och kopplas aldrig till ett ärende: skriv resultatet i "
    "kommentaren."
)

# Project goal 3
HELP_CAPTION = "Beviljade beslut från skola och socialtjänst"
HELP_COUNTS = (
    "Insatser under perioden efter vilka myndigheters beviljade beslut som gällde någon dag "
    "under perioden (skolan: särskilt stöd eller extra anpassningar; socialtjänsten: bistånd "
    "eller fortsatt insats). Beslut du inte får läsa räknas inte."
)
HELP_ROWS: Mapping[str, str] = {
    "both": "Från båda",
    "school": "Endast skolan",
    "social_services": "Endast socialtjänsten",
    "none": "Inget beviljat beslut registrerat",
}
HELP_NOTE = "Hälso- och sjukvårdens del syns i SIP under effektmål 4."

# Project goal 4
GUIDANCE_CAPTION = "Avböjda med vägledning till annat stöd"
GUIDANCE_COUNTS = (
    "Ärenden som avböjdes under perioden, efter program; varje avböjande har en registrerad "
    "vägledning till annat stöd."
)
PROGRAMME = "Program"
PROGRAMMES: Mapping[str, str] = {"sst": "SST (uppdragsförfrågan)", "sst_plus": "SST plus (ansökan)"}
CONSULTATIONS = (
    "Konsultationer",
    "Konsultationer om elever som teamet inte tar emot, hållna under perioden (utan "
    "uppgifter om eleven).",
)

# The free texts
HOW_IT_GOES = "Hur arbetet går"
DEVIATIONS = "Avvikelser"
IMPROVEMENTS = "Förbättringsområden"
ASSESSMENT = "Bedömning"

"""The follow-up file's columns as data: key, Swedish header, meaning and values. The data sheet,
the CSV and the column dictionary are all made from this one table (domain.md, What the
programme reports; 001:L603-611, 000:L240, L310)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sst_desktop.reports import followup_labels as sv


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    meaning: str
    values: str


def _values(table: Iterable[str]) -> str:
    return ", ".join(table) + f", {sv.MISSING}"


_ABSENCE_WHEN = {"start": "vid start", "end": "vid avslut"}
_ABSENCE_RULE = {
    "start": "senaste frånvarouppgift mätt senast startdagen; saknas den, uppdragsförfrågans "
    "eller ansökans uppgift",
    "end": "senaste frånvarouppgift mätt efter startdagen och senast avslutsdagen",
}


def _absence(when: str) -> list[Column]:
    label, rule = _ABSENCE_WHEN[when], _ABSENCE_RULE[when]
    return [
        Column(f"absence_{when}", f"Frånvaro {label} (%)", f"Frånvaro i procent, {rule}.", "0–100"),
        Column(
            f"absence_{when}_measure",
            f"Frånvaro {label}: mått",
            "Vilken frånvaro siffran avser.",
            _values(sv.ABSENCE_MEASURE.values()),
        ),
        Column(
            f"absence_{when}_days",
            f"Frånvaro {label}: period (dagar)",
            "Hur många dagar perioden som mättes omfattar.",
            "antal dagar",
        ),
        Column(
            f"absence_{when}_month",
            f"Frånvaro {label}: periodens slut (månad)",
            "Månaden då mätperioden slutade.",
            "ÅÅÅÅ-MM",
        ),
        Column(
            f"absence_{when}_source",
            f"Frånvaro {label}: källa",
            "Varifrån uppgiften kommer (maskerad om den innehåller namn).",
            "text",
        ),
    ]


def _follow_up(months: int) -> list[Column]:
    when = f"+{months} mån"
    return [
        Column(
            f"follow_up_{months}",
            f"Uppföljning {when}",
            f"Uppföljningen {months} månader efter avslut.",
            ", ".join((*sv.FOLLOW_UP_STATE.values(), sv.NO_ACCESS)),
        ),
        Column(
            f"participation_{months}",
            f"Deltagande i undervisningen {when}",
            f"Elevens deltagande i undervisningen vid uppföljningen {months} månader efter avslut.",
            _values(sv.PARTICIPATION.values()),
        ),
        Column(
            f"knowledge_{months}",
            f"Godtagbara kunskaper {when}",
            f"Om eleven har godtagbara kunskaper/betyg {months} månader efter avslut.",
            _values((sv.YES, sv.NO)),
        ),
    ]


_FREE_TEXT = (
    "Fritext. Ingår bara om exporten gjordes med fritext; namn, adresser, personnummer, "
    "telefonnummer och e-postadresser som profilen känner till är maskerade. Läs igenom före "
    "delning. Annars anges bara om uppgiften är dokumenterad."
)


def _head(by_school: bool) -> list[Column]:
    place = [
        Column("district", "Stadsdel", "Stadsdelen ärendet hör till.", "namn"),
    ]
    if by_school:
        place.append(
            Column(
                "school",
                "Skola",
                "Elevens skola vid aktualiseringen; tom för elev med skyddade personuppgifter.",
                "namn",
            )
        )
    return [
        Column(
            "individual",
            "Individ",
            "Pseudonym för eleven. Gäller bara i denna fil: samma elev får en annan pseudonym i "
            "nästa export. En återaktualiserad elev har flera rader med samma pseudonym.",
            "P0001, P0002 …",
        ),
        Column(
            "episode",
            "Insats nr",
            "Elevens insatsomgångar i filen i tidsordning (2 = återaktualiserad).",
            "1, 2 …",
        ),
        Column("programme", "Program", "Programmet när exporten gjordes.", "SST, SST plus"),
        Column(
            "stepped",
            "Programbyte",
            "Om ärendet har bytt program (SST ↔ SST plus) under insatsen.",
            "ja, nej",
        ),
        Column(
            "status",
            "Status",
            "Ärendets läge när exporten gjordes.",
            ", ".join(sv.STATUS.values()),
        ),
        Column("gender", "Kön", "Elevens kön (001:L243).", _values(sv.GENDER.values())),
        Column(
            "school_year", "Årskurs", "Årskurs vid aktualiseringen (F = förskoleklass).", "F, 1–9"
        ),
        Column(
            "age_band",
            "Åldersgrupp",
            "Ålder vid insatsens start, i grupper (exakt ålder lämnas inte ut).",
            "under 10 år, 10–12 år, 13–15 år, 16 år eller äldre",
        ),
        *place,
        Column("opened", "Aktualiserad (månad)", "Månad då ärendet aktualiserades.", "ÅÅÅÅ-MM"),
        Column("started", "Start (månad)", "Månad då insatsen startade.", "ÅÅÅÅ-MM"),
        Column(
            "closed", "Avslut (månad)", "Månad då ärendet avslutades; tom om pågående.", "ÅÅÅÅ-MM"
        ),
        Column(
            "weeks",
            "Insatsens längd (veckor)",
            "Hela veckor från start till avslut, eller till exportdagen om insatsen pågår.",
            "antal veckor",
        ),
    ]


def _middle() -> list[Column]:
    return [
        Column("causes_student", "Orsaker enligt eleven", _FREE_TEXT, "text"),
        Column("causes_guardian", "Orsaker enligt vårdnadshavare", _FREE_TEXT, "text"),
        Column("causes_other", "Orsaker enligt ansökan och kartläggning", _FREE_TEXT, "text"),
        Column(
            "interventions",
            "Insatser",
            "Insatser ur verktygslådan i planen (undertecknade revisioner), och antal insatser "
            "med egen text.",
            "insatser åtskilda med semikolon",
        ),
        Column(
            "contacts", "Kontakter (antal)", "Genomförda kontakter med elev och familj.", "antal"
        ),
        Column(
            "contact_hours", "Kontakttid (timmar)", "Summa tid för genomförda kontakter.", "timmar"
        ),
        Column("home_visits", "Hembesök (antal)", "Genomförda hembesök.", "antal"),
        Column("meetings", "Möten (antal)", "Genomförda möten i ärendet.", "antal"),
        Column(
            "daily_contact",
            "Daglig kontakt",
            "SST plus: om daglig kontakt erbjöds och om eleven ville ha den (000:L389).",
            ", ".join(sv.DAILY_CONTACT.values()),
        ),
        Column(
            "goals",
            "Mål i planen (antal)",
            "Mål i planens senaste undertecknade revision.",
            "antal",
        ),
        Column(
            "result",
            "Resultat/avslutsorsak",
            "Varför insatsen avslutades; tom om pågående.",
            ", ".join((*sv.CLOSURE_REASON.values(), sv.NO_ACCESS)),
        ),
        Column(
            "goals_met",
            "Planens mål uppfyllda",
            "Bedömning vid avslut av om planens mål är uppfyllda.",
            ", ".join((*sv.GOALS_MET.values(), sv.NO_ACCESS)),
        ),
        Column(
            "participation_end",
            "Deltagande i undervisningen vid avslut",
            "Senaste bedömning av deltagandet före avslut.",
            _values(sv.PARTICIPATION.values()),
        ),
        Column(
            "knowledge_end",
            "Godtagbara kunskaper vid avslut",
            "Senaste bedömning av kunskaper/betyg före avslut.",
            _values((sv.YES, sv.NO)),
        ),
    ]


def _tail() -> list[Column]:
    return [
        Column(
            "eligible",
            "Behörig till gymnasiet",
            "Senast kända behörighet till gymnasiet (årskurs 9), från betyg eller uppföljning.",
            _values((sv.YES, sv.NO)),
        ),
        Column("view_student", "Elevens syn på insatsen", _FREE_TEXT, "text"),
        Column("view_guardian", "Vårdnadshavares syn på insatsen", _FREE_TEXT, "text"),
        Column(
            "withheld",
            "Uppgifter utan åtkomst (antal)",
            "Poster i ärendet som den som exporterade inte får läsa (den andra huvudmannens "
            "uppgifter utan gällande samtycke); de ingår inte i raden.",
            "antal",
        ),
    ]


def columns(*, by_school: bool, follow_up_months: Iterable[int]) -> list[Column]:
    follow_ups = [c for months in sorted(set(follow_up_months)) for c in _follow_up(months)]
    return [
        *_head(by_school),
        *_absence("start"),
        *_absence("end"),
        *_middle(),
        *follow_ups,
        *_tail(),
    ]

"""Every Swedish text of the case summary, in one table (configuration as data)."""

from __future__ import annotations

from collections.abc import Mapping

from sst_desktop.charts.rating_chart_data import ChartTexts
from sst_desktop.reports import plan_labels

TITLE = "Sammanställning inför uppföljning"
CASE = "Ärende"
STUDENT = "Elev"
PROGRAMME = "Insats"
PERIOD = "Period"
PRINTED = "Utskriven"
NOT_IDENTIFIED = "Ej identifierad"
PAGE = "Sida {page} ({pages})"
PROGRAMMES: Mapping[str, str] = {"sst": "SST", "sst_plus": "SST plus"}

CONTACTS = "Kontakter per månad"
MONTH = "Månad"
TOTAL = "Summa"
NO_CONTACTS = "Inga genomförda kontakter under perioden."
CONTACT_KIND: Mapping[str, str] = {
    "home_visit": "Hembesök",
    "daily_contact": "Daglig kontakt",
    "phone": "Telefon",
    "message": "Meddelande",
    "school_visit": "Skolbesök",
    "other": "Annan",
}

SCHOOL = "Frånvaro och deltagande"
ABSENCE = "Frånvaro"
PARTICIPATION = "Deltagande i undervisningen"
ASSESSED = "Bedömt"
NO_SCHOOL_FIGURES = "Inga uppgifter om frånvaro eller deltagande under perioden."
PARTICIPATION_LEVEL: Mapping[str, str] = {
    "not_attending": "Deltar inte",
    "approaching_school": "Närmar sig skolan",
    "partial": "Några lektioner",
    "most_lessons": "De flesta lektioner",
    "full": "Fullt deltagande",
}

RATINGS = "Skattningar"
RESPONDENT = "Skattad av"
FORM = "Formulär"
SESSIONS = "Antal"
FIRST = "Första"
LATEST = "Senaste"
CHANGE = "Förändring"
NO_RATINGS = "Inga skattningar ännu."
CHANGES: Mapping[str, str] = {
    "none": "Ingen tillförlitlig förändring",
    "reliable_improvement": "Tillförlitlig förbättring",
    "clinically_significant_improvement": "Kliniskt signifikant förbättring",
    "reliable_deterioration": "Tillförlitlig försämring",
}
RESPONDENTS: Mapping[str, str] = {"self": "Eleven", "parent": "Vårdnadshavare", "teacher": "Lärare"}
CHART = ChartTexts(
    outcome_axis="Mående (ORS)",
    session_axis="Samtalet (SRS)",
    school_axis="Frånvaro %",
    cutoff="Gränsvärde",
    reliable_change="Tillförlitlig förändring",
    no_ratings="Inga skattningar ännu",
    paper="pappersformulär",
    participation="Deltagande",
    session_number="Session {number}",
    total="Summa",
    decimal_separator=",",
    months=("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
)

GOALS = "Planens mål"
PLAN_REVISION = "{plan}, revision {number}"
PLAN_KIND = plan_labels.KIND
PERSPECTIVE = "Perspektiv"
PERSPECTIVES: Mapping[str, str] = {
    "individual": "Individuellt",
    "school": "Pedagogiskt",
    "social": "Socialt",
}
GOAL = "Mål"
CRITERION = "Mätbart kriterium"
TARGET = "Måldatum"
STATUS = "Status vid uppföljning"
GOAL_STATUS: Mapping[str, str] = {
    "met": "Uppnått",
    "partly": "Delvis uppnått",
    "not_yet": "Inte uppnått ännu",
}
NOT_REVIEWED = "Inte följt upp"
NO_PLAN = "Ärendet har ingen plan."


def label(table: Mapping[str, str], key: str | None) -> str:
    return table.get(key or "", key or "–")

"""Every Swedish text a printed plan shows, in one table (configuration as data). A plan in
another language will come from a translated template the organisation supplies."""

from __future__ import annotations

from collections.abc import Mapping

KIND: Mapping[str, str] = {
    "action_plan": "Handlingsplan",
    "implementation_plan": "Genomförandeplan",
}
MAINTENANCE_TITLE = "Påminnelseplan"
PERSPECTIVE: Mapping[str, str] = {
    "individual": "Individuellt perspektiv",
    "school": "Pedagogiskt och skolrelaterat perspektiv",
    "social": "Socialt perspektiv",
}
SETTING: Mapping[str, str] = {"home": "Hemma", "school": "I skolan", "other": "På annan plats"}
SIGNER: Mapping[str, str] = {
    "student": "Elev",
    "guardian": "Vårdnadshavare",
    "school": "Skolan",
    "social_services": "Socialtjänsten",
}
STATUS: Mapping[str, str] = {
    "draft": "utkast",
    "awaiting_signatures": "för underskrift",
    "signed": "fastställd",
    "superseded": "ersatt av en senare revision",
}
COPY_TO: Mapping[str, str] = {
    "family": "Eleven och vårdnadshavare",
    "school_social_worker": "Skolsocionom",
    "school_counsellor": "Skolkurator",
    "case_officer": "Handläggande socialsekreterare",
    "school": "Skolan",
}
SIGNED_ON: Mapping[str, str] = {
    "paper": "Undertecknad på papper {day}",
    "screen": "Undertecknad på skärm {day}",
    "declined": "Avböjde att skriva under {day}",
}

STUDENT = "Elev"
CASE = "Ärende"
REVISION = "Revision"
REVISION_DATE = "Datum"
PRINTED = "Utskriven"
NEXT_REVIEW = "Nästa uppföljning"
OVERALL_AIMS = "Övergripande mål"
NO_AIMS = "Inga övergripande mål är skrivna."
GOALS = "Mål och delmål"
NO_GOALS = "Inga mål är skrivna."
GOAL_COLUMNS = ("Nr", "Mål", "Kriterium (så vet vi att målet är nått)", "Måldatum")
SUB_GOAL = "Delmål"
INTERVENTIONS = "Insatser"
OTHER_INTERVENTIONS = "Insatser utan kopplat mål"
INTERVENTION_COLUMNS = ("Mål", "Insats", "Vem gör", "För vem", "Var", "Hur ofta, när")
SIGNATURES = "Underskrifter"
SIGNING_NOTE = (
    "Med min underskrift bekräftar jag att jag har tagit del av revision {revision} av planen "
    "(kontrollsumma {fingerprint}) och är med på den."
)
SIGNATURE_LINE = "Underskrift"
NAME_LINE = "Namnförtydligande"
DATE_LINE = "Datum"
COPIES = "Kopia till"
FINGERPRINT = "Kontrollsumma"
PAGE = "Sida {page} ({pages})"
NOT_IDENTIFIED = "Ej angiven"


def label(table: Mapping[str, str], code: str | None) -> str:
    """The Swedish text of ``code``; an unknown code is shown as it is rather than lost."""
    if code is None:
        return ""
    return table.get(code, code)

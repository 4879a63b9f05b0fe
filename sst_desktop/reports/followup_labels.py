"""The follow-up file's Swedish vocabulary, one table per code (configuration as data).

The file is a contract with whoever reads it (the programme's leaders, an evaluator), so its
words live here rather than in the window's translations: a change of wording on screen does not
silently change what a year-on-year comparison counts. A test checks every enum member has one.
"""

from __future__ import annotations

from collections.abc import Mapping

MISSING = "uppgift saknas"
NO_ACCESS = "ingen åtkomst"  # the record exists, the one exporting may not read it
YES, NO = "ja", "nej"

PROGRAMME: Mapping[str, str] = {"sst": "SST", "sst_plus": "SST plus"}
GENDER: Mapping[str, str] = {"girl": "flicka", "boy": "pojke", "other": "annan könsidentitet"}
STATUS: Mapping[str, str] = {
    "requested": "förfrågan inkommen",
    "decided": "beslutad",
    "information_meeting": "informationsmöte",
    "started": "startad",
    "active": "pågående",
    "closing": "avslutas",
    "closed": "avslutad",
    "applied": "ansökan inkommen",
    "assessed": "utredd",
    "admitted": "antagen",
    "mapping": "kartläggning",
    "six_month_evaluation": "sexmånadersutvärdering",
    "followed_up": "avslutad och uppföljd",
    "declined": "avböjd",
    "withdrawn": "avbruten",
    "handed_over": "överlämnad",
}
CLOSURE_REASON: Mapping[str, str] = {
    "goals_met": "målen uppnådda",
    "cannot_carry_out": "insatsen kan inte genomföras enligt plan",
    "ended_early": "familjen avslutade i förtid",
    "other_support_needed": "annat stöd behövs",
    "moved": "flyttat",
    "other": "annan orsak",
}
GOALS_MET: Mapping[str, str] = {"yes": "ja", "partly": "delvis", "no": "nej"}
PARTICIPATION: Mapping[str, str] = {
    "not_attending": "deltar inte",
    "approaching_school": "närmar sig skolan",
    "partial": "deltar i vissa lektioner",
    "most_lessons": "deltar i de flesta lektioner",
    "full": "deltar fullt ut",
}
ABSENCE_MEASURE: Mapping[str, str] = {
    "total": "total frånvaro",
    "authorised": "giltig frånvaro",
    "unauthorised": "ogiltig frånvaro",
}
FOLLOW_UP_STATE: Mapping[str, str] = {
    "done": "gjord",
    "waiting": "ej förfallen",
    "overdue": "försenad",
    "none": "ej planerad",
}
DAILY_CONTACT: Mapping[str, str] = {
    "wanted": "erbjuden och önskad",
    "not_wanted": "erbjuden, ej önskad",
    "not_offered": "ej erbjuden",
}
# Absence figures that came with the referral, not from an absence record.
REFERRAL_ABSENCE_SOURCE = "uppdragsförfrågan (skolans uppgift, senaste två månaderna)"
APPLICATION_ABSENCE_SOURCE = "ansökan (period ej angiven)"
RECORDED = "dokumenterad (fritext ingår inte i denna export)"
OTHER_INTERVENTIONS = "övriga insatser med egen text: {count}"


def label(table: Mapping[str, str], code: str | None) -> str:
    """The Swedish word for ``code``; an unknown code shows as itself rather than vanishing."""
    if code is None:
        return MISSING
    return table.get(str(code), str(code))


def yes_no(value: bool | None) -> str:
    return MISSING if value is None else (YES if value else NO)


def school_year(year: int | None) -> str:
    if year is None:
        return MISSING
    return "F" if year == 0 else str(year)

"""The report's sections, each a piece of HTML built from the tables: what to show, in which
columns, and what to say when there is nothing to show. The report notebook only displays them."""

from __future__ import annotations

from dossier.report import figures
from dossier.report.data import ReportData
from dossier.report.fragments import LIMITS, METHOD, note, statements_by_speaker, table


def actors(data: ReportData) -> str:
    df = data["actors"]
    chart = figures.actors_chart(df) if not df.empty else ""
    return chart + table(df, [("name", "Actor", 22), ("type", "Type", 15), ("role", "Role", 18),
                              ("country", "Country", 13), ("mentions", "Mentions", 12),
                              ("aliases", "Also written", 20)], "No actors were found.",
                         optional=("role", "country", "aliases"))


def pledges(data: ReportData) -> str:
    return table(data["pledges"], [("actor", "Actor", 16), ("category", "Issue", 13), ("status", "Status", 12),
                                   ("quantity", "Amount", 13), ("deadline", "By", 8), ("evidence", "Evidence", 45)],
                 "No pledges were found in this article.", optional=("quantity", "deadline"))


def statements(data: ReportData, show_claims: bool = False) -> str:
    return statements_by_speaker(data["statements"], show_claims)


def quotes(data: ReportData) -> str:
    return table(data["quotes"], [("quote", "Quote", 62), ("speaker", "Speaker", 22), ("how", "Found by", 16)],
                 "The article quotes nobody directly.")


def precedents(data: ReportData) -> str:
    return table(data["precedents"], [("name", "Precedent", 24), ("year", "Year", 8),
                                      ("invoked_as", "Invoked as", 14), ("evidence", "Evidence", 54)],
                 "The article invokes no historical precedent.")


def timeline(data: ReportData) -> str:
    df = data["timeline"]
    chart = figures.timeline_chart(df, data.article.published) if not df.empty else ""
    unresolved = df[[figures.parse_date(d) is None for d in df["date"]]] if not df.empty else df
    rest = ""
    if not unresolved.empty:
        rest = "<h3>Not placed on the calendar</h3>" + table(
            unresolved, [("expression", "As written", 24), ("evidence", "Sentence", 76)], "")
    return (chart + rest) if (chart or rest) else note("No dated events were found.")


def method() -> str:
    return note(METHOD) + note(LIMITS)

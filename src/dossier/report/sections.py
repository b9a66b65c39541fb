"""The report's sections, each a piece of HTML built from the tables: what to show, in which
columns, and what to say when there is nothing to show. The report notebook only displays them."""

from __future__ import annotations

from dossier.report import figures
from dossier.report.data import ReportData
from dossier.report.fragments import LIMITS, METHOD, note, table


def actors(data: ReportData) -> str:
    df = data["actors"]
    chart = figures.actors_chart(df) if not df.empty else ""
    return chart + table(df, [("name", "Actor", 24), ("type", "Type", 12), ("role", "Role", 17),
                              ("country", "Country", 15), ("mentions", "Mentions", 9),
                              ("aliases", "Also written", 23)], "No actors were found.")


def pledges(data: ReportData) -> str:
    df = data["pledges"]
    matrix = figures.pledge_matrix(df) if not df.empty else ""
    return matrix + table(df, [("actor", "Actor", 17), ("category", "Category", 13), ("status", "Status", 12),
                               ("quantity", "Amount", 10), ("evidence", "Evidence", 48)],
                          "No pledges were found in this article.")


def statements(data: ReportData) -> str:
    return table(data["statements"], [("speaker", "Speaker", 18), ("kind", "Kind", 12), ("target", "Aimed at", 14),
                                       ("evidence", "Evidence", 56)],
                 "No threats, warnings, rejections, accusations, endorsements, demands or claims were found.")


def quotes(data: ReportData) -> str:
    return table(data["quotes"], [("quote", "Quote", 44), ("speaker", "Speaker", 20), ("evidence", "Sentence", 36)],
                 "The article quotes nobody directly.")


def precedents(data: ReportData) -> str:
    return table(data["precedents"], [("name", "Precedent", 22), ("year", "Year", 8), ("invoked_as", "Invoked as", 12),
                                      ("evidence", "Evidence", 58)], "The article invokes no historical precedent.")


def timeline(data: ReportData) -> str:
    df = data["timeline"]
    chart = figures.timeline_chart(df) if (df["date"] != "").any() else ""
    return chart + table(df, [("date", "Date", 12), ("expression", "As written", 16), ("actor", "Actor", 16),
                              ("evidence", "Sentence", 56)], "No dated events were found.")


def method() -> str:
    return note(METHOD) + note(LIMITS)

"""Stage 4b: dated events, with time expressions normalised against the publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dossier.actors.model import ActorIndex
from dossier.grammar import actors_of, clause_subject
from dossier.schema import TimelineEvent

if TYPE_CHECKING:
    from dossier.nlp import ParsedArticle

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
_FUTURE = re.compile(r"\b(will|shall|next|upcoming|scheduled|due to|expected to|plans? to)\b", re.I)
_ANCHORABLE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
                         r"tomorrow|tonight|last|next|this|ago|" + "|".join(MONTHS) + r")\b", re.I)
_DURATION = re.compile(
    r"\b(for|over|more than|nearly|almost|about|some|several|decades|years of|hours|minutes)\b", re.I)



def _month_shift(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


def normalise(expression: str, published: date | None, future: bool) -> tuple[str, str]:
    """(ISO date prefix, precision) for a time expression; ("", "unresolved") when it has no anchor."""
    text = expression.lower().strip()
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    month = next((i for i, m in enumerate(MONTHS, 1) if re.search(rf"\b{m}\b", text)), None)
    day_num = re.search(r"\b([12]?\d|3[01])(?:st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", text))
    if month and year:
        if day_num:
            try:
                return date(int(year.group(1)), month, int(day_num.group(1))).isoformat(), "day"
            except ValueError:
                pass
        return f"{year.group(1)}-{month:02d}", "month"
    if year and not re.search(r"\b(years|decades)\b", text):
        return year.group(1), "year"
    if published is None:
        return "", "unresolved"
    if month:
        y = published.year + (1 if future and month < published.month else 0) - (
            1 if not future and month > published.month else 0)
        if day_num:
            try:
                return date(y, month, int(day_num.group(1))).isoformat(), "day"
            except ValueError:
                pass
        return f"{y}-{month:02d}", "month"
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            delta = (published.weekday() - i) % 7
            if future and delta:
                return (published + timedelta(days=7 - delta)).isoformat(), "day"
            return (published - timedelta(days=delta)).isoformat(), "day"
    simple = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    for word, shift in simple.items():
        if re.search(rf"\b{word}\b", text):
            return (published + timedelta(days=shift)).isoformat(), "day"
    rel = re.search(r"\b(last|next|this|past|coming)\s+(week|month|year)\b", text)
    if rel:
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[rel.group(1)]
        unit = rel.group(2)
        if unit == "week":
            return (published + timedelta(weeks=step)).isoformat(), "week"
        if unit == "month":
            shifted = _month_shift(published, step)
            return f"{shifted.year}-{shifted.month:02d}", "month"
        return str(published.year + step), "year"
    ago = re.search(r"\b(\w+)\s+(day|week|month|year)s?\s+ago\b", text)
    if ago:
        words = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
        n = int(ago.group(1)) if ago.group(1).isdigit() else words.get(ago.group(1))
        if n:
            unit = ago.group(2)
            if unit == "year":
                return str(published.year - n), "year"
            if unit == "month":
                shifted = _month_shift(published, -n)
                return f"{shifted.year}-{shifted.month:02d}", "month"
            days = n * (7 if unit == "week" else 1)
            return (published - timedelta(days=days)).isoformat(), "day"
    return "", "unresolved"


def extract_timeline(parsed: ParsedArticle, index: ActorIndex) -> list[TimelineEvent]:
    published = date.fromisoformat(parsed.article.published) if parsed.article.published else None
    out: list[TimelineEvent] = []
    for sent in parsed.body:
        for ent in sent.span.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            expression = ent.text
            before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if (_DURATION.search(expression) and not re.search(r"\bago\b", expression)) or before in ("for", "over"):
                continue
            relation = before if before in ("by", "since", "before", "after", "until") else "on"
            future = relation in ("by", "until") or bool(_FUTURE.search(sent.text))
            iso, precision = normalise(expression, published, future)
            if precision == "unresolved" and not _ANCHORABLE.search(expression):
                continue  # "years", "just one day": durations, not dates
            root = sent.span.root
            actors = actors_of(clause_subject(root), parsed, index)
            start = parsed.offset(ent)
            out.append(TimelineEvent(
                date=iso, precision=precision, expression=expression, relation=relation,
                actor=actors[0].actor if actors else "", evidence=sent.text,
                sentence_id=sent.index, start=start, end=start + len(expression),
            ))
    return sorted(out, key=lambda e: (e.date or "9999", e.start))

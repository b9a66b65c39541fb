"""Links from a finding to the sentence it came from, and the words of that sentence.

Every sentence of the annotated article carries the anchor `s-<sentence_id>`, so any row of
any table can point at its evidence with `#s-<sentence_id>`, in the HTML and in the PDF.
"""

from __future__ import annotations

import html
import re

_LONG_RUN = re.compile(r"[^\s\u200b]{40,}")


def esc(text: object) -> str:
    """Escaped for HTML. A run of 40 or more characters without a space (a URL, a hash, a hostile
    3,000-letter word) gets invisible break opportunities, so it wraps in every renderer and in
    table cells, where CSS word breaking is not honoured everywhere."""
    spaced = _LONG_RUN.sub(lambda m: "\u200b".join(m.group(0)[i:i + 20] for i in range(0, len(m.group(0)), 20)),
                           str(text))
    return html.escape(spaced)


def anchor_id(sentence_id: object) -> str:
    return f"s-{int(sentence_id)}"


def link(text_html: str, sentence_id: object, evidence: str = "") -> str:
    """`text_html` (already escaped) as a link to its evidence sentence; the sentence as its tooltip."""
    title = f' title="{esc(evidence)}"' if evidence else ""
    return f'<a class="ev" href="#{anchor_id(sentence_id)}"{title}>{text_html}</a>'


def verb_lemma_candidates(verb: str) -> list[str]:
    """Possible dictionary forms of an inflected verb ("dismissed" -> dismiss, "warns" -> warn)."""
    word = verb.lower().split()[0] if verb.strip() else ""
    out = [word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("d", ""),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    if len(word) > 4 and word[-3] == word[-4] and word.endswith("ed"):  # "stopped" -> "stop"
        out.append(word[:-3])
    return out


def after_verb(evidence: str, verb: str) -> str:
    """What the sentence says from its verb on ("declared that ..."), or "" when the verb is not
    found or nothing of substance follows it (a quote that ends in ", Putin said")."""
    if not verb.strip():
        return ""
    found = re.search(rf"\b{re.escape(verb.split()[0])}\b", evidence)
    if not found:
        return ""
    rest = evidence[found.start():].strip().rstrip(".").strip()
    if rest.endswith(("”", '"')) and rest[:-1].endswith("."):
        rest = rest[:-2] + rest[-1]  # ...“practically impossible.” -> ...“practically impossible”
    if len(rest.split()) < 4:
        return ""
    return rest


def amount_and_deadline(row: dict) -> str:
    """"500 troops, by 2027": what a pledge row says of how much and by when, or ""."""
    def text(value: object) -> str:
        return "" if value is None or str(value) in ("nan", "<NA>", "None") else str(value).strip()

    deadline = text(row.get("deadline"))
    return ", ".join(b for b in (text(row.get("quantity")), f"by {deadline}" if deadline else "") if b)

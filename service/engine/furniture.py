"""Page furniture: the parts of a news page that are not the article's
content. A CMS sends link lines ("READ MORE: ...", "Related: ..."),
advertising breaks, photo captions and credits, bylines, contact lines,
datelines and a market roundup's section labels with the story; nobody
speaks in them. ``find`` returns them as spans of ``Document.text`` (the
text itself is unchanged, offsets stay sacred); quotation and claim
finding set them aside.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import words
from .model import Span

if TYPE_CHECKING:  # a document finds its own furniture (Document.furniture)
    from .document import Document

# a link line: "READ MORE: ...", "WATCH: ...", "Related: ...", "SEE ALSO ..."
_LINK = re.compile(
    r"(?:READ MORE|MORE|READ|WATCH|LISTEN|RELATED|Related|SEE ALSO|See also|ALSO READ|Also read|"
    r"MORE FROM [A-Z][A-Za-z ]*|Read more|Watch|Listen|Read next|READ NEXT)\b[ \t]*[:|>»-]")
_ADVERT = re.compile(r"(?:Story continues below(?: this)? advertisement|Advertisement|ADVERTISEMENT|"
                     r"Article continues below(?: this)? advertisement)[ \t]*$")
# a credit closing a caption: "(Tom Lake/City News)", "(Getty Images)", "Photo: Ann Hughes/City News",
# "Photo courtesy of the university"
_CREDIT = re.compile(r"(?:\((?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}[ \t]*/[ \t]*[A-Z][\w.'’ -]*|"
                     r"(?:Getty Images|AP Photo|Reuters|AFP|Shutterstock|File photo|File)[\w .'’/-]*)\)|"
                     r"(?:^|(?<=[.!?] ))(?:Photo|Photograph|Picture|Image|Video|Credit)"
                     r"(?:[ \t]*:|[ \t]+courtesy of|[ \t]+by)[ \t]+[A-Z][^\n.]*)\.?[ \t]*$")
_BYLINE = re.compile(r"(?:By|BY|(?:Column|Analysis|Review|Reporting|Words|Text|Interview)[ \t]+by)[ \t]+"
                     r"[A-Z][\w.'’-]*(?:[ \t]+(?:[a-z]{1,3}[ \t]+)?[A-Z][\w.'’-]*){0,3}"
                     r"(?:[ \t]*(?:,|\||--|—)[ \t]*[^\n]*)?(?<![.!?\"”])[ \t]*$")
_BYLINE_MORE = re.compile(r"[A-Z][\w.'’&-]*(?:[ \t]+(?:of|the|and|for|[A-Z][\w.'’&-]*)){0,4}")
_CONTACT = re.compile(r"(?:(?:E-?mail|Email|Contact|Follow)[ \t]*:[^\n]*|"
                      r"[A-Z][^\n]{0,60} can be reached at [^\n]*)$")
# a dateline opening a paragraph: "KESSING BAY -- ", "LONDON (Reuters) - ", "EASTMERE, Feb. 9",
# "OSLO, Dec 3 (Reuters) - "; or a place in lower case with its agency, "Kessing Bay (CNN) "
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,2}"
                       r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t](?:[A-Za-z.]+|\d{1,2}))?)?"
                       r"(?:[ \t]*\([A-Za-z. ]+\))?(?:[ \t]*(?:--|—|–|-)[ \t]*|,[ \t]*[A-Z][a-z]{2,4}\.?[ \t]\d{1,2}[ \t]*$)"
                       r"|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}(?:,[ \t]*[A-Z][a-z]+)?[ \t]*\([A-Z][A-Za-z]{1,9}\)"
                       r"(?:[ \t]*(?:--|—|–|-))?[ \t]+)")
# an editor's note on the form of the piece: "This interview has been edited for length and clarity."
_NOTE = re.compile(r"(?:This|The)[ \t]+(?:interview|conversation|transcript|Q&A|exchange)[ \t]+has[ \t]+been[ \t]+"
                   r"(?:edited|condensed|lightly edited|translated)[^\n]*$")
# a live blog's time stamp standing alone: "23:40", "11:05 a.m.", "10.32am GMT", "Updated 9:15 ET"
_TIMESTAMP = re.compile(r"(?:Updated[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*(?:[ap]\.?m\.?|[AP]M))?"
                        r"(?:[ \t]+[A-Z]{2,4})?[ \t]*$")
# a section label: "ENERGY: Crude fell 40 cents."
_LABEL = re.compile(r"([A-Z][A-Z&]+(?:[ \t][A-Z][A-Z&]+)?)[ \t]*:[ \t]")


@dataclass(frozen=True, slots=True)
class Furniture:
    """One piece of page furniture: ``kind`` is link, advert, caption, byline,
    contact, note, timestamp, dateline or label."""

    span: Span
    kind: str


def find(doc: Document) -> tuple[Furniture, ...]:
    """The document's furniture in text order, one pass over its paragraphs.
    The stages read ``Document.furniture``, found once per document."""
    text = doc.text
    out: list[Furniture] = []
    labels = words("section_labels")
    for para in doc.paragraphs:
        a, b = para.start, para.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            continue
        kind = _whole(text, a, b)
        if kind is not None:
            out.append(Furniture(Span(a, b), kind))
            continue
        if "\n" in text[a:b]:  # a block of lines ("By Ana Ruiz" over "City News"): each line on its own
            lines = list(_lines(text, a, b))
            kinds = [_whole(text, x, y) for x, y in lines]
            for i in range(1, len(kinds)):  # the outlet or desk under a byline: "By Ana Ruiz" over "City News"
                if kinds[i] is None and kinds[i - 1] == "byline" and _BYLINE_MORE.fullmatch(text, *lines[i]):
                    kinds[i] = "byline"
            out.extend(Furniture(Span(x, y), k) for (x, y), k in zip(lines, kinds) if k is not None)
            if kinds[0] is not None:
                continue
        m = _DATELINE.match(text, a, b)
        if m is not None and len(m.group().strip(" \t-—–,")) >= 3 and (m.end() == b or text[m.end()].isupper()
                                                                        or text[m.end()] in "\"“'‘"):
            span = Span(a, m.end())
            if span.end < b:  # the space after a dash is furniture too; the story starts at its first word
                out.append(Furniture(span, "dateline"))
                a = m.end()
            else:
                out.append(Furniture(Span(a, b), "dateline"))
                continue
        m = _LABEL.match(text, a, b)
        if m is not None and m.group(1).lower() in labels:
            out.append(Furniture(Span(a, m.end(1) + 1), "label"))
    return tuple(out)


def _lines(text: str, a: int, b: int):
    """The non-blank lines of ``text[a:b]`` as (start, end) pairs, trimmed."""
    for m in re.finditer(r"[^\n]+", text[a:b]):
        x, y = a + m.start(), a + m.end()
        while x < y and text[x].isspace():
            x += 1
        while y > x and text[y - 1].isspace():
            y -= 1
        if x < y:
            yield x, y


def _whole(text: str, a: int, b: int) -> str | None:
    """The kind of furniture the paragraph ``text[a:b]`` is as a whole, if any."""
    if _LINK.match(text, a, b):
        return "link"
    if _ADVERT.match(text, a, b):
        return "advert"
    if b - a <= 120 and _BYLINE.match(text, a, b):
        return "byline"
    if _CONTACT.match(text, a, b):
        return "contact"
    if _NOTE.match(text, a, b):
        return "note"
    if _TIMESTAMP.match(text, a, b):
        return "timestamp"
    if b - a <= 400 and _may_credit(text, a, b) and _CREDIT.search(text, a, b):
        return "caption"
    return None


_CREDIT_WORDS = (")", "Photo", "Picture", "Image", "Video", "Credit")


def _may_credit(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` hold what every ``_CREDIT`` match holds (its closing
    parenthesis, or a word that opens a credit)? Found by ``str.find``: the
    pattern, tried at every character, is left for the few paragraphs that do."""
    return any(text.find(w, a, b) >= 0 for w in _CREDIT_WORDS)


def inside(spans: tuple[Furniture, ...], span: Span) -> bool:
    """Does ``span`` start inside furniture that is not a dateline or label (those only open a paragraph)?"""
    return any(f.span.start <= span.start < f.span.end for f in spans if f.kind not in ("dateline", "label"))

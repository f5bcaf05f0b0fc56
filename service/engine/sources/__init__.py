"""Sources as entities: merging speaker mentions, type, descriptor, anonymity reason.

``resolve_sources`` walks the speaker mentions in text order. Each mention is
read on its own (``mentions.analyse``, typed by the named rules of
``types``), then resolved against what the article said before it
(``resolve``) into one entity per source; ``descriptors`` finds what the
article says about each. Mentions of one entity make one ``Source`` typed
per ``shared/design/SOURCE_TYPES.md``.

Modules, each built on the ones before: ``reading`` (a phrase's words),
``types``, ``mentions``, ``geometry`` (sentences, quoted stretches),
``titles``, ``names`` (the article's names, scanned once), ``descriptors``,
``resolve``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .. import deadline
from ..document import Document
from ..model import Mention, Quote, Source
from .descriptors import Anchors, anonymity_reason, descriptor
from .geometry import Geometry
from .mentions import analyse
from .names import scan
from .resolve import Entity, Registry, _resolve
from .titles import roles
from .types import source_type

__all__ = ["resolve_sources"]


def resolve_sources(doc: Document, quotes: list[Quote], *,
                    house_titles: Iterable[str] = ()) -> tuple[list[Quote], list[Source]]:
    """Group speaker mentions into sources; return quotes with ``source_id``
    and the sources, numbered s1, s2, ... in order of their first quote.
    A quote without a speaker stays unattributed (no source)."""
    house = frozenset(house_titles)
    geo = Geometry(doc, quotes)
    art = Registry(geo, scan(geo, house), house)
    anchors = Anchors(geo)
    text = doc.text
    spoken: list[tuple[int, Mention]] = [(i, q.speaker) for i, q in enumerate(quotes) if q.speaker is not None]
    spoken.sort(key=lambda im: (im[1].span.start, im[0]))
    owner: dict[int, Entity] = {}
    for i, m in spoken:
        deadline.check()
        q = quotes[i]
        exact = m.span.end <= len(text) and text[m.span.start:m.span.end] == m.text
        info = analyse(m.text, house)
        if info.kind == "none":
            continue  # "no one said": no source, the claim is unattributed
        e = _resolve(art, info, m, m.span.start if exact else q.span.start)
        owner[i] = e
        e.mentions.append(m)
        art.note(e, m.span.start)
        if not exact:
            continue
        if info.organisation is not None and e.organisation is None:
            e.organisation = m.text[info.organisation[0]:info.organisation[1]]
        if e.kind != "person" and info.form == "description" and len(info.name) > len(e.name):
            e.name = info.name
        if e.descriptor is None:
            e.descriptor = descriptor(geo, house, e.kind, e.spokes, info, m, exact)
            if e.descriptor is not None and e.kind == "person":
                e.roles |= roles(e.descriptor.text, house)
        if e.kind == "anonymous" and e.reason is None:
            e.reason = anonymity_reason(anchors, m)

    ids: dict[int, str] = {}
    sources: list[Source] = []
    out: list[Quote] = []
    for i, q in enumerate(quotes):
        held = owner.get(i)
        if held is None:
            out.append(replace(q, source_id=None))
            continue
        if id(held) not in ids:
            ids[id(held)] = f"s{len(ids) + 1}"
        held.quote_ids.append(q.id)
        out.append(replace(q, source_id=ids[id(held)]))
    by_id = {id(e): e for e in art.entities}
    for key, sid in ids.items():
        e = by_id[key]
        type_ = source_type(e.kind, e.unresolved)
        sources.append(Source(
            id=sid, name=e.name, type=type_,
            descriptor=e.descriptor,
            mentions=tuple(sorted(set(e.mentions), key=lambda x: (x.span.start, x.span.end))),
            anonymity_reason=e.reason if type_ == "anonymous" else None,
            quote_ids=tuple(e.quote_ids),
            organisation=e.organisation,
        ))
    return out, sources

"""``reslint parse --format json``: the Document as data teams read it.

The pydantic models here are the contract (``schemas/document.schema.json`` is generated
from :class:`ParsedDocument`); :func:`document_model` fills them from a Document.
Positions are 1-based lines; text is the paragraph text with line breaks undone and
footnote markers taken out (they are listed under ``markers``).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from linter.parse.model import Document, Paragraph, SubParagraph


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SubParagraphModel(_Model):
    label: str = Field(description="'a', 'b', ... or 'i', 'ii', ...")
    text: str
    line: int
    subparagraphs: list[SubParagraphModel] = []


class ParagraphModel(_Model):
    number: int | None = Field(description="The paragraph number, or null if unnumbered.")
    text: str
    line: int
    end_line: int
    lead: str | None = Field(description="The lead phrase it opens with, if recognised.")
    part: str | None = Field(description="Label of the part or section it stands in.")
    subparagraphs: list[SubParagraphModel] = []


class AnnexParagraphModel(ParagraphModel):
    annex: str = Field(description="'annex' or 'annex I', ...: numbering restarts in each.")


class NoteModel(_Model):
    number: int
    text: str
    line: int
    page: int = Field(description="0-based page on which the note was printed.")


class MarkerModel(_Model):
    number: int
    line: int
    column: int
    style: str = Field(description="How extraction left it: own-line, glued, spaced, ...")


class AdoptionModel(_Model):
    date: str | None = Field(description="ISO date YYYY-MM-DD.")
    meeting: int | None
    line: int | None
    source: str = Field(description="adoption-line, heading (date from the heading) or none.")


class SectionModel(_Model):
    kind: str = Field(description="part, section, annex or heading")
    label: str | None
    text: str
    line: int


class ParsedDocument(_Model):
    """The structure of one resolution text."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="reslint parsed document",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    path: str
    language: str
    symbol: str | None
    body: str | None = Field(description="Adopting body id: ga, ecosoc, sc, hrc, ...")
    number: str | None = Field(description="The resolution's own number, e.g. 2012/19.")
    title: str | None
    author: str | None
    headings: list[str]
    preamble: list[ParagraphModel]
    operative: list[ParagraphModel]
    annexes: list[AnnexParagraphModel]
    sections: list[SectionModel]
    notes: list[NoteModel]
    markers: list[MarkerModel]
    adoption: AdoptionModel


def _sub(sub: SubParagraph) -> SubParagraphModel:
    return SubParagraphModel(
        label=sub.label,
        text=sub.text,
        line=sub.line,
        subparagraphs=[_sub(child) for child in sub.children],
    )


def _paragraph_fields(paragraph: Paragraph) -> dict[str, object]:
    return {
        "number": paragraph.number,
        "text": paragraph.text,
        "line": paragraph.line,
        "end_line": paragraph.end_line,
        "lead": paragraph.lead,
        "part": paragraph.part,
        "subparagraphs": [_sub(sub) for sub in paragraph.subparagraphs],
    }


def document_model(doc: Document) -> ParsedDocument:
    return ParsedDocument(
        path=doc.source.path,
        language=doc.language,
        symbol=doc.symbol,
        body=doc.body,
        number=doc.number,
        title=doc.title,
        author=doc.author,
        headings=[heading.text for heading in doc.headings],
        preamble=[ParagraphModel(**_paragraph_fields(p)) for p in doc.preamble],  # type: ignore[arg-type]
        operative=[ParagraphModel(**_paragraph_fields(p)) for p in doc.operative],  # type: ignore[arg-type]
        annexes=[
            AnnexParagraphModel(annex=p.scope, **_paragraph_fields(p))  # type: ignore[arg-type]
            for p in doc.annexes
        ],
        sections=[
            SectionModel(kind=h.kind, label=h.label, text=h.text, line=h.line) for h in doc.sections
        ],
        notes=[
            NoteModel(number=n.number, text=n.text, line=n.line, page=n.page) for n in doc.notes
        ],
        markers=[
            MarkerModel(
                number=m.number,
                line=m.line,
                column=doc.source.position(m.span.start)[1],
                style=m.style.value,
            )
            for m in doc.markers
        ],
        adoption=AdoptionModel(
            date=doc.adoption.date,
            meeting=doc.adoption.meeting,
            line=doc.adoption.line,
            source=doc.adoption.source,
        ),
    )


def document_text(doc: Document) -> str:
    """A readable outline of the Document (``reslint parse`` without ``--format json``)."""
    lines = [
        f"language: {doc.language}",
        f"symbol:   {doc.symbol or '-'}",
        f"number:   {doc.number or '-'}",
        f"title:    {doc.title or '-'}",
        f"author:   {doc.author or '-'}",
        f"preamble: {_paragraphs(len(doc.preamble))}",
        f"operative: {_paragraphs(len(doc.operative))}",
    ]
    for paragraph in doc.operative:
        label = f"{paragraph.number}." if paragraph.number is not None else "-"
        lines.append(f"  {label:>4} (line {paragraph.line}) {paragraph.text[:70]}")
        for sub in paragraph.subparagraphs:
            lines.append(f"        ({sub.label}) {sub.text[:64]}")
    if doc.annexes:
        lines.append(f"annex paragraphs: {len(doc.annexes)}")
    lines.append(f"notes:    {', '.join(str(n.number) for n in doc.notes) or '-'}")
    lines.append(
        f"markers:  {len(doc.markers)} ({', '.join(f'{m.number}@{m.line}' for m in doc.markers)})"
    )
    adoption = doc.adoption
    lines.append(
        f"adoption: {adoption.date or '-'}, meeting {adoption.meeting or '-'} ({adoption.source})"
    )
    return "\n".join(lines) + "\n"


def _paragraphs(count: int) -> str:
    return f"{count} paragraph{'' if count == 1 else 's'}"

"""N006 dangling-paragraph-reference."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.references import find_references
from linter.parse.model import Document, Paragraph
from linter.source.lexicon import lexicon_for


def _scopes(doc: Document) -> dict[str, dict[int, Paragraph]]:
    """Numbered paragraphs by scope ("" for the resolution, "annex I", ...)."""
    found: dict[str, dict[int, Paragraph]] = {}
    for paragraph in (*doc.operative, *doc.annexes):
        if paragraph.number is not None:
            found.setdefault(paragraph.scope, {}).setdefault(paragraph.number, paragraph)
    return found


@rule("N006", "dangling-paragraph-reference", Severity.ERROR, requires_structure=True)
def dangling_paragraph_reference(doc: Document) -> Iterator[Hit]:
    """A reference such as "paragraph 18 above" or "第 18 段" names a paragraph the text lacks.

    Why:
        Resolutions cite their own paragraphs ("as requested in paragraph 5 above",
        "paragraphs 3 to 5 of the present resolution", 上文第 5 段). When paragraphs
        are renumbered, merged or lost, such references point nowhere, and the decision
        they qualify no longer says what it did. References to other texts ("paragraph 4
        of resolution 66/181") are not checked.

    Example:
        The General Assembly,

        Recalling its resolution 66/181,

        1. Requests the Secretary-General to report on the matter;

        2. Decides to consider the report referred to in paragraph 3 above.

        40th plenary meeting
        14 November 2025

    Use instead:
        The General Assembly,

        Recalling its resolution 66/181,

        1. Requests the Secretary-General to report on the matter;

        2. Decides to consider the report referred to in paragraph 1 above.

        40th plenary meeting
        14 November 2025
    """
    lex = lexicon_for(doc.language)
    scopes = _scopes(doc)
    if not scopes.get(""):
        return  # nothing numbered in the resolution: references cannot be checked
    for paragraph in doc.paragraphs:
        scope = paragraph.scope if paragraph.scope in scopes else ""
        numbers = scopes[scope]
        highest = max(numbers)
        for reference in find_references(paragraph, lex):
            for target in reference.targets:
                found = numbers.get(target.number)
                if found is None and min(numbers) < target.number < highest:
                    continue  # a gap in the numbering: N001's finding, not a dangling reference
                if found is None:
                    problem = (
                        f"paragraph {target.number} does not exist: the numbered paragraphs"
                        f"{' of the ' + scope if scope else ''} run from "
                        f"{min(numbers)} to {highest}"
                    )
                elif (
                    target.sub is not None
                    and found.subparagraphs
                    and target.sub not in {sub.label for sub in found.subparagraphs}
                ):
                    labels = ", ".join(f"({sub.label})" for sub in found.subparagraphs)
                    problem = (
                        f"paragraph {target.number} (line {found.line}) has no sub-paragraph "
                        f"({target.sub}); it has {labels}"
                    )
                else:
                    continue
                span = paragraph.body.source_span(target.start, target.end)
                yield Hit(span.start, span.end, f"dangling reference: {problem}")

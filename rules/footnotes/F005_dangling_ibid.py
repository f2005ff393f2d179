"""F005 dangling-ibid."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.footnotes import defined_numbers, ibid_form
from linter.parse.model import Document
from linter.source.lexicon import lexicon_for


@rule("F005", "dangling-ibid", Severity.ERROR, requires_structure=True)
def dangling_ibid(doc: Document) -> Iterator[Hit]:
    """ "Ibid." (同上, Там же, المرجع نفسه) opens the first note, or follows a missing note.

    Why:
        "Ibid." means "the source of the note just before". In the first note there is
        no such source; after a lost note it silently cites the wrong one. Both happen
        when notes are lost or reordered in extraction. The forms come from the lexicons
        (``ibid`` in ``rules/data/lang/<lang>.toml``).

    Example:
        The General Assembly,

        Recalling the Convention,1 and its Protocols,2

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________

        1 Ibid., vol. 2225, No. 39574.
        2 Ibid., vols. 2237, 2241 and 2326, No. 39574.

    Use instead:
        The General Assembly,

        Recalling the Convention,1 and its Protocols,2

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________

        1 United Nations, Treaty Series, vol. 2225, No. 39574.
        2 Ibid., vols. 2237, 2241 and 2326, No. 39574.
    """
    lex = lexicon_for(doc.language)
    if not lex.ibid or not doc.notes:
        return
    defined = defined_numbers(doc)
    first = min(note.number for note in doc.notes)
    for note in doc.notes:
        form = ibid_form(note, lex)
        if form is None:
            continue
        start = note.body.source_span(0, len(form))
        if note.number == first:
            message = f"note {note.number} opens with '{form}', but no note comes before it"
        elif note.number - 1 not in defined:
            message = (
                f"note {note.number} opens with '{form}', but note {note.number - 1}, "
                "which it refers to, is missing"
            )
        else:
            continue
        yield Hit(start.start, start.end, message)

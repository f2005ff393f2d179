"""F005 dangling-ibid."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.footnotes import ibid_form
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

        The printed volumes of Security Council resolutions number notes through the
        volume: a resolution's first note may be 18 and open with "Ibid.", its source in
        the resolution printed before it. Such a note is flagged only when its source
        should be in this text: the notes start at 1, or the marker of the note before
        it is in the text.

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
    notes = doc.numbered_notes
    if not lex.ibid or not notes:
        return
    defined = {note.number for note in notes}
    referenced = {marker.number for marker in doc.numbered_markers}
    first = min(defined)
    for note in notes:
        form = ibid_form(note, lex)
        if form is None:
            continue
        before = note.number - 1
        # The note it refers to belongs to this text when numbering starts here, or when
        # the text holds its marker.
        here = first == 1 or before in referenced
        if before in defined or not here:
            continue
        start = note.body.source_span(0, len(form))
        if note.number == first and first == 1:
            message = f"note {note.number} opens with '{form}', but no note comes before it"
        else:
            message = (
                f"note {note.number} opens with '{form}', but note {before}, "
                "which it refers to, is missing"
            )
        yield Hit(start.start, start.end, message)

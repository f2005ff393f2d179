"""A001 repeated-emphasis."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Edit, Fix, FixAvailability, Hit, Severity, rule
from linter.parse.model import Document
from linter.parse.repeats import find_repeats
from linter.source.lexicon import lexicon_for


@rule("A001", "repeated-emphasis", Severity.WARNING, FixAvailability.SAFE)
def repeated_emphasis(doc: Document) -> Iterator[Hit]:
    """A phrase drawn several times in a row by extraction of emphasised (bold, italic) text.

    Why:
        PDFs draw bold and italic text several times at one place; extractors then emit
        it several times: phrase by phrase (``回顾回顾回顾回顾``, ``RecallingRecalling``,
        ``Recalling Recalling Recalling``) or character by character (``邀邀邀邀请请请请``).
        Neighbouring pieces drawn the same number of times are one damaged run
        (``又又又又邀邀邀邀请请请请`` is 又邀请 drawn four times): one finding per run, at its
        exact columns. Legitimate reduplication repeats only twice and does not collapse
        to a lead phrase, so ``方方面面``, ``研究所所作``, ``应对对环境``, ``that that`` and
        ``had had`` are left alone.

    Example:
        又又又又邀邀邀邀请请请请会员国酌情考虑跨国有组织犯罪集团的活动，

    Use instead:
        又邀请会员国酌情考虑跨国有组织犯罪集团的活动，

    Fix safety:
        Safe: the fix keeps one copy of the phrase and removes only the copies, which the
        content guard accepts as "repeated emphasis".
    """
    leads = lexicon_for(doc.language).lead_set
    for repeat in find_repeats(doc.text, leads):
        yield Hit(
            repeat.start,
            repeat.end,
            f"'{repeat.phrase}' is drawn {repeat.times} times (extracted emphasis); keep it once",
            Fix((Edit(repeat.start, repeat.end, repeat.phrase),), removes="repeated emphasis"),
        )

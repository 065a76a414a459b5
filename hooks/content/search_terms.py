"""Words search finds a page by beyond its own: the pinyin of its Chinese names (issue #25).

Readers without a Chinese keyboard type pinyin without tones ('juliu xuke', 'luodiqian').
`pinyin_names` turns a page's Chinese names (its Chinese title and `also_called` names) into
what they type: one pinyin word per jieba word ('kouan qianzheng'), and a short name also run
together ('kouanqianzheng'). hooks/editions.py adds them to the page's title in both editions'
search indexes. pypinyin ships its dictionary: nothing is fetched.
"""

from __future__ import annotations

from collections.abc import Iterable

import jieba  # Material's search plugin cuts Chinese with it; the same cuts give the same words
import pypinyin

from content.catalog import HAN_RUN

# --- helpers ----------------------------------------------------------------


def pinyin_names(names: Iterable[str]) -> list[str]:
    """Toneless pinyin of the Chinese in each name, without repeats, in the order given."""
    out: list[str] = []
    for name in names:
        words = [word for word in jieba.cut(name or "") if HAN_RUN.fullmatch(word)]
        if not words:
            continue
        syllables = [_pinyin(word) for word in words]
        forms = [" ".join(syllables)]
        if len(words) > 1 and len("".join(words)) <= SHORT_NAME:
            forms.append("".join(syllables))
        out.extend(form for form in forms if form not in out)
    return out


def _pinyin(word: str) -> str:
    return "".join(pypinyin.lazy_pinyin(word, style=pypinyin.Style.NORMAL))


# --- data -------------------------------------------------------------------

# A name of at most this many characters is also indexed as one pinyin word ('luodiqian'),
# as readers type a short term; a long title is not.
SHORT_NAME = 5
# Readings pypinyin gets wrong in the site's names (a character with two readings).
pypinyin.load_phrases_dict({"长三角": [["cháng"], ["sān"], ["jiǎo"]]})

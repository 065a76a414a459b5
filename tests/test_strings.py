"""hooks/content/strings.yml: every word the hooks and list templates write exists in both editions."""

from __future__ import annotations

from content.strings import STRINGS


def test_both_editions_have_every_ui_word():
    english, chinese = set(STRINGS["en"]), set(STRINGS["zh"])
    assert english == chinese, (
        f"a Chinese page would show an English word or a blank: only en {sorted(english - chinese)}, "
        f"only zh {sorted(chinese - english)}"
    )

"""The compiled translations are the ones in the .po files, and every interface string is translated.

Compiled messages are committed, so `make run` and `make test` need no gettext tools; this test fails
when a .po file was edited without compiling it (`manage.py compilemessages`, or polib's
save_as_mofile), or when a string has no translation yet.
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_and_compiled(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    compiled = {(e.msgid, e.msgid_plural): (e.msgstr, e.msgstr_plural) for e in mo}
    for entry in po.translated_entries():
        assert compiled.get((entry.msgid, entry.msgid_plural)) == (entry.msgstr, entry.msgstr_plural), (
            entry.msgid
        )

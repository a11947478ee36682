"""Clinics that script from their own systems: issue a pack and read its record from the command line."""

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.support.factories import PatientClient
from tests.support.packs import SAME_ORIGIN, make_pack, make_page_with_check

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_issue_reading_pack_prints_a_working_code_link_and_expiry_and_reading_record_reads_it():
    page, check = make_page_with_check()
    make_pack([page], slug="first-infusion")
    output = run("issue_reading_pack", "first-infusion", "--days", "7")
    code = re.search(r"Code: (\S+)", output).group(1)
    assert f"Link: http://127.0.0.1:8000/p/{code}/" in output
    assert re.search(r"Expires: \d{4}-\d\d-\d\dT", output)

    patient = PatientClient()
    patient.post(f"/p/{code}/1/answer/", {"check": check.pk, "answer": 1}, **SAME_ORIGIN)
    patient.post(f"/p/{code}/1/", **SAME_ORIGIN)

    text = run("reading_record", code)
    assert "Before your first infusion (en): in progress" in text
    assert "1. Your infusion day: read" in text and "version 1, reviewed" in text
    assert (
        "How long does the infusion take? (Your infusion day): still wrong, first “About 10 minutes”" in text
    )

    record = json.loads(run("reading_record", code.lower().replace("-", ""), "--json"))
    assert record["status"] == "in progress"
    assert record["pages"][0]["version_number"] == 1
    assert record["answers"][0]["first_correct"] is False
    assert (record["pages_read"], record["pages_total"]) == (1, 1)


def test_the_commands_explain_a_wrong_pack_or_code():
    with pytest.raises(CommandError, match="No reading pack “nope”"):
        run("issue_reading_pack", "nope")
    with pytest.raises(CommandError, match="No reading pack has the code"):
        run("reading_record", "KX7P-2M9Q")

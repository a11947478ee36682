import json

from django.core.management.base import BaseCommand, CommandError

from reading_packs import records
from reading_packs.reading_record import as_json_ready, reading_record


class Command(BaseCommand):
    help = "Print the reading record of a code: pages read (with version numbers), every check and questions."

    def add_arguments(self, parser):
        parser.add_argument("code", help="The code from the patient's record, for example KX7P-2M9Q.")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print JSON instead of text.")

    def handle(self, *args, code, as_json: bool = False, **options):
        issued = records.find(code)
        if issued is None:
            raise CommandError(f"No reading pack has the code “{code[:24]}”.")
        record = reading_record(issued)
        if as_json:
            self.stdout.write(json.dumps(as_json_ready(record), indent=2, ensure_ascii=False))
            return
        self.stdout.write(_as_text(record))


def _when(value) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else "not yet"


def _as_text(record: dict) -> str:
    lines = [
        f"{record['pack']} ({record['language']}): {record['status']}",
        f"Issued {_when(record['issued_at'])}, expires {_when(record['expires_at'])}",
        f"Opened {_when(record['opened_at'])}, finished {_when(record['finished_at'])}",
        f"Pages read: {record['pages_read']} of {record['pages_total']}",
    ]
    for page in record["pages"]:
        if page["read"]:
            reviewed = f"reviewed {page['reviewed_on']:%Y-%m-%d}" if page["reviewed_on"] else "not reviewed"
            lines.append(
                f"  {page['position']}. {page['title']}: read {_when(page['read_at'])}, "
                f"version {page['version_number']}, {reviewed}"
            )
        else:
            lines.append(f"  {page['position']}. {page['title']}: not read")
    lines.append("Checks:" if record["checks"] else "Checks: none in this pack")
    for check in record["checks"]:
        safety = ", safety check" if check["safety_check"] else ""
        line = f"  {check['question']} ({check['page']}{safety}): {check['outcome']}"
        if check["attempts"]:
            tries = f"{check['attempts']} tr{'y' if check['attempts'] == 1 else 'ies'}"
            line += f", first “{check['first_answer']}”, final “{check['final_answer']}”, {tries}"
        lines.append(line)
    lines.append(f"Questions for the appointment: {record['questions'] or 'none'}")
    return "\n".join(lines)

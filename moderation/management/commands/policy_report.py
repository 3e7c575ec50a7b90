"""Measure the health-claim detection on the labelled corpus and write the figures into docs/POLICY.md.

    manage.py policy_report            # print the table (dev and test split)
    manage.py policy_report --write    # and replace the block between the figures markers
    manage.py policy_report --check    # fail when docs/POLICY.md shows other figures than the code gives

Every answer goes through the public pipeline (render, sanitise, visible text, assess with the
rules and the committed model), once more with the rules alone for comparison. Thresholds are
chosen on dev (manage.py policy_train); the test split is only ever measured here.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from moderation import learning

START = "<!-- figures:start -->"
END = "<!-- figures:end -->"


def replace_block(text, table):
    """``text`` with the block between the markers replaced by ``table``."""
    if START not in text or END not in text:
        raise CommandError(f"no {START} … {END} block")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{table}\n{END}{after}"


class Command(BaseCommand):
    help = "Needs-review recall and false-positive rate on the corpus (dev, test); --write updates docs/POLICY.md."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="Replace the figures block in the document.")
        parser.add_argument("--check", action="store_true", help="Fail when the document is out of date.")
        parser.add_argument("--doc", default=str(Path(settings.BASE_DIR) / "docs" / "POLICY.md"),
                            help="The document with the figures block (default docs/POLICY.md).")

    def handle(self, *args, write, check, doc, **options):
        path = Path(doc)
        text = path.read_text(encoding="utf-8")
        replace_block(text, "")  # a document without the block fails before the long measurement
        table = learning.figures_table(learning.load_examples())
        updated = replace_block(text, table)
        if check and updated != text:
            raise CommandError(f"{path} shows other figures than the code gives; run manage.py policy_report --write")
        if write and updated != text:
            path.write_text(updated, encoding="utf-8")
        self.stdout.write(table)

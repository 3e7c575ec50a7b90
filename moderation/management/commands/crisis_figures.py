"""Measure the crisis detector on its labelled posts and write the figures into docs/POLICY.md.

    manage.py crisis_figures            # print the table
    manage.py crisis_figures --write    # and replace the block between the crisis-figures markers
    manage.py crisis_figures --check    # fail when docs/POLICY.md shows other figures than the code gives
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from moderation.policy.crisis_corpus import LANGUAGES, SPLITS, figures, load

START = "<!-- crisis-figures:start -->"
END = "<!-- crisis-figures:end -->"


def figures_table():
    """The Markdown table of recall and false-positive rate per split and language."""
    lines = [
        "| split | language | posts | crisis posts | recall | false-positive rate |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for split in SPLITS:
        rows, _ = figures(load(split))
        for language in (*LANGUAGES, "all"):
            row = rows[language]
            lines.append(
                f"| {split} | {language} | {row['posts']} | {row['crisis']} | {row['recall']:.3f} "
                f"({row['tp']}/{row['tp'] + row['fn']}) | {row['fpr']:.3f} ({row['fp']}/{row['fp'] + row['tn']}) |"
            )
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Recall and false-positive rate of the crisis detector on moderation/policy/crisis_corpus; --write updates docs/POLICY.md."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="Replace the figures block in docs/POLICY.md.")
        parser.add_argument("--check", action="store_true", help="Fail when docs/POLICY.md is out of date.")

    def handle(self, *args, write, check, **options):
        table = figures_table()
        path = Path(settings.BASE_DIR) / "docs" / "POLICY.md"
        text = path.read_text(encoding="utf-8")
        if START not in text or END not in text:
            raise CommandError(f"{path} has no {START} … {END} block")
        before, rest = text.split(START, 1)
        _, after = rest.split(END, 1)
        updated = f"{before}{START}\n{table}\n{END}{after}"
        if check and updated != text:
            raise CommandError("docs/POLICY.md shows other crisis figures; run manage.py crisis_figures --write")
        if write and updated != text:
            path.write_text(updated, encoding="utf-8")
        self.stdout.write(table)

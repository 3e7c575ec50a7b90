"""Write moderators' approve/reject decisions as labelled examples in the corpus JSONL format.

Retrain on them with `manage.py policy_train --extra FILE`.
"""

import json

from django.core.management.base import BaseCommand

from moderation.decisions import export_rows


class Command(BaseCommand):
    help = "Export moderators' decisions as labelled examples (corpus JSONL) for policy_train --extra."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", default="-", help='File to write; "-" (the default) for stdout.')
        parser.add_argument("--all-reasons", action="store_true",
                            help="Also items held because of flags or by a moderator (not only by the detector).")

    def handle(self, *args, output, all_reasons, **options):
        lines = [json.dumps(row, ensure_ascii=False) for row in export_rows(all_reasons=all_reasons)]
        if output == "-":
            for line in lines:
                self.stdout.write(line)
        else:
            with open(output, "w", encoding="utf-8") as f:
                f.writelines(line + "\n" for line in lines)
        self.stderr.write(f"{len(lines)} examples")

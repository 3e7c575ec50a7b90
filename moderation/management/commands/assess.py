"""Run the health-claim policy (and the crisis detector) from the command line, with the rules admins maintain.

Each text goes through the same pipeline as posting (moderation.screening): it is rendered
and sanitised, and the visible text and followable links are assessed.
Output is one JSON object per line; the format is stable and documented in README.md
(``refused``, the links that did not count and why, comes after the original keys).
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from forum.markdown import render_markdown
from moderation.policy.crisis import crisis_text, detect_crisis
from moderation.rules import load_rules
from moderation.screening import screen


def _crisis(text):
    """Judged as readers would see the text once posted: rendered and sanitised, like the site does."""
    return detect_crisis(crisis_text(render_markdown(text))).crisis


def _line(assessment, text, record_id=None, full=False):
    data = assessment.to_dict()
    out = {} if record_id is None else {"id": record_id}
    out.update(
        health_claim=data["health_claim"],
        needs_review=data["needs_review"],
        matched=data["matched"],
        sources=[{"url": s["url"], "kind": s["kind"]} for s in data["sources"]],
    )
    if full:
        out.update(language=data["language"], claim_types=data["claim_types"])
    out["refused"] = [{"url": s.url, "reason": s.reason} for s in assessment.refused_sources]
    out["crisis"] = _crisis(text)
    return json.dumps(out, ensure_ascii=False)


class Command(BaseCommand):
    help = "Assess Markdown files (or stdin) for health claims, sources and crisis signals; one JSON object per line."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="Markdown files; none means read stdin.")
        parser.add_argument(
            "--jsonl", metavar="FILE",
            help='Lines of {"id": ..., "text": ..., "language": optional, "title": optional}; "-" for stdin.',
        )
        parser.add_argument("--language", choices=["nl", "en"], help="Assume this language instead of detecting it.")

    def handle(self, *args, files, jsonl, language, **options):
        rules = load_rules()
        if jsonl:
            self._jsonl(jsonl, rules)
            return
        if not files:
            text = sys.stdin.read()
            self.stdout.write(_line(screen(text, rules=rules, language=language), text, full=True))
            return
        for path in files:
            try:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"{path}: {error}") from None
            line = json.loads(_line(screen(text, rules=rules, language=language), text, full=True))
            self.stdout.write(json.dumps({"file": path, **line}, ensure_ascii=False))

    def _jsonl(self, path, rules):
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        with handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw)
                    text = record["text"]
                    title = record.get("title")
                except (ValueError, KeyError, TypeError, AttributeError):
                    raise CommandError(f"line {number}: expected an object with at least \"text\"") from None
                if not isinstance(text, str) or not (title is None or isinstance(title, str)):
                    raise CommandError(f"line {number}: \"text\" and \"title\" must be strings")
                assessment = screen(text, rules=rules, title=title, language=record.get("language"))
                self.stdout.write(_line(assessment, text, record_id=record.get("id")))

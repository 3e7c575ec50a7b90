"""Train the learned claim detector from the labelled data in the repository and write its weights.

Deterministic: the same data gives the same weights file. Needs scikit-learn (requirements-dev.txt).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from moderation.policy import learned


class Command(BaseCommand):
    help = "Train the learned health-claim detector (moderation/policy/learned_weights.npz)."

    def add_arguments(self, parser):
        parser.add_argument("--extra", action="append", default=[], metavar="JSONL",
                            help="More labelled examples in the corpus format (e.g. from policy_export); training only.")
        parser.add_argument("--output", default=str(learned.WEIGHTS_PATH), help="Where to write the weights.")

    def handle(self, *args, extra, output, **options):
        try:
            from moderation import learning  # needs scikit-learn, a development dependency
        except ImportError as error:  # scikit-learn is a development dependency
            raise CommandError(f"Training needs the development requirements: {error}") from None
        for path in extra:
            if not Path(path).is_file():
                raise CommandError(f"No such file: {path}")
        examples = learning.load_examples(extra)
        counts = {s: sum(e.split == s for e in examples) for s in ("train", "dev", "test")}
        self.stdout.write(f"{len(examples)} examples: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        detector, dev = learning.train(examples, log=self.stdout.write)
        detector.save(output)
        self.stdout.write(
            f"thresholds: claim {detector.claim_threshold:.3f} (+{detector.slope:.2f} logit per ln sentences), "
            f"clear {detector.clear_threshold:.3f}; "
            f"dev needs-review recall {dev['recall'] or 0:.3f}, false-positive rate {dev['fpr'] or 0:.3f}"
        )
        self.stdout.write(self.style.SUCCESS(f"wrote {output}"))

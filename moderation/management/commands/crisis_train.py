"""Train the crisis detector's learned second opinion from the labelled posts and write its weights.

Deterministic: the same posts give the same weights file. Needs scikit-learn (requirements-dev.txt).
"""

from django.core.management.base import BaseCommand, CommandError

from moderation.policy import crisis_model


class Command(BaseCommand):
    help = "Train the crisis detector's learned second opinion (moderation/policy/crisis_weights.npz)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(crisis_model.WEIGHTS_PATH), help="Where to write the weights.")

    def handle(self, *args, output, **options):
        try:
            from moderation import crisis_learning  # needs scikit-learn, a development dependency
        except ImportError as error:  # scikit-learn is a development dependency
            raise CommandError(f"Training needs the development requirements: {error}") from None
        model, meta = crisis_learning.train(log=self.stdout.write)
        model.save(output)
        self.stdout.write(f"threshold {model.threshold:.2f}; {meta['posts']} posts")
        self.stdout.write(self.style.SUCCESS(f"wrote {output}"))

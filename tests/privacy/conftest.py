import pytest
from django.utils import timezone

from privacy import services
from privacy.models import DocumentKind, LegalDocument


@pytest.fixture
def new_notice_version(admin_user):
    """Publish a new privacy notice version, as an admin does."""

    def publish():
        document = LegalDocument(
            kind=DocumentKind.PRIVACY, title_nl="Privacyverklaring", title_en="Privacy notice",
            text_nl="Nieuwe tekst.", text_en="New text.", summary_of_changes="Bewaartermijnen", published_at=timezone.now(),
        )
        return services.document_publish(actor=admin_user, document=document)

    return publish


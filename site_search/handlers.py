"""The search index follows every publish and unpublish, once it is committed."""

from cms.models import PageContent
from django.db import transaction
from djangocms_versioning.constants import OPERATION_PUBLISH, OPERATION_UNPUBLISH
from djangocms_versioning.signals import post_version_operation

from . import indexing

INDEXED_OPERATIONS = (OPERATION_PUBLISH, OPERATION_UNPUBLISH)


def version_changed(sender, operation, obj, **kwargs):
    content = obj.content
    if operation in INDEXED_OPERATIONS and isinstance(content, PageContent):
        # After the commit, so the index never holds text from a publish that was rolled back,
        # and the rendering reads the committed versions.
        page_id = content.page_id
        transaction.on_commit(lambda: indexing.update_page(page_id), robust=True)


def connect() -> None:
    post_version_operation.connect(version_changed, dispatch_uid="site-search-version")

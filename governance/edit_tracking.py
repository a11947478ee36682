"""Record who changes each draft of a page, for the four-eyes rule and the page history.

djangocms-versioning records who *created* a version, not who changed it afterwards. Every change to
a draft's text goes through a plugin save or delete, or a save of the page content itself (title,
slug, settings), so those signals are recorded here, with the user the CMS's CurrentUserMiddleware
knows for the request. Code that edits a draft outside a request says who it acts for with
``cms.utils.permissions.current_user(user)``.

Not recorded, on purpose:
- the copy that makes a new draft: the copied content has no version yet while it is copied, and
  clicking "New draft" changes nothing a patient reads;
- saves of the clinical review record: it is the reviewer's sign-off, not patient text. Counting
  it would make every reviewer an editor of the draft they sign off, and so unable to publish it.

The receivers that call it, and drop a changed version's stored reading grade so that it is
recomputed for staff, are in handlers.py.
"""

from cms.models import PageContent
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from .models import DraftEdit


def _draft_version(content):
    if not isinstance(content, PageContent) or content.pk is None:
        return None
    content_type = ContentType.objects.get_for_model(PageContent)
    version = Version.objects.filter(content_type=content_type, object_id=content.pk).first()
    return version if version is not None and version.state == DRAFT else None


def record_draft_edit(content, user) -> bool:
    """Note that `user` changed `content`, if it is a draft. Returns whether anything was recorded."""
    if user is None or not user.is_authenticated or _draft_version(content) is None:
        return False
    now = timezone.now()
    updated = DraftEdit.objects.filter(content=content, user=user).update(
        last_edited_at=now, edit_count=F("edit_count") + 1
    )
    if not updated:
        DraftEdit.objects.create(content=content, user=user, first_edited_at=now, last_edited_at=now)
    return True


def draft_editors(version) -> set[int]:
    """Primary keys of everyone who wrote this draft: whoever changed it, and who created a new page.

    A draft copied from an earlier version (`source` set) was written by whoever changed it since;
    a first version was also written by the person who created the page (title, slug, template).
    """
    editors = set(DraftEdit.objects.filter(content_id=version.object_id).values_list("user_id", flat=True))
    if version.source_id is None and version.created_by_id:
        editors.add(version.created_by_id)
    return editors

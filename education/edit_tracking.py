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

Every stored reading grade of a changed version is dropped here too, to be recomputed for staff.
"""

from cms.models import CMSPlugin, PageContent
from cms.operations import CLEAR_PLACEHOLDER, CUT_PLUGIN, DELETE_PLUGIN, MOVE_PLUGIN
from cms.signals import post_placeholder_operation
from cms.utils.permissions import get_current_user
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from .review_models import DraftEdit, ReadingGrade


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


def _content_of_plugin(plugin):
    placeholder = plugin.placeholder
    return placeholder.source if placeholder is not None else None


def _forget_reading_grade(content) -> None:
    if isinstance(content, PageContent) and content.pk is not None:
        ReadingGrade.objects.filter(content_id=content.pk).delete()


def _plugin_saved(sender, instance, **kwargs):
    if not isinstance(instance, CMSPlugin) or kwargs.get("raw"):
        return
    content = _content_of_plugin(instance)
    _forget_reading_grade(content)
    record_draft_edit(content, get_current_user())


def _plugin_deleted(sender, instance, **kwargs):
    # Only the grade here: a delete may be part of deleting the whole draft, and a row created now
    # would point at content that is about to disappear. User deletes are recorded per operation.
    if isinstance(instance, CMSPlugin):
        try:
            _forget_reading_grade(_content_of_plugin(instance))
        except ObjectDoesNotExist:  # the placeholder went first in a cascade: its grade goes with it
            return


def _page_content_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:  # a new page or a copy for a new draft: nobody changed text yet
        return
    record_draft_edit(instance, get_current_user())


def _placeholder_operation(sender, operation, request, **kwargs):
    # Deleting, cutting, moving and clearing plugins in the editor change a draft without a save
    # of the plugin that stays behind.
    if operation not in (DELETE_PLUGIN, CUT_PLUGIN, MOVE_PLUGIN, CLEAR_PLACEHOLDER):
        return
    placeholders = [kwargs.get(name) for name in ("placeholder", "source_placeholder", "target_placeholder")]
    for placeholder in filter(None, placeholders):
        record_draft_edit(placeholder.source, request.user)


def connect() -> None:
    post_save.connect(_plugin_saved, dispatch_uid="education-plugin-saved")
    post_delete.connect(_plugin_deleted, dispatch_uid="education-plugin-deleted")
    post_save.connect(_page_content_saved, sender=PageContent, dispatch_uid="education-content-saved")
    post_placeholder_operation.connect(_placeholder_operation, dispatch_uid="education-placeholder-op")

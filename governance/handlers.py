"""Signal receivers of clinical governance, connected once in GovernanceConfig.ready().

- Every change to a draft's text is recorded (edit_tracking), and the version's stored reading grade
  is dropped, to be recomputed for staff.
- A changed review record drops the cached review footer of its version.
"""

from cms.models import CMSPlugin, PageContent
from cms.operations import CLEAR_PLACEHOLDER, CUT_PLUGIN, DELETE_PLUGIN, MOVE_PLUGIN
from cms.signals import post_placeholder_operation
from cms.utils.permissions import get_current_user
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save
from djangocms_versioning.constants import OPERATION_PUBLISH
from djangocms_versioning.signals import post_version_operation

from . import translations
from .edit_tracking import record_draft_edit
from .models import ClinicalReview, ReadingGrade, ReviewSource
from .review_footer import forget_review_footer


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


def _review_changed(sender, instance, **kwargs):
    review = instance if sender is ClinicalReview else instance.review
    forget_review_footer(review.extended_object_id)


def _translation_published(sender, operation, obj, **kwargs):
    if operation == OPERATION_PUBLISH and isinstance(obj.content, PageContent):
        translations.record_source(obj.content)


def connect() -> None:
    post_version_operation.connect(_translation_published, dispatch_uid="governance-translation-published")
    post_save.connect(_plugin_saved, dispatch_uid="governance-plugin-saved")
    post_delete.connect(_plugin_deleted, dispatch_uid="governance-plugin-deleted")
    post_save.connect(_page_content_saved, sender=PageContent, dispatch_uid="governance-content-saved")
    post_placeholder_operation.connect(_placeholder_operation, dispatch_uid="governance-placeholder-op")
    for model in (ClinicalReview, ReviewSource):
        uid = f"governance-footer-{model.__name__}"
        post_save.connect(_review_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(_review_changed, sender=model, dispatch_uid=f"{uid}-deleted")

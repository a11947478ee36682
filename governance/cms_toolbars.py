"""The "Clinical review" menu, "Ask for review" and the reading grade in the CMS toolbar (staff only).

django CMS builds the toolbar only for staff, so the grade is never computed for a patient.

Someone who may not publish pages (an editor) gets no Publish button at all, only "Ask for review":
versioning draws Publish for everyone and answers a refused click with a small message that is easy
to miss. The rules still refuse any publish on the server (governance/publishing.py).
"""

from cms.extensions.toolbar import ExtensionToolbar
from cms.models import PageContent
from cms.toolbar.items import TemplateItem
from cms.toolbar_pool import toolbar_pool
from django.conf import settings
from django.urls import reverse
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from .edit_tracking import draft_editors
from .models import ClinicalReview
from .publishing import PUBLISH_PERMISSION
from .readability import grade_note, is_hard, measure_name, reading_grade
from .views import DASHBOARD_PERMISSION

MENU_ID = "clinical-review"


@toolbar_pool.register
class ClinicalReviewToolbar(ExtensionToolbar):
    model = ClinicalReview

    def populate(self):
        user = self.request.user
        if not user.has_perm(DASHBOARD_PERMISSION):
            return
        menu = self.toolbar.get_or_create_menu(MENU_ID, "Clinical review")
        content = self.toolbar.get_object()
        if isinstance(content, PageContent):
            self._add_review_items(menu, content)
            self._add_ask_for_review(menu, content)
            self._add_reading_grade(content)
            menu.add_link_item("Page history", url=reverse("governance:page-history", args=[content.page_id]))
            menu.add_break("clinical-review-break")
        menu.add_link_item("Review dashboard", url=reverse("governance:review-dashboard"))

    def _add_review_items(self, menu, content):
        user = self.request.user
        review, admin_url = self.get_page_content_extension_admin(content)
        version = Version.objects.get_for_content(content)
        can_record = version.state == DRAFT and user.has_perm(
            "governance.add_clinicalreview" if review is None else "governance.change_clinicalreview"
        )
        # No "…" in the labels: the CMS draws its own after a modal item.
        if can_record:
            if review is None or review.recorded_by_id is None:
                label = "Record the clinical review"
            else:
                label = "Update the clinical review"
            menu.add_modal_item(label, url=admin_url)
        elif review is not None and user.has_perm("governance.view_clinicalreview"):
            menu.add_modal_item("See the clinical review record", url=admin_url)
        else:
            menu.add_link_item("No clinical review record yet", url="", disabled=True)

    def _add_ask_for_review(self, menu, content):
        user = self.request.user
        version = Version.objects.get_for_content(content)
        if version is None or version.state != DRAFT:
            return
        may_publish = user.has_perm(PUBLISH_PERMISSION)
        if not may_publish:
            # Versioning adds its Publish button after this toolbar runs: leave it out for this request.
            for toolbar in self.toolbar.toolbars.values():
                if hasattr(toolbar, "_add_publish_button"):
                    toolbar._add_publish_button = lambda: None
        wrote_it = user.pk in draft_editors(version) and not settings.PORTAL_ALLOW_SELF_REVIEW
        if may_publish and not wrote_it:
            return
        url = reverse("governance:ask-for-review", args=[content.pk])
        buttons = self.toolbar.add_button_list(side=self.toolbar.RIGHT)
        buttons.add_button(
            "Ask for review", url=url, extra_classes=["cms-btn-action", "governance-ask-for-review"]
        )
        menu.add_link_item("Ask for review", url=url)

    def _add_reading_grade(self, content):
        stored = reading_grade(content)
        grade = stored.grade
        self.toolbar.add_item(
            TemplateItem(
                "governance/toolbar_reading_grade.html",
                extra_context={
                    "grade": grade,
                    "too_short": stored.too_short,
                    "hard": not stored.too_short and is_hard(grade, content.language),
                    "note": grade_note(grade, too_short=stored.too_short, language=content.language),
                    "measure": measure_name(content.language),
                    "short_measure": "Ease" if content.language == "es" else "Grade",
                    "spanish": content.language == "es",
                },
                side=self.toolbar.RIGHT,
            )
        )

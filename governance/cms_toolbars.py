"""The "Clinical review" menu and the reading grade in the CMS toolbar (staff only).

django CMS builds the toolbar only for staff, so the grade is never computed for a patient.
"""

from cms.extensions.toolbar import ExtensionToolbar
from cms.models import PageContent
from cms.toolbar.items import TemplateItem
from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from .models import ClinicalReview
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
        if can_record:
            label = "Record the clinical review…" if review is None else "Update the clinical review…"
            menu.add_modal_item(label, url=admin_url)
        elif review is not None and user.has_perm("governance.view_clinicalreview"):
            menu.add_modal_item("See the clinical review record…", url=admin_url)
        else:
            menu.add_link_item("No clinical review record yet", url="", disabled=True)

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
                    "spanish": content.language == "es",
                },
                side=self.toolbar.RIGHT,
            )
        )

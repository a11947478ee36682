"""Staff see, in the CMS toolbar, that the clinic's phone number is still the fictional placeholder."""

from cms.toolbar.items import TemplateItem
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.conf import settings

from .models import ProviderCallToAction


@toolbar_pool.register
class PlaceholderPhoneToolbar(CMSToolbar):
    def populate(self):
        row = ProviderCallToAction.objects.filter(site_id=settings.SITE_ID).first()
        if row is None or not row.has_placeholder_phone:
            return
        # On the right: the CMS fits the toolbar to the window by measuring the right side's items and
        # the left side's menus only, so a text item on the left would be drawn over by the right side.
        self.toolbar.add_item(TemplateItem("clinic/toolbar_placeholder_phone.html", side=self.toolbar.RIGHT))

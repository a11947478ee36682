from cms.models import PageContent
from django import forms
from django.conf import settings
from django.contrib import admin

from .models import PackPage, PackTranslation, ReadingPack


class PageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, page):
        content = PageContent.admin_manager.filter(page=page, language=settings.LANGUAGE_CODE).first()
        return content.title if content else f"Page {page.pk}"


class PackPageInline(admin.TabularInline):
    model = PackPage
    extra = 1
    fields = ["position", "page"]
    ordering = ["position", "pk"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "page":
            kwargs["form_class"] = PageChoiceField
            pages = db_field.related_model.objects.filter(site_id=settings.SITE_ID)
            kwargs["queryset"] = pages.order_by("path")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PackTranslationInline(admin.StackedInline):
    model = PackTranslation
    extra = 0


@admin.register(ReadingPack)
class ReadingPackAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "days_valid", "page_count"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PackPageInline, PackTranslationInline]
    change_list_template = "reading_packs/admin/change_list.html"

    @admin.display(description="pages")
    def page_count(self, pack):
        return pack.pack_pages.count()

from django.contrib import admin

from .models import PurgeFailure


@admin.register(PurgeFailure)
class PurgeFailureAdmin(admin.ModelAdmin):
    """Read-only: what failed, and when. Delete a row once the cache has been purged by hand."""

    list_display = ("failed_at", "cache", "target", "attempts", "error")
    readonly_fields = ("failed_at", "cache", "target", "attempts", "error")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

from django.db import models


class PurgeFailure(models.Model):
    """A purge that still failed after its retries: patients may see an old page until the next one.

    Shown to administrators in the admin; the publish itself stood.
    """

    cache = models.CharField(max_length=40)
    target = models.CharField(max_length=300)
    error = models.TextField()
    attempts = models.PositiveSmallIntegerField()
    failed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-failed_at"]
        verbose_name = "failed purge"

    def __str__(self) -> str:
        return f"{self.cache} purge of {self.target} failed at {self.failed_at:%Y-%m-%d %H:%M}"

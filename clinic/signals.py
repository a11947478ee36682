"""Sent when the call to action changes, before the page cache is cleared: apps whose cached output
shows its details (the care cards' clinic and crisis numbers) forget that output first."""

from django.dispatch import Signal

# Sent with `site_id`, inside the saving transaction; receivers clear now and again after commit.
call_to_action_changed = Signal()

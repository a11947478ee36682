from django.dispatch import Signal

# Sent once a change that alters what patients see has been committed (frontend caches listen).
pages_changed = Signal()

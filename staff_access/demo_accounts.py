"""The local demo accounts of `make run`: usable only in debug mode, never on a production site.

Their passwords were printed on a developer's terminal, so a database seeded with DEBUG=1 and then
served in production must not let them in: the authentication backend refuses them with DEBUG off
(a session they already hold ends at its next request), `check --deploy` fails while any exist, and
`manage.py remove_demo_accounts` deletes them.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from .roles import DEMO_ACCOUNTS

DEMO_USERNAMES = frozenset(account[0] for account in DEMO_ACCOUNTS)


def is_demo_account(user) -> bool:
    return user.get_username() in DEMO_USERNAMES


class NoDemoAccountsInProduction(ModelBackend):
    """Django's model backend, refusing the demo accounts whenever DEBUG is off."""

    def user_can_authenticate(self, user) -> bool:
        if is_demo_account(user) and not settings.DEBUG:
            return False
        return super().user_can_authenticate(user)

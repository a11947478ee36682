"""The clinic's staff roles, in one place: which role may do what.

Each role is a Django group holding exactly these permissions. After every `migrate` the groups are
made to match this table (staff_access/handlers.py, on post_migrate, as Django creates permissions),
so a change here is the only edit a new or changed role needs: an existing install and a fresh one
end up with the same groups. The test suite compares the groups in the database with this table.
"""

EDITOR = "Editor"
CLINICAL_REVIEWER = "Clinical reviewer"
ADMINISTRATOR = "Administrator"
CARE_COORDINATOR = "Care coordinator"

# The guide's building blocks are plugin models of their own: django CMS asks for each model's
# permissions before it offers the plugin in the editor.
_GUIDE_BLOCKS = [
    "keyfacts",
    "treatmentsteps",
    "carecard",
    "questionanswer",
    "glossaryterm",
    "checklist",
    "checkquestion",
]

_EDIT_PAGES = [
    "cms.view_page",
    "cms.add_page",
    "cms.change_page",
    # Page contents and placeholders have no permissions of their own: django CMS checks the page's.
    "cms.use_structure",
    "cms.view_cmsplugin",
    "cms.add_cmsplugin",
    "cms.change_cmsplugin",
    "cms.delete_cmsplugin",
    "djangocms_text.view_text",
    "djangocms_text.add_text",
    "djangocms_text.change_text",
    "djangocms_text.delete_text",
    "djangocms_versioning.view_version",
    "djangocms_versioning.add_version",
    "djangocms_versioning.change_version",
    # The CMS's version list (history, compare, revert) is the admin of this proxy model.
    "djangocms_versioning.view_pagecontentversion",
    *(f"education.{verb}_{block}" for block in _GUIDE_BLOCKS for verb in ("view", "add", "change", "delete")),
    # Editors read review records and the dashboard; they do not record reviews.
    "governance.view_clinicalreview",
    "governance.view_reviewsource",
    "governance.view_review_dashboard",
]

_REVIEW_AND_PUBLISH = [
    "cms.publish_page",
    "governance.add_clinicalreview",
    "governance.change_clinicalreview",
    "governance.add_reviewsource",
    "governance.change_reviewsource",
    "governance.delete_reviewsource",
]

# Staff accounts and roles, the call to action, and unlocking: deleting a django-axes lockout, or a
# colleague's lost authenticator (they set up a new one at their next sign-in). Not a superuser:
# staff_access.admin keeps the superuser flag and single permissions out of its reach.
_ADMINISTER = [
    "auth.view_user",
    "auth.add_user",
    "auth.change_user",
    "auth.view_group",
    "clinic.view_providercalltoaction",
    "clinic.change_providercalltoaction",
    # Its words in each other language.
    "clinic.view_calltoactionwording",
    "clinic.add_calltoactionwording",
    "clinic.change_calltoactionwording",
    "clinic.delete_calltoactionwording",
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
    "axes.view_accesslog",
    "axes.view_accessfailurelog",
    "otp_totp.view_totpdevice",
    "otp_totp.delete_totpdevice",
    "otp_static.view_staticdevice",
    "otp_static.delete_staticdevice",
    # Staff invitations: send, resend, withdraw, and see what became of each.
    "staff_access.view_invitation",
    "staff_access.add_invitation",
    # Purges of Varnish or a CDN that failed: seen, and dismissed once purged by hand.
    "frontend_cache.view_purgefailure",
    "frontend_cache.delete_purgefailure",
]

# Giving patients reading packs and reading what they read: the front desk's whole job here. The
# portal stores nothing about the patient, so a record shows a code's reading, never a person.
_ISSUE_PACKS = [
    "reading_packs.view_readingpack",
    "reading_packs.issue_pack",
    "reading_packs.view_reading_record",
]

# Which pages a pack holds, and in which order: decided by the clinicians who write the pages.
_DEFINE_PACKS = [
    *(
        f"reading_packs.{verb}_{model}"
        for model in ("readingpack", "packpage", "packtranslation")
        for verb in ("view", "add", "change", "delete")
    ),
    "reading_packs.issue_pack",
    "reading_packs.view_reading_record",
]

ROLES: dict[str, list[str]] = {
    EDITOR: [*_EDIT_PAGES, *_DEFINE_PACKS],
    CLINICAL_REVIEWER: [*_EDIT_PAGES, *_REVIEW_AND_PUBLISH, *_DEFINE_PACKS],
    ADMINISTRATOR: _ADMINISTER,
    CARE_COORDINATOR: _ISSUE_PACKS,
}

# Short names for the command line and forms (`invite_staff --role reviewer`).
ROLE_SLUGS = {
    "editor": EDITOR,
    "reviewer": CLINICAL_REVIEWER,
    "administrator": ADMINISTRATOR,
    "coordinator": CARE_COORDINATOR,
}

# Local demo accounts of `make run`, one per role (two reviewers, so one can check the other's work).
# Each has its own name, so the page history and the review footer tell the two reviewers apart, and
# an example address, so "Ask for review" reaches a reviewer's mailbox in the demo (the console).
DEMO_ACCOUNTS = [
    # (username, role, first name, last name, email)
    ("demo-editor", EDITOR, "Demo editor", "Eli", "eli.editor@example.com"),
    ("demo-reviewer", CLINICAL_REVIEWER, "Demo reviewer", "Rhea", "rhea.reviewer@example.com"),
    ("demo-reviewer-2", CLINICAL_REVIEWER, "Demo reviewer", "Sam", "sam.reviewer@example.com"),
    ("demo-admin", ADMINISTRATOR, "Demo administrator", "Ada", "ada.admin@example.com"),
    ("demo-coordinator", CARE_COORDINATOR, "Demo coordinator", "Cora", "cora.coordinator@example.com"),
]


def sync_roles(apps, using: str = "default") -> None:
    """Give every role exactly the permissions listed above.

    `apps` is the migration state post_migrate hands over. Django creates each app's permissions on
    that app's own post_migrate, so those of apps listed after staff_access may not exist yet: they
    are created here first (create_permissions skips any that exist). A permission whose model is
    not migrated yet (a partial `migrate app 0003`) is left out until the migrate that creates it.
    """
    from django.apps import apps as installed_apps
    from django.contrib.auth.management import create_permissions

    for app_config in installed_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, dotted_names in ROLES.items():
        wanted = []
        for dotted in dotted_names:
            app_label, codename = dotted.split(".")
            permission = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .first()
            )
            if permission is not None:
                wanted.append(permission)
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(wanted)

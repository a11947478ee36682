"""Give the staff roles the clinical-review permissions (roles themselves come from 0003_staff_roles).

Editors may read a page's review record and the review dashboard; clinical reviewers also record
reviews and their sources. Nobody may delete a review record: a new draft gets a new one instead.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_ADDITIONS = [
    "education.view_clinicalreview", "education.view_reviewsource", "education.view_review_dashboard",
    # The CMS's version list (history, compare, revert) is the admin of this proxy model.
    "djangocms_versioning.view_pagecontentversion",
]
REVIEWER_ADDITIONS = [
    *EDITOR_ADDITIONS,
    "education.add_clinicalreview", "education.change_clinicalreview",
    "education.add_reviewsource", "education.change_reviewsource", "education.delete_reviewsource",
]
ADDITIONS = {"Editor": EDITOR_ADDITIONS, "Clinical reviewer": REVIEWER_ADDITIONS}


def _permissions(apps, dotted_names):
    Permission = apps.get_model("auth", "Permission")
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        yield Permission.objects.get(content_type__app_label=app_label, codename=codename)


def add_review_permissions(apps, schema_editor):
    # Permissions for new models are normally created after all migrations ran; make sure they exist.
    for label in ("education", "djangocms_versioning"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for name, dotted_names in ADDITIONS.items():
        Group.objects.get(name=name).permissions.add(*_permissions(apps, dotted_names))


def remove_review_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, dotted_names in ADDITIONS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(*_permissions(apps, dotted_names))


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0003_staff_roles"),
        ("education", "0006_clinical_review"),
    ]

    operations = [migrations.RunPython(add_review_permissions, remove_review_permissions)]

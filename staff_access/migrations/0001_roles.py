"""The clinic's staff roles, as Django groups with exactly the permissions staff_access.roles lists."""

from django.db import migrations

from staff_access.roles import remove_roles, sync_roles


def create_roles(apps, schema_editor):
    sync_roles(apps)


def delete_roles(apps, schema_editor):
    remove_roles(apps)


class Migration(migrations.Migration):
    # Every app whose permissions a role holds must have created its models first.
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cms", "0045_pageurl_site_unique_path"),
        ("djangocms_text", "0004_remove_old_ckeditor_table"),
        ("djangocms_versioning", "0018_fix_typo"),
        ("axes", "0010_accessattemptexpiration"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
        ("clinic", "0001_initial"),
        ("education", "0001_initial"),
        ("governance", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]

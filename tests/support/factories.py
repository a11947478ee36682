"""Small builders for tests: a page, a user in a role. No test depends on the demo seed."""

import itertools
from urllib.parse import urlencode

from cms.api import add_plugin, create_page, create_page_content
from cms.models import PageContent
from cms.utils.permissions import current_user
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

_counter = itertools.count(1)
LANGUAGE = "en"


def make_user(
    role: str | None = None, *, username: str | None = None, password: str = "a-long-test-password-1", **extra
):
    username = username or f"user{next(_counter)}"
    user = get_user_model().objects.create_user(
        username=username,
        password=password,
        **{"email": f"{username}@clinic.example", "is_staff": role is not None, **extra},
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_superuser(username: str = "root") -> object:
    return get_user_model().objects.create_superuser(
        username=username, password="a-long-test-password-1", email=""
    )


def make_page(
    title: str = "A guide page",
    body: str | list[str] = "<p>Plain words for patients.</p>",
    *,
    author=None,
    published: bool = True,
    template: str = "education/pages/guide.html",
    slug: str | None = None,
    **page_kwargs,
):
    """A CMS page with a text plugin per body, published by `author` (a new superuser by default)."""
    author = author or make_superuser(f"author{next(_counter)}")
    page = create_page(
        title=title,
        template=template,
        language=LANGUAGE,
        created_by=author,
        slug=slug,
        in_navigation=page_kwargs.pop("in_navigation", True),
        **page_kwargs,
    )
    content = page_content(page)
    placeholder = content.get_placeholders().get(slot="content")
    for text in [body] if isinstance(body, str) else body:
        add_plugin(placeholder, "TextPlugin", LANGUAGE, body=text)
    if published:
        Version.objects.get_for_content(content).publish(author)
    return page


def page_content(page, state: str | None = None):
    contents = PageContent.admin_manager.filter(page=page, language=LANGUAGE)
    if state:
        contents = contents.filter(versions__state=state)
    return contents.latest("pk")


def make_draft_edit(page, new_body: str, user):
    """A new draft version of a published page, with its text replaced by `new_body` by `user`."""
    published = Version.objects.get_for_content(page_content(page))
    draft = published.copy(user)
    assert draft.state == DRAFT
    edit_draft(draft, new_body, user)
    return draft


def edit_draft(draft, new_body: str, user):
    """`user` replaces the text of an existing draft (recorded as their edit, as in the CMS editor)."""
    plugin = draft.content.get_placeholders().get(slot="content").get_plugins().get(plugin_type="TextPlugin")
    text = plugin.get_bound_plugin()
    text.body = new_body
    with current_user(user):
        text.save()
    return draft


# --- Staff two-factor sign-in ---------------------------------------------------------
def confirmed_totp_device(user):
    """The user's authenticator-app device, created confirmed if they have none."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Test authenticator", confirmed=True
    )


def current_totp_code(device) -> str:
    """The code the user's phone would show now, or the next one if now's was already used.

    A code works only once (django-otp remembers the last time step used), so a second sign-in in
    the same 30 seconds needs the next step's code, which the device's tolerance accepts.
    """
    from django_otp.oath import TOTP, hotp

    device.refresh_from_db()
    now = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).t()
    step = now if device.last_t < now else device.last_t + 1
    return f"{hotp(device.bin_key, step, digits=device.digits):0{device.digits}d}"


def log_in_with_second_factor(client, user):
    """A test client signed in as `user` with password and second factor both passed.

    Staff paths refuse a password-only session, so use this instead of client.force_login(user)
    for any staff user. The login form and the verify step themselves are tested in
    tests/test_two_factor.py.
    """
    from django_otp import DEVICE_ID_SESSION_KEY

    device = confirmed_totp_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def staff_client(user):
    """A new test client for a member of staff, signed in with both factors."""
    from django.test import Client

    return log_in_with_second_factor(Client(), user)


# --- Guide building blocks ---------------------------------------------------------------
def add_block(page, plugin_type: str, *, target=None, **fields):
    """Add one of the portal's plugins to the page's latest (draft or unpublished) content."""
    placeholder = page_content(page).get_placeholders().get(slot="content")
    return add_plugin(placeholder, plugin_type, LANGUAGE, target=target, **fields)


def add_glossary_term(page, term: str, definition: str, sentence: str = "We call this {term}."):
    """A text block whose sentence holds a glossary term, as an editor makes it in the text editor."""
    from djangocms_text.utils import plugin_to_tag

    text = add_block(page, "TextPlugin", body="<p></p>")
    glossary_term = add_block(page, "GlossaryTermPlugin", target=text, term=term, definition=definition)
    text.body = "<p>" + sentence.format(term=plugin_to_tag(glossary_term)) + "</p>"
    text.save()
    return glossary_term


def publish(page, user=None):
    content = page_content(page)
    Version.objects.get_for_content(content).publish(user or make_superuser(f"publisher{next(_counter)}"))


# --- Clinical governance ------------------------------------------------------------------
def make_review(
    content,
    reviewer=None,
    *,
    reviewed_on=None,
    next_review_due=None,
    sources=(("NICE guideline NG222: Depression in adults", "https://www.nice.org.uk/guidance/ng222"),),
    name: str = "Dr Asha Patel",
    title: str = "Consultant psychiatrist",
):
    """A clinical review record on one page version (draft or published), with its sources."""
    from django.utils import timezone

    from governance.models import ClinicalReview, ReviewSource

    reviewer = reviewer or make_user("Clinical reviewer")
    review = ClinicalReview.objects.create(
        extended_object=content,
        reviewer_name=name,
        reviewer_title=title,
        reviewer_account=reviewer,
        reviewed_on=reviewed_on or timezone.localdate(),
        next_review_due=next_review_due,
    )
    for position, (source_title, url) in enumerate(sources):
        ReviewSource.objects.create(review=review, title=source_title, url=url, position=position)
    return review


def record_review(version, reviewer, **changes):
    """`reviewer` records their review of the draft as it is now, as the admin's form saves it."""
    from governance.models import ClinicalReview

    review = ClinicalReview.objects.get(extended_object_id=version.object_id)
    review.reviewer_account = reviewer
    review.reviewer_name = reviewer.get_full_name() or reviewer.get_username()
    review.recorded_by = reviewer
    review.next_review_due = None  # twelve months from the review again
    for name, value in changes.items():
        setattr(review, name, value)
    review.save()
    return review


def make_reviewed_page(
    title: str = "Your infusion day",
    body: str = "<p>The infusion takes about 40 minutes.</p>",
    *,
    author=None,
    reviewer=None,
    reviewed_on=None,
    next_review_due=None,
    **page_kwargs,
):
    """A page published (as set-up, without the rules) with a clinical review on its published version."""
    author = author or make_superuser(f"author{next(_counter)}")
    page = make_page(title, body, author=author, published=False, **page_kwargs)
    content = page_content(page)
    make_review(content, reviewer, reviewed_on=reviewed_on, next_review_due=next_review_due)
    Version.objects.get_for_content(content).publish(author)
    return page


def add_spanish_version(page, title: str, slug: str, body: str, author=None):
    """Publish a Spanish version of `page` (its own title, address and text)."""
    author = author or make_superuser("traductora")
    spanish = create_page_content(
        "es",
        title,
        page,
        slug=slug,
        created_by=author,
        in_navigation=True,
        template="education/pages/guide.html",
    )
    add_plugin(spanish.get_placeholders().get(slot="content"), "TextPlugin", "es", body=body)
    Version.objects.get_for_content(spanish).publish(author)
    return spanish


class PatientClient(Client):
    """The test client, posting as a browser posts a plain `<form method="post">`: urlencoded.

    Django's client sends multipart by default, which the patient forms refuse (they take no files).
    """

    def post(self, path, data=None, content_type="application/x-www-form-urlencoded", **extra):
        if content_type == "application/x-www-form-urlencoded" and not isinstance(data, str | bytes):
            data = urlencode(data or {}, doseq=True)
        return super().post(path, data, content_type=content_type, **extra)


# --- The call to action (clinic.ProviderCallToAction) in the admin ---------------------------------
def call_to_action_url():
    from clinic.models import ProviderCallToAction

    cta = ProviderCallToAction.objects.get(site_id=1)
    return f"/admin/clinic/providercalltoaction/{cta.pk}/change/"


def call_to_action_form(**changes):
    """What the admin's call-to-action form posts back, changed by `changes`."""
    from clinic.models import CallToActionWording

    # The inline for the other languages' wording, as the admin's form sends it back unchanged.
    wordings = list(CallToActionWording.objects.filter(call_to_action__site_id=1))
    data = {
        "wordings-TOTAL_FORMS": str(len(wordings)),
        "wordings-INITIAL_FORMS": str(len(wordings)),
        "wordings-MIN_NUM_FORMS": "0",
        "wordings-MAX_NUM_FORMS": "1000",
    }
    for index, wording in enumerate(wordings):
        data.update(
            {
                f"wordings-{index}-id": str(wording.pk),
                f"wordings-{index}-call_to_action": str(wording.call_to_action_id),
                f"wordings-{index}-language": wording.language,
                f"wordings-{index}-heading": wording.heading,
                f"wordings-{index}-message": wording.message,
                f"wordings-{index}-contact_label": wording.contact_label,
                f"wordings-{index}-crisis_numbers": wording.crisis_numbers,
            }
        )
    data |= {
        "site": "1",
        "clinic_name": "Riverside Ketamine Clinic",
        "heading": "Talk to a licensed healthcare provider",
        "message": "Always talk to a licensed healthcare provider before you change any treatment.",
        "phone_number": "+44 1865 902 000",
        "contact_url": "https://riverside.example/book",
        "contact_label": "Book or change an appointment",
        "crisis_country": "both",
        "crisis_region": "",
        "crisis_numbers": "",
    }
    data.update(changes)
    return data

"""Assertions several test modules make about what a patient sees."""

CTA_TEXT = "Talk to a licensed healthcare provider"


def assert_call_to_action_and_crisis_link(html: str, production: bool = False) -> None:
    assert 'data-testid="provider-call-to-action"' in html
    assert CTA_TEXT in html
    assert "before you start, change or stop any treatment" in html
    if production:
        # A real site never offers the fresh install's fictional number: the contact link instead.
        assert "tel:+12025550100" not in html
        assert 'href="mailto:care@clinic.example"' in html
    else:
        assert 'href="tel:+12025550100"' in html  # the clinic's number from the site settings
    assert ">Get help now</a>" in html

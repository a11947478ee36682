from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH, PageFeedback


class ReasonForm(forms.Form):
    """What was wrong with the page: a reason, and an optional comment without contact details."""

    reason = forms.ChoiceField(
        choices=PageFeedback.Reason.choices,
        error_messages={"required": _("Choose what was wrong with the page.")},
    )
    comment = forms.CharField(required=False, widget=forms.Textarea)

    def clean_comment(self) -> str:
        comment = self.cleaned_data["comment"]
        if len(comment) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                _("Your comment has %(length)s characters. Shorten it to %(limit)s characters or fewer."),
                params={"length": len(comment), "limit": COMMENT_MAX_LENGTH},
            )
        return comment

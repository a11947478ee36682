import re

from django import forms

# A six-digit code from an authenticator app, or an eight-character recovery code.
_CODE_SHAPE = re.compile(r"^[a-z0-9]{6,16}$")


class SecondFactorForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=32,
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "inputmode": "text"}
        ),
    )

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()
        if not _CODE_SHAPE.match(code):
            raise forms.ValidationError(
                "Enter the 6-digit code from your authenticator app, or a recovery code (letters and "
                "digits only).",
                code="malformed",
            )
        return code


class EnrolmentForm(SecondFactorForm):
    code = forms.CharField(
        label="Code from your app",
        max_length=32,
        help_text="After adding the account to your app, type the 6-digit code it shows.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "inputmode": "numeric"}
        ),
    )

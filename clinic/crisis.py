"""Which crisis numbers patients see: the United States', the United Kingdom's, both, or the clinic's own.

A patient in Ohio who reads "999" or "NHS 111", or one in Leeds who reads "988", may lose time in a
crisis; so administrators choose the country in the call to action, and every place that lists
crisis numbers (clinic/crisis_numbers.html) follows that choice.
"""

from functools import cache

import phonenumbers

US, UK, BOTH, OTHER = "us", "uk", "both", "other"
COUNTRY_CHOICES = [
    (US, "United States"),
    (UK, "United Kingdom"),
    (BOTH, "United States and United Kingdom"),
    (OTHER, "Another country: the clinic's own numbers, below"),
]
# phonenumbers names the United Kingdom "GB", as ISO 3166 does.
REGIONS = {US: ("US",), UK: ("GB",), BOTH: ("US", "GB")}


def dialling_regions(country: str, other_region: str = "") -> tuple[str, ...]:
    """The regions whose short and national numbers (988, 999, 020 7946 0000) patients can dial."""
    if country == OTHER:
        return (other_region,) if other_region in phonenumbers.SUPPORTED_REGIONS else ()
    return REGIONS.get(country, REGIONS[BOTH])


def region_name(region: str) -> str:
    # The country names load 0.4 s of data: every process (each web worker, each job) would pay it
    # at start-up, and only the call-to-action form reads them.
    from phonenumbers import geocoder

    example = phonenumbers.example_number(region)
    return (example and geocoder.country_name_for_number(example, "en")) or region


@cache
def region_choices() -> list[tuple[str, str]]:
    """Every country phonenumbers knows, by name, with its calling code: "Ireland (+353)"."""
    choices = [
        (region, f"{region_name(region)} (+{phonenumbers.country_code_for_region(region)})")
        for region in phonenumbers.SUPPORTED_REGIONS
    ]
    return sorted(choices, key=lambda choice: choice[1])

"""English dates as the rest of the portal writes them ("2 December 2026"), in the admin's lists too.

Django's own English formats are American ("Dec. 2, 2026, 6:10 p.m."); only what differs is here.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1  # Monday

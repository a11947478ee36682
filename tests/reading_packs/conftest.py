import pytest

from tests.support.packs import make_pack, make_page_with_check


@pytest.fixture
def pack():
    """A pack of one published page with a check question (modules needing more define their own)."""
    page, _check = make_page_with_check()
    return make_pack([page])

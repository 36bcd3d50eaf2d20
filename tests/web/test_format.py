from decimal import Decimal

import pytest

from tipilot.web.templatetags.tipilot_format import euros_short


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("3621504375"), "3,62\xa0Md€"),
        (Decimal("884000000"), "884,0\xa0M€"),
        (Decimal("1250000"), "1,2\xa0M€"),
        (Decimal("145000"), "145\xa0000\xa0€"),
        (0, "0\xa0€"),
        (None, "—"),
    ],
)
def test_euros_short(value, shown):
    assert euros_short(value) == shown

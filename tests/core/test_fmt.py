"""French formatting of what the user reads (core.fmt)."""

from __future__ import annotations

from jury_desk.core import fmt


def test_file_sizes_read_the_french_way() -> None:
    assert [fmt.size(n) for n in (0, 1, 812, 47_267, 999_499, 999_999, 1_400_000)] == [
        "0\u00a0octet",
        "1\u00a0octet",
        "812\u00a0octets",
        "47\u00a0Ko",
        "999\u00a0Ko",
        "1,0\u00a0Mo",
        "1,4\u00a0Mo",
    ]

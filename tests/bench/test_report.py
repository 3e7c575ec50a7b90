"""The report's Spirit comparison: plain functions of the rows, no database, no servers."""

from bench.report import spirit_comparison, spirit_ratio

SPIRIT = {"label": "Spirit 0.14.3, topic page, anonymous (100 answers)", "rps": 20.0, "app_cpu_ms": 30.0, "db_cpu_ms": 6.0}


def _forum(rps):
    return {"label": "topic page, anonymous, page cache missed", "rps": rps, "app_cpu_ms": 10.0, "db_cpu_ms": 2.0}


def test_ratio_is_the_forums_cache_missed_req_per_second_over_spirits():
    assert spirit_ratio(_forum(64.0), SPIRIT) == 3.2


def test_ratio_needs_both_rows_loaded():
    assert spirit_ratio(None, SPIRIT) is None
    assert spirit_ratio(_forum(64.0), None) is None
    assert spirit_ratio(_forum(64.0), {**SPIRIT, "rps": 0.0}) is None


def test_comparison_at_three_times_spirit_meets_the_goal_and_compares_cpu():
    text = spirit_comparison(_forum(60.0), SPIRIT)
    assert "**3.00×** the req/s (60 against 20; goal ≥ 3×: met)" in text
    assert "app+DB CPU per request 12.00 ms against 36.00 ms (Spirit 3.00× the forum's)" in text


def test_comparison_below_three_times_says_not_met():
    assert "**2.50×** the req/s (50 against 20; goal ≥ 3×: NOT met)" in spirit_comparison(_forum(50.0), SPIRIT)


def test_comparison_without_the_forums_row_says_why_there_is_no_ratio():
    text = spirit_comparison(None, SPIRIT)
    assert "20 req/s" in text and "topic-anon-miss" in text and "×" not in text


def test_no_comparison_without_a_spirit_row():
    assert spirit_comparison(_forum(60.0), None) is None

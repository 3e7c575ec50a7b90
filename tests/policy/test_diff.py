"""The line diff a moderator sees when a post changed under them (moderation.policy.diff)."""

from moderation.policy.diff import ADDED, REMOVED, SAME, DiffLine, text_diff


def test_the_same_text_has_no_changes():
    assert text_diff("a\nb", "a\nb") == []


def test_an_added_and_a_removed_line_are_marked_with_context():
    assert text_diff("een\ntwee\ndrie", "een\nvier\ndrie") == [
        DiffLine(SAME, "een"), DiffLine(REMOVED, "twee"), DiffLine(ADDED, "vier"), DiffLine(SAME, "drie"),
    ]


def test_far_apart_changes_are_separated_by_a_gap():
    old = "\n".join(str(n) for n in range(20))
    new = old.replace("1\n", "een\n", 1).replace("18", "achttien")
    lines = text_diff(old, new, context=1)
    assert DiffLine(SAME, "…") in lines
    assert [line.text for line in lines if line.kind == ADDED] == ["een", "achttien"]

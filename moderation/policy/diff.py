"""What changed between two versions of a post's text, line by line, for the moderator's item page."""

import difflib
from dataclasses import dataclass

SAME = "same"
ADDED = "added"
REMOVED = "removed"


@dataclass(frozen=True)
class DiffLine:
    kind: str  # SAME, ADDED or REMOVED
    text: str


def text_diff(old, new, *, context=2):
    """The lines of `new` that differ from `old`, with up to `context` unchanged lines around each change.

    Returns [] when the texts are the same. A gap between changes is one DiffLine(SAME, "…").
    """
    old_lines, new_lines = old.splitlines(), new.splitlines()
    if old_lines == new_lines:
        return []
    lines = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if lines:
            lines.append(DiffLine(SAME, "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(DiffLine(SAME, line) for line in old_lines[i1:i2])
                continue
            lines.extend(DiffLine(REMOVED, line) for line in old_lines[i1:i2])
            lines.extend(DiffLine(ADDED, line) for line in new_lines[j1:j2])
    return lines

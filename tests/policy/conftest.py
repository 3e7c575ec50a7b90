"""Make ``moderation.policy`` importable however pytest is started.

These tests need no database and no Django settings: they import only
``moderation.policy`` (pure Python).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
